"""Where lint output goes: the terminal, ``--output FORMAT=PATH`` files and GitHub's job summary."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, TextIO

from planner.atomic import write_text_atomically
from planner.errors import PlannerError
from planner.i18n import LIST_SEPARATOR
from planner.lint.linter import LintResult
from planner.reporters import REPORTERS, reporter


@dataclass(frozen=True)
class OutputFile:
    """One ``--output FORMAT=PATH``."""

    format: str
    path: str


def terminal_format(given: Optional[str], environ: Mapping[str, str]) -> str:
    """The format given, else ``github`` inside GitHub Actions, else ``text``."""
    if given:
        return given
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def parse_outputs(values: Sequence[str]) -> tuple[OutputFile, ...]:
    """Parse ``FORMAT=PATH`` values; a missing ``=``, path or known format is a PlannerError."""
    parsed: list[OutputFile] = []
    for value in values:
        name, equals, path = value.partition("=")
        name = name.strip().lower()
        if not equals or not path:
            raise PlannerError.keyed("outputs.syntax", value=value)
        if name not in REPORTERS:
            choices = LIST_SEPARATOR.join(REPORTERS)
            raise PlannerError.keyed("outputs.unknown_format", name=name, choices=choices)
        for earlier in parsed:
            if _same_destination(earlier.path, path):
                raise PlannerError.keyed(
                    "outputs.same_path", first=earlier.format, second=name, file=path
                )
        parsed.append(OutputFile(name, path))
    return tuple(parsed)


def _same_destination(one: str, two: str) -> bool:
    """Both ``-``, or one file however spelled (links, ``./``); two new paths by resolved name."""
    from planner.atomic import STDOUT, same_file

    if STDOUT in (one, two):
        return one == two
    return same_file(one, two)


def deliver(
    result: LintResult,
    stream: TextIO,
    terminal: str,
    files: Sequence[OutputFile],
    environ: Mapping[str, str],
    *,
    quiet: bool = False,
) -> None:
    """Write every file, append GitHub's job summary, then print ``terminal`` (unless quiet).

    Files come first: one that cannot be written stops the run before anything is printed, and
    a reader that closes the pipe early cannot cost a report. The job summary goes to
    ``$GITHUB_STEP_SUMMARY`` when the terminal shows ``github``.
    """
    inputs = tuple(Path(analysis.path) for analysis in result.analyses)
    for output in files:
        write_output(result, output, protected=inputs)
    summary_path = environ.get("GITHUB_STEP_SUMMARY")
    if summary_path and terminal == "github":
        from planner.reporters.github import append_step_summary  # GitHub Actions only

        append_step_summary(result, summary_path, protected=inputs)
    if not quiet:
        reporter(terminal).render(result, stream)


def write_output(result: LintResult, output: OutputFile, *, protected: tuple[Path, ...]) -> None:
    """Render one format in memory, then replace the file atomically (never an input plan)."""
    buffer = io.StringIO()
    reporter(output.format).render(result, buffer)
    write_text_atomically(output.path, buffer.getvalue(), protected=protected)
