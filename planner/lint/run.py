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
    from planner.lint.fixing import FileFix
    from planner.progress import ProgressCallback


@dataclass(frozen=True)
class Adoption:
    """Baseline files for one run: read one (report only new findings) and/or write one."""

    baseline: Optional[Path] = None
    write_baseline: Optional[Path] = None
    allow_empty: bool = False
    """Accept a run that lints no file (by default that is a PlannerError: CI must not pass)."""


@dataclass(frozen=True)
class Fixing:
    """What to do with the findings' fixes: nothing, apply them, or show them as a diff."""

    apply: bool = False
    diff: bool = False
    unsafe: bool = False

    @property
    def wanted(self) -> bool:
        """True when fixes are computed at all."""
        return self.apply or self.diff


@dataclass(frozen=True)
class StandardInput:
    """A plan read from standard input (``-``) and the name positions and config use for it."""

    data: bytes
    name: str = "<stdin>"


@dataclass(frozen=True)
class Outcome:
    """The result to report, how many findings a written baseline holds (None: not written),
    and the fixes computed (``--diff``) or applied (``--fix``, then ``result`` is the re-lint)."""

    result: LintResult
    written: Optional[int] = None
    fixes: tuple[FileFix, ...] = ()


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
        fallback_lang=settings.locale_lang,
    )


def run(
    paths: Sequence[str],
    settings: Settings,
    adoption: Adoption = Adoption(),
    fixing: Fixing = Fixing(),
    stdin: Optional[StandardInput] = None,
    progress: Optional[ProgressCallback] = None,
) -> Outcome:
    """Lint ``paths`` with ``settings``; with a baseline, keep only the findings it lacks.

    With both a baseline to read and one to write, the written one holds only the findings that
    were already in the read one: fixed findings leave it and new ones never enter (a ratchet).
    """
    known = baseline.read(adoption.baseline) if adoption.baseline else None
    rulebook = load_rulebook(settings.rules)
    linter = Linter(lint_options(settings, rulebook), rulebook)
    result = _lint(linter, paths, stdin, progress)
    if not result.analyses and not adoption.allow_empty:
        raise _nothing_linted(paths, len(result.skipped))
    fixed: tuple[FileFix, ...] = ()
    if fixing.wanted:
        result, fixed = _fix(linter, result, paths, stdin, fixing)
    matched = result.findings
    if known is not None and adoption.baseline is not None:
        result, matched = baseline.subtract(result, known, adoption.baseline.absolute().parent)
    if adoption.write_baseline is None:
        return Outcome(result, None, fixed)
    plans = tuple(Path(analysis.path) for analysis in result.analyses)
    written = baseline.write(adoption.write_baseline, matched, protected=plans)
    if known is None:
        folder = adoption.write_baseline.absolute().parent
        result, _ = baseline.subtract(result, baseline.fingerprints(matched, folder), folder)
    return Outcome(result, written, fixed)


def _nothing_linted(paths: Sequence[str], skipped: int) -> PlannerError:
    """Why an empty run is an error, in one line (a run that lints nothing must not pass CI)."""
    where = " ".join(paths)
    if not skipped:
        return PlannerError.keyed("file.nothing_to_lint", where=where)
    key = "file.nothing_to_lint_skipped_one" if skipped == 1 else "file.nothing_to_lint_skipped"
    return PlannerError.keyed(key, where=where, skipped=skipped)


def show_files(paths: Sequence[str], settings: Settings) -> Discovered:
    """The files ``lint`` would read for ``paths``, and what it would skip and why."""
    from planner.lint.discovery import discover
    from planner.lint.globs import PathPatterns

    return discover(paths, PathPatterns(settings.exclude, settings.root))


def _lint(
    linter: Linter,
    paths: Sequence[str],
    stdin: Optional[StandardInput],
    progress: Optional[ProgressCallback] = None,
) -> LintResult:
    """Lint the files and folders, then the plan on standard input (when ``-`` was given)."""
    from dataclasses import replace

    files = [path for path in paths if path != "-"]
    result = linter.lint_paths(files, progress) if files or stdin is None else None
    if stdin is None:
        assert result is not None
        return result
    analysis = linter.analyse_bytes(stdin.data, stdin.name)
    analyses = (result.analyses if result else ()) + (analysis,)
    base = result or linter.lint_paths([])
    return replace(base, analyses=analyses, lang=linter.summary_lang(analyses))


def _fix(
    linter: Linter, result: LintResult, paths: Sequence[str], stdin: Optional[StandardInput],
    fixing: Fixing,
) -> tuple[LintResult, tuple[FileFix, ...]]:  # fmt: skip
    """Fixes for every plan; with ``apply``, write the files and lint them again."""
    from planner.errors import PlannerError
    from planner.lint.fixing import fix_analysis, write

    if fixing.apply and stdin is not None:
        raise PlannerError.keyed("fix.stdin")
    found = tuple(
        fix for fix in (fix_analysis(linter, a, fixing.unsafe) for a in result.analyses) if fix
    )
    if not fixing.apply:
        return result, found
    written = tuple(fix for fix in found if write(fix))
    return (_lint(linter, paths, stdin) if written else result), written
