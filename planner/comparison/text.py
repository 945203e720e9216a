"""The comparison for the terminal: a short table per business unit, details, a recommendation."""

from __future__ import annotations

from typing import TextIO

from planner.comparison import table, wording
from planner.comparison.results import Comparison, Option, UnitComparison
from planner.terminal import printable, width

_TABLE_COLUMNS = ("option", "blocked", "warnings", "licences")


def render(comparison: Comparison, stream: TextIO) -> None:
    """Write the title, the legend and one block per business unit."""
    lang = comparison.lang
    stream.write(printable(table.title(comparison)) + "\n")
    stream.write(wording.text("legend", lang) + "\n")
    if comparison.in_every_option:
        stream.write(
            "\n" + printable(table.every_option(comparison.in_every_option, lang, True)) + "\n"
        )
    for unit in comparison.units:
        stream.write("\n" + _unit(unit, lang))


def _unit(unit: UnitComparison, lang: str) -> str:
    lines = [printable(table.unit_heading(unit, lang)), ""]
    headers = table.headers(lang)
    head = [""] + [headers[c] for c in _TABLE_COLUMNS] + [headers["several"]]
    rows = table.rows(unit, lang)
    body = [
        ["*" if row.recommended else "", *(row.cells[c] for c in _TABLE_COLUMNS), row.short_several]
        for row in rows
    ]
    lines.extend(_aligned([head, *body]))
    for option, row in zip(unit.options, rows):
        lines.append("")
        lines.extend(_details(option, row.cells, lang))
    if unit.in_every_option:
        lines.append("")
        lines.append(table.every_option(unit.in_every_option, lang))
    recommendation = unit.recommendation
    lines.append("")
    end = wording.text("sentence.end", lang)
    lines.append(
        wording.labelled(
            wording.text("recommended", lang),
            f"{recommendation.label}{end}{recommendation.reason} {table.facts(unit)}",
            lang,
        )
    )
    lines.append(wording.text("others", lang) + wording.colon(lang))
    lines.extend(f"  - {line}" for line in table.others(unit, lang))
    return "\n".join(printable(line) for line in lines) + "\n"


def _details(option: Option, cells: dict[str, str], lang: str) -> list[str]:
    headers = table.headers(lang)
    lines = [f"  {cells['option']}"]
    blocking = table.named(option.errors)
    if option.licences.blocked:
        blocking.append(
            wording.text(
                "blocked.licences",
                lang,
                total=option.licences.total,
                available=option.licences.available,
            )
        )
    for label, shown in (("blocked", blocking), ("warnings", table.named(option.warnings))):
        if shown:
            lines.append("    " + wording.labelled(headers[label], wording.join(shown, lang), lang))
    for column in ("syncs", "several", "needs", "steps", "changes"):
        lines.append("    " + wording.labelled(headers[column], cells[column], lang))
    if option.placeholder_codes:
        placeholders = wording.join(list(option.placeholder_codes), lang)
        lines.append(
            "    " + wording.labelled(wording.text("column.placeholders", lang), placeholders, lang)
        )
    return lines


def _aligned(grid: list[list[str]]) -> list[str]:
    widths = [max(width(printable(row[i])) for row in grid) for i in range(len(grid[0]))]
    lines = []
    for row in grid:
        padded = [
            printable(cell) + " " * (widths[i] - width(printable(cell)))
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(padded).rstrip())
    return lines
