"""The comparison as GitHub-flavoured Markdown: a table per business unit, and a report section."""

from __future__ import annotations

import re
from typing import TextIO

from planner import markdown_spans
from planner.comparison import table, wording
from planner.comparison.results import Comparison, UnitComparison

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def escape(text: str) -> str:
    """Text safe inside a GFM table cell: no line breaks, HTML or Markdown syntax survives."""
    text = " ".join(text.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def rich(text: str, in_table: bool = False) -> str:
    """Like :func:`escape`, but paired backticks of our own wording stay code spans."""
    return markdown_spans.rich(" ".join(text.splitlines()), escape, in_table)


def render(comparison: Comparison, stream: TextIO) -> None:
    """Write the whole comparison as a Markdown document."""
    stream.write(document(comparison))


def document(comparison: Comparison) -> str:
    """The comparison as a Markdown document with a level-1 title."""
    heading = f"# {escape(wording.text('section', comparison.lang))}\n\n"
    return heading + body(comparison, level=2)


def body(comparison: Comparison, level: int = 3) -> str:
    """The comparison's paragraphs and tables; business units get headings of ``level``."""
    lang = comparison.lang
    parts = [escape(table.title(comparison)), rich(wording.text("legend", lang))]
    if comparison.in_every_option:
        parts.append(escape(table.every_option(comparison.in_every_option, lang, plan=True)))
    parts.extend(_unit(unit, lang, level) for unit in comparison.units)
    return "\n\n".join(parts) + "\n"


def _unit(unit: UnitComparison, lang: str, level: int) -> str:
    headers = table.headers(lang)
    columns = list(table.COLUMNS)
    lines = [
        "#" * level + " " + escape(table.unit_heading(unit, lang)),
        "",
        "| | " + " | ".join(escape(headers[c]) for c in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for row in table.rows(unit, lang):
        marker = "\\*" if row.recommended else ""
        cells = " | ".join(rich(row.cells[c], in_table=True) for c in columns)
        lines.append(f"| {marker} | {cells} |")
    recommendation = unit.recommendation
    lines.append("")
    label = escape(wording.text("recommended", lang))
    colon, after_bold = bold_colon(lang)
    end = wording.text("sentence.end", lang)
    lines.append(
        f"**{label}{colon}**{after_bold}{escape(recommendation.label)}{end}"
        f"{escape(recommendation.reason)} {escape(table.facts(unit))}"
    )
    lines.append("")
    lines.append(escape(wording.text("others", lang)) + wording.colon(lang))
    lines.append("")
    lines.extend(f"- {rich(line)}" for line in table.others(unit, lang))
    if unit.in_every_option:
        lines.append("")
        lines.append(escape(table.every_option(unit.in_every_option, lang)))
    return "\n".join(lines)


def bold_colon(lang: str) -> tuple[str, str]:
    """What ends a label inside its bold markers and what follows them: ``**Label:** ``, but
    ``**推奨**：`` (Markdown does not close ``**`` after ``：`` followed by a letter)."""
    colon, mark = wording.labelled("", "", lang), wording.colon(lang)
    if colon == mark:
        return "", colon
    return mark, colon[len(mark) :]
