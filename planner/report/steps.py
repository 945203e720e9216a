"""The checklist's steps: one builder per step, in order, each deciding whether it applies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from planner.plan.model import BusinessUnit
from planner.report.context import ReportContext
from planner.report.summary import connector_words


@dataclass(frozen=True)
class Draft:
    """A step for this plan before numbering: its wording key, details, owner and sources."""

    key: str
    details: tuple[str, ...]
    owner: str
    refs: tuple[str, ...]


Sentence = tuple[str, dict[str, str]]


def _grouped(
    context: ReportContext, units: list[BusinessUnit], sentence: Callable[[BusinessUnit], Sentence]
) -> list[str]:
    """One line per distinct sentence; business units that would get the same line share it."""
    groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[str]] = {}
    for unit in units:
        key, params = sentence(unit)
        groups.setdefault((key, tuple(sorted(params.items()))), []).append(unit.name)
    joiner = context.words("owner.joiner")
    return [
        context.words(key, bu=joiner.join(names), **dict(params))
        for (key, params), names in groups.items()
    ]


def _version(context: ReportContext) -> Draft:
    lines = _grouped(
        context,
        context.units,
        lambda unit: ("checklist.version.unit", {"connector": connector_words(context, unit)}),
    )
    details = (context.words("checklist.version.how"), *lines)
    return Draft("version", details, context.admins(), ("roles",))


def _switch(context: ReportContext, value: Optional[bool]) -> str:
    return context.words(
        "common.undecided" if value is None else ("common.on" if value else "common.off")
    )


def _settings_sentence(context: ReportContext, unit: BusinessUnit) -> Sentence:
    s = unit.settings
    return "checklist.settings.unit", {
        "create": _switch(context, s.auto_create_prospects),
        "email": _switch(context, s.auto_change_email),
        "merge": _switch(context, s.auto_delete_merge),
        "users": _switch(context, s.user_sync),
    }


def _settings(context: ReportContext) -> Draft:
    lines = _grouped(context, context.units, lambda unit: _settings_sentence(context, unit))
    details = (context.words("checklist.settings.how"), *lines)
    return Draft("settings", details, context.admins(), ("settings", "considerations"))


def _user_sentence(context: ReportContext, unit: BusinessUnit) -> Sentence:
    custom = unit.connector.custom_user
    username = custom.username if custom and custom.username else context.words("common.not_given")
    return f"checklist.user.{unit.connector.user or 'unset'}", {"username": username}


def _connector_user(context: ReportContext) -> Draft:
    details = _grouped(context, context.units, lambda unit: _user_sentence(context, unit))
    refs = ("integration_user", "v2_prework")
    return Draft("user", tuple(details), context.people(context.team.salesforce_admin), refs)


def _field_names(unit: BusinessUnit) -> tuple[list[str], list[str]]:
    """The BU's MDS rule fields and mapped custom fields, as ``Lead.Field__c``, without repeats."""
    labels = {"lead": "Lead", "contact": "Contact"}
    rule_fields: list[str] = []
    if unit.sync.scope == "marketing_data_sharing":
        for rule in unit.sync.marketing_data_sharing:
            name = f"{labels.get(rule.object.casefold(), rule.object)}.{rule.field}"
            rule_fields += [name] if name not in rule_fields else []
    mapped: list[str] = []
    seen = set(rule_fields)  # a set: the list of names so far made this quadratic in mappings
    for mapping in unit.field_mappings:
        for label, field in (("Lead", mapping.lead_field), ("Contact", mapping.contact_field)):
            name = f"{label}.{field}"
            if field and field.casefold().endswith("__c") and name not in seen:
                mapped.append(name)
                seen.add(name)
    return rule_fields, mapped


def _access(context: ReportContext) -> Optional[Draft]:
    """Field-level security for the connector user, per field (F32, F06; AE317, AE214)."""
    joiner = context.words("owner.joiner")
    details: list[str] = []
    for unit in context.units:
        rule_fields, mapped = _field_names(unit)
        if not rule_fields and not mapped:
            continue
        if "field_level_security" in unit.rollout.in_place:
            details.append(context.words("checklist.access.in_place", bu=unit.name))
            continue
        if rule_fields:
            fields = joiner.join(rule_fields)
            details.append(context.words("checklist.access.mds", bu=unit.name, fields=fields))
        if mapped:
            fields = joiner.join(mapped)
            details.append(context.words("checklist.access.mapped", bu=unit.name, fields=fields))
    if not details:
        return None
    details.insert(0, context.words("checklist.access.how"))
    owner = context.people(context.team.salesforce_admin)
    return Draft("access", tuple(details), owner, ("mds_config", "custom_fields"))


