"""Build a report: analyse the plan, build every section's data, render it in one format."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from planner.errors import PlannerError
from planner.linting import Analysis, Linter, LintOptions
from planner.report.context import Citations, ReportContext
from planner.report.wording import Wording, wording

if TYPE_CHECKING:
    from planner.progress import ProgressCallback


@dataclass(frozen=True)
class BuiltSection:
    """A section ready for its template."""

    name: str
    title: str
    template: str
    data: object


@dataclass(frozen=True)
class Document:
    """Everything the report template needs."""

    lang: str
    title: str
    source: str
    words: Wording
    sections: tuple[BuiltSection, ...]


def build_report(
    path: Path,
    output_format: str,
    options: Optional[LintOptions] = None,
    progress: Optional[ProgressCallback] = None,
) -> str:
    """The report on the plan at ``path`` in ``output_format``; unreportable plans raise.

    ``options`` are the same linter options ``aeplan lint`` would use, so the report's findings
    match the linter's (configuration file, organisation rules, severities, suppressions).
    ``progress(done, total)`` is told of each business unit the sync method comparison finishes.
    """
    from planner.report import rendering

    linter = Linter(options or LintOptions())
    analysis = linter.analyse_file(path)
    if analysis.plan is None:
        raise _unreportable(analysis)
    secrets = tuple(finding for finding in analysis.findings if finding.code == "AE801")
    if secrets:  # a report quotes plan values, and a secret must never be shown (AE801)
        raise _unreportable(replace(analysis, findings=secrets))
    context = ReportContext(
        analysis, analysis.plan, wording(analysis.lang), linter.rulebook, Citations(),
        linter.active_codes(analysis.path), progress,
    )  # fmt: skip
    return rendering.render(output_format, document(context, output_format))


def document(context: ReportContext, output_format: str) -> Document:
    """Build every registered section, in order, for ``output_format``."""
    from planner.report import rendering
    from planner.report.sections import SECTIONS

    words = context.words
    built = tuple(
        BuiltSection(
            name=section.name,
            title=words(f"section.{section.name}"),
            template=rendering.template_name(output_format, section.name),
            data=section.build(context),
        )
        for section in SECTIONS
    )
    title = context.plan.name or words("summary.untitled", org=context.plan.salesforce.org)
    return Document(context.lang, title, context.analysis.path, words, built)


def _unreportable(analysis: Analysis) -> PlannerError:
    first = analysis.findings[0] if analysis.findings else None
    words = wording(analysis.lang)
    detail = words("error.first", code=first.code, message=first.message) if first else ""
    message = words(
        "error.unreportable", count=len(analysis.findings), detail=detail, path=analysis.path
    )
    return PlannerError(
        message,
        file=analysis.path,
        line=first.line if first else 0,
        column=first.column if first else 0,
    )
