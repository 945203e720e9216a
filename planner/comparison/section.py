"""The comparison as a report section ("Sync method options"): plain data and ready Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from planner.comparison import markdown, table, wording
from planner.comparison.building import compare_analysis
from planner.engine import Engine
from planner.linting import Analysis

if TYPE_CHECKING:
    from planner.progress import ProgressCallback


@dataclass(frozen=True)
class OptionRow:
    """One option's cells as plain text, in :data:`table.COLUMNS` order (templates escape)."""

    recommended: bool
    cells: tuple[str, ...]


@dataclass(frozen=True)
class UnitOptions:
    """One business unit's table and recommendation."""

    heading: str
    rows: tuple[OptionRow, ...]
    recommendation: str
    others: tuple[str, ...]
    every_option: str


@dataclass(frozen=True)
class SectionData:
    """Everything a report template needs: labels, one table per business unit, and Markdown."""

    title: str
    legend: str
    headers: tuple[str, ...]
    recommended_label: str
    others_label: str
    every_option_label: str
    units: tuple[UnitOptions, ...]
    markdown: str


def section_data(
    analysis: Analysis,
    lang: Optional[str] = None,
    engine: Optional[Engine] = None,
    level: int = 3,
    codes: Optional[frozenset[str]] = None,
    progress: Optional[ProgressCallback] = None,
) -> SectionData:
    """The "Sync method options" section of a plan; its Markdown uses ``level`` headings."""
    comparison = compare_analysis(analysis, engine, lang, codes, progress)
    lang = comparison.lang
    headers = table.headers(lang)
    end = wording.text("sentence.end", lang)
    units = tuple(
        UnitOptions(
            heading=table.unit_heading(unit, lang),
            rows=tuple(
                OptionRow(row.recommended, tuple(row.cells[column] for column in table.COLUMNS))
                for row in table.rows(unit, lang)
            ),
            recommendation=f"{unit.recommendation.label}{end}{unit.recommendation.reason} "
            f"{table.facts(unit)}",
            others=tuple(table.others(unit, lang)),
            every_option=wording.join(table.named(unit.in_every_option), lang),
        )
        for unit in comparison.units
    )
    return SectionData(
        title=wording.text("section", lang),
        legend=wording.text("legend", lang),
        headers=tuple(headers[column] for column in table.COLUMNS),
        recommended_label=wording.text("recommended", lang),
        others_label=wording.text("others", lang),
        every_option_label=wording.text("every_option", lang),
        units=units,
        markdown=markdown.body(comparison, level),
    )


def section_markdown(analysis: Analysis, lang: Optional[str] = None, level: int = 3) -> str:
    """The section's Markdown (without its own title), for any document that embeds it."""
    return section_data(analysis, lang, level=level).markdown
