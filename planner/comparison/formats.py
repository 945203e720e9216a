"""Output formats of the comparison: one module each, looked up by name when needed."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from planner.comparison.results import Comparison


class ComparisonRenderer(Protocol):
    """What every comparison format module provides."""

    def render(self, comparison: Comparison, stream: TextIO) -> None: ...


FORMATS: dict[str, str] = {
    "text": "planner.comparison.text",
    "json": "planner.comparison.json_document",
    "markdown": "planner.comparison.markdown",
}


def renderer(name: str) -> ComparisonRenderer:
    """The renderer module for a format name (imported only when used)."""
    module: ComparisonRenderer = importlib.import_module(FORMATS[name])
    return module
