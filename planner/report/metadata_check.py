"""The "Checked against the org's metadata" report section: per BU, what was verified and not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Optional

from planner.findings import Finding, Severity
from planner.report.context import ReportContext, unit_of

# Each check family: the rule codes whose problems it reports, and its "not verified" codes.
FAMILIES: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("fields", frozenset({"AEM101", "AEM102", "AEM103"}), frozenset({"AEM109"})),
    ("access", frozenset({"AEM111", "AEM112"}), frozenset({"AEM117", "AEM118"})),
    ("history", frozenset({"AEM121"}), frozenset()),
    ("writes", frozenset({"AEM131", "AEM132", "AEM133"}), frozenset()),
    ("campaigns", frozenset({"AEM141"}), frozenset()),
    ("conversion", frozenset({"AEM161"}), frozenset()),
)
ORG_CODES = frozenset({"AEM100", "AEM151", "AEM152"})


@dataclass(frozen=True)
class Row:
    """One check for one business unit: its label, status word and the findings behind it."""

    check: str
    status: str
    state: str
    """``verified``, ``problems``, ``unverified`` or ``not_applicable`` (for styling)."""
    details: tuple[str, ...]


@dataclass(frozen=True)
class UnitRows:
    """A business unit and its rows."""

    name: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class MetadataCheck:
    """The section's data."""

    intro: str
    org: tuple[str, ...]
    units: tuple[UnitRows, ...]


def build(context: ReportContext) -> Optional[MetadataCheck]:
    """The section, or None when the plan was not checked against any metadata."""
    source = context.analysis.metadata_source
    if source is None:
        return None
    words = context.words
    findings = [f for f in context.findings() if f.code.startswith("AEM")]
    org = tuple(f"{f.code}: {f.message}" for f in findings if f.code in ORG_CODES)
    data = context.analysis.data or {}
    units = []
    for index, unit in enumerate(data.get("business_units") or []):
        own = [f for f in findings if unit_of(f.pointer) == index]
        rows = tuple(_row(words, family, own, unit) for family in FAMILIES)
        units.append(UnitRows(str(unit.get("name", "")), rows))
    return MetadataCheck(words("metadata.intro", source=source), org, tuple(units))


def _row(words: Any, family: tuple[str, frozenset[str], frozenset[str]], own: list[Finding],
         unit: Mapping[str, Any]) -> Row:  # fmt: skip
    name, problem_codes, unknown_codes = family
    label = words(f"metadata.check.{name}")
    problems = [f for f in own if f.code in problem_codes and f.severity is not Severity.INFO]
    unknown = [f for f in own if f.code in unknown_codes]
    if problems:
        state = "problems"
        key = "metadata.status.problem_one" if len(problems) == 1 else "metadata.status.problems"
        status = words(key, count=len(problems))
    elif unknown:
        state, status = "unverified", words("metadata.status.unverified")
    elif not _applies(name, unit):
        state, status = "not_applicable", words("metadata.status.not_applicable")
    else:
        state, status = "verified", words("metadata.status.verified")
    details = tuple(f"{f.code}: {f.message}" for f in problems + unknown)
    return Row(label, status, state, details)


def _applies(name: str, unit: Mapping[str, Any]) -> bool:
    """Whether the plan gives the check anything to verify in this business unit."""
    sync = unit.get("sync") or {}
    mappings = unit.get("field_mappings") or []
    behaviors = {m.get("behavior") for m in mappings}
    if name in ("fields", "access"):
        return bool(sync.get("marketing_data_sharing") or mappings)
    if name == "history":
        return "most_recent" in behaviors
    if name == "writes":
        return bool(behaviors & {"account_engagement", "most_recent"})
    if name == "campaigns":
        return bool((sync.get("connected_campaigns") or {}).get("record_types"))
    return any(
        str(m.get("lead_field", "")).lower().endswith("__c")
        and str(m.get("contact_field", "")).lower().endswith("__c")
        for m in mappings
    )
