"""Output formats for lint results: one module each, looked up by name when needed."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from planner.linting import LintResult


class Reporter(Protocol):
    """What every reporter module provides."""

    def render(self, result: LintResult, stream: TextIO) -> None: ...


REPORTERS: dict[str, str] = {
    "text": "planner.reporters.text",
    "json": "planner.reporters.json_format",
    "sarif": "planner.reporters.sarif",
    "github": "planner.reporters.github",
    "gitlab": "planner.reporters.gitlab",
    "junit": "planner.reporters.junit",
}


def reporter(name: str) -> Reporter:
    """The reporter module for a format name (imported only when used)."""
    module: Reporter = importlib.import_module(REPORTERS[name])
    return module


def help_reference(code: str, lang: str = "en") -> str:
    """Where a finding's rule is explained: the command, in the findings' language."""
    return f"aeplan explain {code}" + (f" --lang {lang}" if lang != "en" else "")
