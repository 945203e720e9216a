"""One lint run: settings to linter options, lint, then baseline filtering and writing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from planner.linting import LintOptions, LintResult
    from planner.progress import ProgressCallback
    from planner.settings import Settings


@dataclass(frozen=True)
class Adoption:
    """Baseline files for one run: read one (report only new findings) and/or write one."""

    baseline: Optional[Path] = None
    write_baseline: Optional[Path] = None


@dataclass(frozen=True)
class Outcome:
    """The result to report, and how many findings a written baseline holds (None: not written)."""

    result: LintResult
    written: Optional[int] = None


def lint_options(settings: Settings) -> LintOptions:
    """The linter options the effective settings describe."""
    from planner.linting import LintOptions, Selection

    return LintOptions(
        lang=settings.lang,
        selection=Selection(settings.effective_select, settings.ignore),
        limits=settings.limits,
        rule_dirs=settings.rules,
        severity=settings.severity,
        per_file_ignores=settings.per_file_ignores,
        exclude=settings.exclude,
        root=settings.root,
    )


def run(
    paths: Sequence[str],
    settings: Settings,
    adoption: Adoption = Adoption(),
    progress: Optional[ProgressCallback] = None,
) -> Outcome:
    """Lint ``paths`` with ``settings``; with a baseline, keep only the findings it lacks.

    With both a baseline to read and one to write, the written one holds only the findings that
    were already in the read one: fixed findings leave it and new ones never enter (a ratchet).
    """
    from planner import baseline
    from planner.linting import Linter
    from planner.settings import check_codes

    known = baseline.read(adoption.baseline) if adoption.baseline else None
    linter = Linter(lint_options(settings))
    check_codes(settings, set(linter.rulebook.by_code()))
    result = linter.lint_paths(paths, progress)
    matched = result.findings
    if known is not None and adoption.baseline is not None:
        result, matched = baseline.subtract(result, known, adoption.baseline.absolute().parent)
    if adoption.write_baseline is None:
        return Outcome(result)
    plans = tuple(Path(analysis.path) for analysis in result.analyses)
    written = baseline.write(adoption.write_baseline, matched, protected=plans)
    if known is None:
        folder = adoption.write_baseline.absolute().parent
        result, _ = baseline.subtract(result, baseline.fingerprints(matched, folder), folder)
    return Outcome(result, written)
