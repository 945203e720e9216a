"""The Decisions section: each key decision of each business unit, with the reason behind it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.plan.model import BusinessUnit
from planner.report import sources
from planner.report.context import ReportContext


@dataclass(frozen=True)
class Decision:
    """One decision: what was chosen, why it matters, and any uncertainty in the sources."""

    topic: str
    choice: str
    reason: str
    caveat: str
    urls: tuple[str, ...]
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class DecisionGroup:
    """Decisions shared by every business unit, or those of one business unit."""

    title: str
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class Decisions:
    """The groups in order; ``titled`` is False when a single business unit needs no headings."""

    groups: tuple[DecisionGroup, ...]
    titled: bool


def build(context: ReportContext) -> Decisions:
    """The decisions of every business unit; one that all units share is told once."""
    words = context.words
    per_unit = [tuple(builder(context, unit) for builder in _BUILDERS) for unit in context.units]
    if len(per_unit) == 1:
        return Decisions((_cited(context, DecisionGroup("", per_unit[0])),), titled=False)
    shared = [
        index for index in range(len(_BUILDERS)) if len({row[index] for row in per_unit}) == 1
    ]
    groups = []
    if shared:
        common = tuple(per_unit[0][index] for index in shared)
        groups.append(DecisionGroup(words("decisions.all"), common))
    for unit, row in zip(context.units, per_unit):
        own = tuple(decision for index, decision in enumerate(row) if index not in shared)
        if own:
            groups.append(DecisionGroup(words("decisions.unit", bu=unit.name), own))
    return Decisions(tuple(_cited(context, group) for group in groups), titled=True)


def _cited(context: ReportContext, group: DecisionGroup) -> DecisionGroup:
    """Cite sources in reading order, once the groups are known."""
    decisions = tuple(
        replace(decision, refs=context.citations.cite(*decision.urls))
        for decision in group.decisions
    )
    return DecisionGroup(group.title, decisions)


def _decision(
    context: ReportContext, topic: str, key: str, refs: tuple[str, ...], **params: object
) -> Decision:
    words = context.words
    caveat_key = f"decision.{topic}.{key}.caveat"
    return Decision(
        topic=words(f"decision.{topic}.topic"),
        choice=words(f"decision.{topic}.{key}.choice", **params),
        reason=words(f"decision.{topic}.{key}.reason", **params),
        caveat=words(caveat_key, **params) if words.has(caveat_key) else "",
        urls=tuple(sources.url(ref) for ref in refs),
    )


def _connector_user(context: ReportContext, unit: BusinessUnit) -> Decision:
    user = unit.connector.user or "unset"
    custom = unit.connector.custom_user
    words = context.words
    username = custom.username if custom and custom.username else words("common.not_given")
    licence = words(f"licence.{custom.license}") if custom and custom.license else "—"
    key = f"{user}_v1" if user == "integration_user" and unit.connector.version == 1 else user
    refs = {
        "integration_user": ("integration_user", "v2_prework"),
        "integration_user_v1": ("integration_user", "switch_user"),
        "custom_user": ("v2_prework", "roles", "switch_user"),
        "unset": ("v2_prework",),
    }[key]
    return _decision(context, "user", key, refs, username=username, licence=licence)


def _scope(context: ReportContext, unit: BusinessUnit) -> Decision:
    if unit.sync.scope == "marketing_data_sharing":
        rules = context.mds_rules(unit, "decision.scope.rule")
        return _decision(context, "scope", "mds", ("mds_config", "mds_guidelines"), rules=rules)
    several = len(context.units) > 1
    key = "all_shared" if several else "all"
    return _decision(
        context, "scope", key, ("v2_prework", "business_units"), count=len(context.units)
    )


def _matching(context: ReportContext, unit: BusinessUnit) -> Decision:
    ampsea = unit.allow_multiple_prospects_same_email
    if ampsea is None:
        return _decision(context, "matching", "unset", ("ampsea_admin",))
    if ampsea:
        return _decision(context, "matching", "crm_id", ("ampsea", "ampsea_admin"))
    return _decision(context, "matching", "email", ("non_ampsea", "considerations"))


def _person_accounts(context: ReportContext, unit: BusinessUnit) -> Decision:
    enabled = context.plan.salesforce.person_accounts
    mode = unit.sync.person_accounts or "none"
    key = mode if mode != "none" else ("off" if enabled else "absent")
    record_type = unit.sync.default_person_account_record_type or context.words("common.not_given")
    refs = ("person_accounts",) if mode == "none" else ("person_accounts", "person_accounts_enable")
    return _decision(context, "person", key, refs, record_type=record_type)


def _fields(context: ReportContext, unit: BusinessUnit) -> Decision:
    mappings = unit.field_mappings
    if not mappings:
        return _decision(context, "fields", "default", ("default_fields", "sync_behavior"))
    count = {behavior: 0 for behavior in ("salesforce", "account_engagement", "most_recent")}
    for mapping in mappings:
        count[mapping.behavior] += 1
    key = "recent" if count["most_recent"] else "mapped"
    return _decision(
        context,
        "fields",
        key,
        ("sync_behavior", "default_fields", "custom_fields"),
        total=len(mappings),
        salesforce=count["salesforce"],
        account_engagement=count["account_engagement"],
        recent=count["most_recent"],
    )


_BUILDERS = (_connector_user, _scope, _matching, _person_accounts, _fields)
