"""Output formats for lint results: one module each, in a typed registry by format name.

May import ``planner.lint`` and below; never another presenter (report, comparison, init…).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Protocol, TextIO

if TYPE_CHECKING:
    from planner.lint.linter import LintResult


class Reporter(Protocol):
    """What every reporter module provides."""

    def render(self, result: LintResult, stream: TextIO) -> None: ...


# Each loader imports its module on first use, so start-up imports no reporter (nor the linter);
# mypy checks that every module satisfies the Reporter protocol.


def _text() -> Reporter:
    from planner.reporters import text

    return text


def _json() -> Reporter:
    from planner.reporters import json_format

    return json_format


def _sarif() -> Reporter:
    from planner.reporters import sarif

    return sarif


def _github() -> Reporter:
    from planner.reporters import github

    return github


def _gitlab() -> Reporter:
    from planner.reporters import gitlab

    return gitlab


def _junit() -> Reporter:
    from planner.reporters import junit

    return junit


REPORTERS: dict[str, Callable[[], Reporter]] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "github": _github,
    "gitlab": _gitlab,
    "junit": _junit,
}
"""Format name → its reporter; the CLI's ``--format`` and ``--output`` choices come from here."""


def reporter(name: str) -> Reporter:
    """The reporter for a format name."""
    return REPORTERS[name]()


def help_reference(code: str, lang: str = "en") -> str:
    """Where a finding's rule is explained: the command, in the findings' language."""
    return f"aeplan explain {code}" + (f" --lang {lang}" if lang != "en" else "")
