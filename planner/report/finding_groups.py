"""The Findings section: the lint findings grouped by severity, each with its place and fix."""

from __future__ import annotations

from dataclasses import dataclass

from planner.findings import Finding, Severity
from planner.report.context import ReportContext


@dataclass(frozen=True)
class FindingItem:
    """One finding as the report shows it."""

    code: str
    severity: str
    """The severity in words (the colour of the badge is never the only sign of it)."""
    name: str
    message: str
    location: str
    fix: str
    help: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one severity."""

    severity: str
    title: str
    items: tuple[FindingItem, ...]


@dataclass(frozen=True)
class FindingsView:
    """Every finding, most severe first; ``intro`` says how many and what they mean."""

    intro: str
    groups: tuple[FindingGroup, ...]


def build(context: ReportContext) -> FindingsView:
    """The findings of the plan, grouped by severity."""
    words = context.words
    groups = []
    for severity in Severity:
        found = context.findings(severity)
        if found:
            title = words(f"findings.group.{severity.value}", count=len(found))
            items = tuple(_item(context, finding) for finding in found)
            groups.append(FindingGroup(severity.value, title, items))
    total = len(context.findings())
    # The hand-over copy does not name the tool that checked the plan.
    prefix = "findings.customer." if context.presentation.for_customer else "findings."
    intro = words(prefix + ("intro_one" if total == 1 else "intro"), count=total)
    if not total:
        intro = words(prefix + "none")
    return FindingsView(intro, tuple(groups))


def _item(context: ReportContext, finding: Finding) -> FindingItem:
    rule = context.rulebook.by_code().get(finding.code)
    refs = context.citations.cite(*rule.references) if rule else ()
    return FindingItem(
        code=finding.code,
        severity=context.words(f"findings.severity.{finding.severity.value}"),
        name=finding.name,
        message=finding.message,
        location=(
            context.words("findings.line", line=finding.line, column=finding.column)
            if context.presentation.for_customer  # the plan's place, not a path on our disk
            else f"{finding.file}:{finding.line}:{finding.column}"
        ),
        fix=finding.fix or "",
        help="" if context.presentation.for_customer else f"aeplan explain {finding.code}",
        refs=refs,
    )
