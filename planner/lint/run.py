"""One lint run: settings to linter options, lint, then baseline filtering and writing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from planner.config.selectors import resolve_selectors
from planner.config.settings import Settings
from planner.errors import PlannerError
from planner.lint import baseline
from planner.lint.linter import Linter, LintOptions, LintResult, Selection
from planner.rules.loader import load_rulebook
from planner.rules.rulebook import Rulebook

if TYPE_CHECKING:
    from planner.lint.discovery import Discovered


@dataclass(frozen=True)
class Adoption:
    """Baseline files for one run: read one (report only new findings) and/or write one."""

    baseline: Optional[Path] = None
    write_baseline: Optional[Path] = None
    allow_empty: bool = False
    """Accept a run that lints no file (by default that is a PlannerError: CI must not pass)."""


@dataclass(frozen=True)
class Outcome:
    """The result to report, and how many findings a written baseline holds (None: not written)."""

    result: LintResult
    written: Optional[int] = None


def lint_options(settings: Settings, rulebook: Optional[Rulebook] = None) -> LintOptions:
    """The linter options the effective settings describe, rule names turned into codes.

    A selector that matches no rule of ``rulebook`` (default: the rules ``settings`` load) is a
    :class:`PlannerError` (see :mod:`planner.config.selectors`).
    """
    settings = resolve_selectors(settings, rulebook or load_rulebook(settings.rules))

    return LintOptions(
        lang=settings.lang,
        selection=Selection(settings.effective_select, settings.ignore),
        limits=settings.limits,
        rule_dirs=settings.rules,
        severity=settings.severity,
        per_file_ignores=settings.per_file_ignores,
        exclude=settings.exclude,
        root=settings.root,
        metadata=settings.metadata,
    )


def run(paths: Sequence[str], settings: Settings, adoption: Adoption = Adoption()) -> Outcome:
    """Lint ``paths`` with ``settings``; with a baseline, keep only the findings it lacks.

    With both a baseline to read and one to write, the written one holds only the findings that
    were already in the read one: fixed findings leave it and new ones never enter (a ratchet).
    """
    known = baseline.read(adoption.baseline) if adoption.baseline else None
    rulebook = load_rulebook(settings.rules)
    linter = Linter(lint_options(settings, rulebook), rulebook)
    result = linter.lint_paths(paths)
    if not result.analyses and not adoption.allow_empty:
        raise PlannerError(_nothing_linted(paths, len(result.skipped)))
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


def _nothing_linted(paths: Sequence[str], skipped: int) -> str:
    """Why an empty run is an error, in one line."""
    where = " ".join(paths)
    seen = f"; {skipped} file(s) or folder(s) skipped, see --show-files" if skipped else ""
    return (
        f"no plan to lint in {where}{seen} (plans are YAML files with a top-level `aeplan:` key); "
        "pass --allow-empty if linting nothing is expected"
    )


def show_files(paths: Sequence[str], settings: Settings) -> Discovered:
    """The files ``lint`` would read for ``paths``, and what it would skip and why."""
    from planner.lint.discovery import discover
    from planner.lint.globs import PathPatterns

    return discover(paths, PathPatterns(settings.exclude, settings.root))
