"""Build a report: analyse the plan, build every section's data, render it in one format."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from planner.errors import PlannerError
from planner.findings import Finding
from planner.lint import heap
from planner.lint.linter import Analysis, Linter, LintOptions
from planner.plan.secrets import refuse_secrets
from planner.report import rendering
from planner.report.context import Citations, ReportContext
from planner.report.presentation import Presentation
from planner.report.rendering import BuiltSection, Document
from planner.report.sections import SECTIONS
from planner.report.wording import wording
from planner.rules.rulebook import StructuralCheck

if TYPE_CHECKING:
    from planner.progress import ProgressCallback


def build_report(
    path: Path,
    output_format: str,
    options: Optional[LintOptions] = None,
    shown: Optional[Presentation] = None,
    progress: Optional[ProgressCallback] = None,
) -> str:
    """The report on the plan at ``path`` in ``output_format``; unreportable plans raise.

    ``options`` are the same linter options ``aeplan lint`` would use, so the report's findings
    match the linter's (configuration file, organisation rules, severities, suppressions).
    ``progress(done, total)`` is told of each business unit the sync method comparison finishes.
    """
    with heap.one_plan(path) as settle:
        linter = Linter(options or LintOptions())
        analysis = linter.analyse_file(path)
        settle()  # the plan, its positions and findings live to the end: no collection rescans them
        return _report(linter, analysis, output_format, shown, progress)


def _report(
    linter: Linter,
    analysis: Analysis,
    output_format: str,
    shown: Optional[Presentation],
    progress: Optional[ProgressCallback],
) -> str:
    secrets = tuple(finding for finding in analysis.findings if finding.code == "AE801")
    if secrets:  # a report quotes plan values, and a secret must never be shown (AE801)
        raise _unreportable(replace(analysis, findings=secrets), "error.secrets")
    # Decided on the plan as written, before a tolerant copy drops unknown keys: a secret under
    # an unknown key with AE801 ignored must still refuse the report, not vanish from the check.
    refuse_secrets(analysis.loaded, analysis.path, "report")
    if analysis.plan is None:
        analysis = _read_anyway(linter, analysis) or analysis
    if analysis.plan is None:
        structural = _structural(linter, analysis)
        raise _unreportable(replace(analysis, findings=structural or analysis.findings), "error")
    refuse_secrets(analysis.loaded, analysis.path, "report")
    session = linter.metadata
    read = None
    if analysis.metadata_source is not None:
        read = lambda data: session.read_for(data, analysis.path)  # noqa: E731
    context = ReportContext(
        analysis,
        analysis.plan,
        wording(analysis.lang),
        linter.rulebook,
        Citations(analysis.lang),
        linter.active_codes(analysis.path),
        shown or Presentation(),
        read,
        progress,
    )
    return rendering.render(output_format, document(context, output_format))


def document(context: ReportContext, output_format: str) -> Document:
    """Build every registered section, in order, for ``output_format``."""
    words = context.words
    built = tuple(
        BuiltSection(
            name=section.name,
            title=words(f"section.{section.name}"),
            template=rendering.template_name(output_format, section.name),
            data=data,
        )
        for section in SECTIONS
        for data in (section.build(context),)
        if data is not None
    )
    org = context.plan.salesforce.org
    title = context.plan.name or words("summary.untitled", org=org)
    shown = context.presentation
    customer = shown.for_customer
    subtitle = (
        words("document.subtitle_customer", org=org)
        if customer
        else words("document.subtitle", file=context.analysis.path)
    )
    footer = words("document.footer_customer" if customer else "document.footer")
    issued = tuple(
        (words(f"document.{label}"), value)
        for label, value in (("date", shown.date), ("revision", shown.revision))
        if value is not None
    )
    return Document(
        context.lang, title, context.analysis.path, words, built, subtitle, footer, issued
    )


_TOLERATED = frozenset({"AE002", "AE003", "AE004"})
"""Structural findings a report can live with: wrong values, unknown keys, duplicate keys."""


def _read_anyway(linter: Linter, analysis: Analysis) -> Optional[Analysis]:
    """The analysis of the plan without its unknown keys and wrong words, listing them still."""
    from planner.report.tolerant import without_unreadable_keys

    structural = {finding.code for finding in _structural(linter, analysis)}
    if not structural <= _TOLERATED:
        return None
    repaired = without_unreadable_keys(analysis.loaded.data)
    if repaired is None:
        return None
    again = linter.analyse_loaded(replace(analysis.loaded, data=repaired), analysis.path)
    if again.plan is None:
        return None
    merged = sorted(
        set(analysis.findings) | set(again.findings),
        key=lambda finding: (finding.sort_key, finding.message),
    )
    return replace(again, findings=tuple(merged))


def _structural(linter: Linter, analysis: Analysis) -> tuple[Finding, ...]:
    """The analysis's findings from structural checks (the plan's format, not its rules)."""
    rules = linter.rulebook.by_code()
    return tuple(
        finding
        for finding in analysis.findings
        if finding.code in rules and isinstance(rules[finding.code].check, StructuralCheck)
    )


def _unreportable(analysis: Analysis, kind: str) -> PlannerError:
    """Why no report: ``kind`` is ``error`` (structural findings) or ``error.secrets``."""
    first = analysis.findings[0] if analysis.findings else None
    words = wording(analysis.lang)
    detail = words("error.first", code=first.code, message=first.message) if first else ""
    count = len(analysis.findings)
    key = f"{kind}.unreportable_one" if count == 1 else f"{kind}.unreportable"
    message = words(key, count=count, detail=detail, path=analysis.path)
    return PlannerError(
        message,
        file=analysis.path,
        line=first.line if first else 0,
        column=first.column if first else 0,
    )
