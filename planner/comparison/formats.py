"""Output formats of the comparison: one module each, in a typed registry by format name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Protocol, TextIO

if TYPE_CHECKING:
    from planner.comparison.results import Comparison


class ComparisonRenderer(Protocol):
    """What every comparison format module provides."""

    def render(self, comparison: Comparison, stream: TextIO) -> None: ...


# Loaders import on first use: the CLI reads the names at start-up without importing the engine.


def _text() -> ComparisonRenderer:
    from planner.comparison import text

    return text


def _json() -> ComparisonRenderer:
    from planner.comparison import json_document

    return json_document


def _markdown() -> ComparisonRenderer:
    from planner.comparison import markdown

    return markdown


FORMATS: dict[str, Callable[[], ComparisonRenderer]] = {
    "text": _text,
    "json": _json,
    "markdown": _markdown,
}
"""Format name → its renderer; ``aeplan compare --format`` offers these names."""


def renderer(name: str) -> ComparisonRenderer:
    """The renderer for a format name."""
    return FORMATS[name]()
