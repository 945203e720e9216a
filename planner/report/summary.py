"""The Summary section: the org, each business unit's sync method in plain words, the verdict."""

from __future__ import annotations

from dataclasses import dataclass

from planner.findings import Severity
from planner.plan.model import BusinessUnit
from planner.plan.open_decisions import OpenDecision, open_decisions
from planner.report.context import ReportContext


@dataclass(frozen=True)
class UnitRow:
    """One business unit as the summary table shows it."""

    name: str
    edition: str
    connector: str
    method: str
    matching: str
    blocking: int


@dataclass(frozen=True)
class Summary:
    """The first thing a reader sees."""

    title: str
    intro: str
    people: tuple[tuple[str, str], ...]
    rows: tuple[UnitRow, ...]
    ready: bool
    state: str
    """``ready``, ``open`` (decisions left, nothing blocks) or ``blocked``; also said in words."""
    verdict: str
    verdict_detail: str


def build(context: ReportContext) -> Summary:
    """The summary of the plan."""
    words = context.words
    plan = context.plan
    title = plan.name or words("summary.untitled", org=plan.salesforce.org)
    count = len(plan.business_units)
    intro = words(_one_or_many("summary.intro", count), org=plan.salesforce.org, count=count)
    rows = tuple(_row(context, index, unit) for index, unit in enumerate(context.units))
    blocking = context.blocking()
    plan_wide = blocking - sum(row.blocking for row in rows)
    if plan_wide:  # findings on the plan as a whole: the rows must add up to the verdict
        rows += (UnitRow(words("summary.plan_wide"), "—", "—", "—", "—", plan_wide),)
    still_open = open_decisions(plan)
    return Summary(
        title=title,
        intro=intro,
        people=_people(context),
        rows=rows,
        ready=blocking == 0 and not still_open,
        state="blocked" if blocking else ("open" if still_open else "ready"),
        verdict=_verdict(context, blocking, len(still_open)),
        verdict_detail=_verdict_detail(context, blocking, still_open),
    )


def connector_words(context: ReportContext, unit: BusinessUnit) -> str:
    """``v2, paused`` in the report's language."""
    words = context.words
    version = unit.connector.version
    shown = (
        words("connector.version", version=version) if version else words("connector.no_version")
    )
    return words("connector.line", version=shown, state=words(f"connector.{unit.connector.state}"))


def method_words(context: ReportContext, unit: BusinessUnit) -> str:
    """The sync method in plain words: who the connector logs in as and which records sync."""
    user = unit.connector.user or "unset"
    custom = unit.connector.custom_user
    username = custom.username if custom and custom.username else context.words("common.not_given")
    return context.words(f"method.{user}.{unit.sync.scope}", username=username)


def matching_words(context: ReportContext, unit: BusinessUnit) -> str:
    """How prospects match Salesforce records in this business unit."""
    ampsea = unit.allow_multiple_prospects_same_email
    key = "unset" if ampsea is None else ("crm_id" if ampsea else "email")
    return context.words(f"matching.{key}")


def _row(context: ReportContext, index: int, unit: BusinessUnit) -> UnitRow:
    edition = context.words(f"edition.{unit.edition}") if unit.edition else "—"
    return UnitRow(
        name=unit.name,
        edition=edition,
        connector=connector_words(context, unit),
        method=method_words(context, unit),
        matching=matching_words(context, unit),
        blocking=context.blocking(index),
    )


def _people(context: ReportContext) -> tuple[tuple[str, str], ...]:
    words = context.words
    team = context.team
    rows = [
        (words("summary.org"), context.plan.salesforce.org),
        (words("role.ae_admins"), context.admins()),
        (words("role.sf_admin"), context.people(team.salesforce_admin)),
        (words("role.sync_owner"), context.people(team.sync_error_owner)),
    ]
    if team.implementation_partner:
        rows.append((words("role.partner"), team.implementation_partner))
    return tuple(rows)


def _all_active(context: ReportContext) -> bool:
    return all(unit.connector.state == "active" for unit in context.units)


def _verdict(context: ReportContext, blocking: int, still_open: int) -> str:
    """Ready only when nothing blocks and nothing is left to decide."""
    state = "active" if _all_active(context) else "paused"
    if blocking:
        key, count = f"verdict.{state}.blocked", blocking
    elif still_open:
        key, count = f"verdict.{state}.open", still_open
    else:
        key, count = f"verdict.{state}.ready", 0
    return context.words(_one_or_many(key, count), count=count)


def _one_or_many(key: str, count: int) -> str:
    """English needs a singular sentence for one; ``<key>_one`` holds it (Japanese repeats it)."""
    return f"{key}_one" if count == 1 else key


def _verdict_detail(
    context: ReportContext, blocking: int, still_open: tuple[OpenDecision, ...]
) -> str:
    words = context.words
    if still_open and not blocking:
        items = [
            words("open.item", bu=item.unit, topic=words(f"open.{item.topic}"))
            for item in still_open
        ]
        return words("verdict.detail_open", items=words("owner.joiner").join(items))
    counts = [
        words(_one_or_many(f"count.{severity.value}", count), count=count)
        for severity in (Severity.WARNING, Severity.INFO)
        for count in [len(context.findings(severity))]
        if count
    ]
    if not blocking and not counts:
        return words("verdict.detail_clean")
    detail = words("verdict.detail_blocked" if blocking else "verdict.detail_review")
    if counts:
        detail += words("verdict.also", items=words("owner.joiner").join(counts))
    return detail