def _person_accounts(context: ReportContext) -> Optional[Draft]:
    if not context.plan.salesforce.person_accounts:
        return None
    details = _grouped(
        context,
        context.units,
        lambda unit: (f"checklist.person.{unit.sync.person_accounts or 'none'}", {}),
    )
    owner = context.people(context.team.salesforce_admin, *context.team.account_engagement_admins)
    return Draft("person", tuple(details), owner, ("person_accounts_enable",))


def _mds(context: ReportContext) -> Optional[Draft]:
    units = [unit for unit in context.units if unit.sync.scope == "marketing_data_sharing"]
    if not units:
        return None
    details = [context.words("checklist.mds.how")]
    for unit in units:
        rules = context.mds_rules(unit, "flow.filter.rule")
        details.append(context.words("checklist.mds.unit", bu=unit.name, rules=rules))
    owner = context.people(
        *context.team.account_engagement_admins, context.team.implementation_partner
    )
    return Draft("mds", tuple(details), owner, ("mds_config", "mds_guidelines"))


def _users(context: ReportContext) -> Draft:
    synced = [unit for unit in context.units if unit.settings.user_sync]
    details = [context.words("checklist.users.how")]
    details += _grouped(context, synced, lambda unit: ("checklist.users.sync_on", {}))
    owner = context.people(*context.team.account_engagement_admins, context.team.salesforce_admin)
    return Draft("users", tuple(details), owner, ("map_users", "user_sync"))


def _fields(context: ReportContext) -> Draft:
    details = [context.words("checklist.fields.how")]
    details += [
        context.words("checklist.fields.unit", bu=unit.name, count=len(unit.field_mappings))
        for unit in context.units
        if unit.field_mappings
    ]
    return Draft("fields", tuple(details), context.admins(), ("custom_fields", "sync_behavior"))


def _campaigns(context: ReportContext) -> Optional[Draft]:
    details = []
    for unit in context.units:
        campaigns = unit.sync.connected_campaigns
        if campaigns and campaigns.enabled:
            types = context.words("owner.joiner").join(campaigns.record_types or ()) or "—"
            details.append(context.words("checklist.campaigns.unit", bu=unit.name, types=types))
    if not details:
        return None
    return Draft("campaigns", tuple(details), context.admins(), ())


def _manual(context: ReportContext) -> Draft:
    return Draft(
        "manual", (context.words("checklist.manual.how"),), context.admins(), ("considerations",)
    )


def _imports(context: ReportContext, when: str) -> Optional[Draft]:
    details = [
        context.words(
            "checklist.imports.item",
            bu=unit.name,
            name=item.name,
            match=context.words(f"checklist.imports.by.{_match_advice(unit, item.match_by)}"),
            assign=context.words(
                "checklist.imports.assigned" if item.assign else "checklist.imports.unassigned"
            ),
        )
        for unit in context.units
        for item in unit.imports
        if item.when == when
    ]
    if not details:
        return None
    details.append(context.words("checklist.imports.how"))
    key = "imports_before" if when == "before_unpause" else "imports_after"
    return Draft(key, tuple(details), context.admins(), ("ampsea_admin", "mds_guidelines"))


def _match_advice(unit: BusinessUnit, match_by: str) -> str:
    crm_id_matters = bool(unit.allow_multiple_prospects_same_email) or (
        unit.sync.scope == "marketing_data_sharing"
    )
    if match_by == "email" and crm_id_matters:
        return "email_should_be_crm_id"
    return match_by


def _unpause(context: ReportContext) -> Draft:
    details = _grouped(
        context, context.units, lambda unit: (f"checklist.unpause.{unit.connector.state}", {})
    )
    return Draft("unpause", tuple(details), context.admins(), ("considerations",))


def _smoke(context: ReportContext) -> Draft:
    return Draft("smoke", (context.words("checklist.smoke.how"),), context.admins(), ())


def _errors(context: ReportContext) -> Draft:
    owner = context.people(context.team.sync_error_owner)
    details = (context.words("checklist.errors.how", owner=owner),)
    return Draft("errors", details, owner, ("considerations",))


Builder = Callable[[ReportContext], Optional[Draft]]
# The order is the order of the work: the connector stays paused until every "before" step is done
# (settings, MDS and user mapping decide what syncs on the first unpause).
PHASES: tuple[tuple[str, tuple[Builder, ...]], ...] = (
    (
        "before",
        (
            _version,
            _settings,
            _connector_user,
            _access,
            _person_accounts,
            _mds,
            _users,
            _fields,
            _campaigns,
            _manual,
            lambda context: _imports(context, "before_unpause"),
        ),
    ),
    ("unpause", (_unpause,)),
    ("after", (_smoke, lambda context: _imports(context, "after_unpause"), _errors)),
)
