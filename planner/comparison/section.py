"""The comparison as a report section ("Sync method options"): plain data and ready Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from planner import i18n
from planner.comparison import markdown, table, wording
from planner.comparison.building import compare_analysis
from planner.comparison.incremental import MetadataReader
from planner.comparison.results import Comparison, Noted, Option, UnitComparison
from planner.lint.linter import Analysis
from planner.rules.engine import Engine

SUMMARY_COLUMNS = ("option", "blocked", "warnings", "licences", "several")
"""The narrow overview table: what decides between options at a glance (details follow)."""

DETAIL_COLUMNS = ("syncs", "several", "needs", "steps", "changes")
"""What an option's card adds to its summary row (the other columns are shown in full there)."""

if TYPE_CHECKING:
    from planner.progress import ProgressCallback


@dataclass(frozen=True)
class OptionRow:
    """One option's cells as plain text, in :data:`table.COLUMNS` order (templates escape)."""

    recommended: bool
    cells: tuple[str, ...]
    summary: tuple[str, ...] = ()
    """The cells of :data:`SUMMARY_COLUMNS` ("several" in its short words)."""
    details: tuple[tuple[str, str], ...] = ()
    """``(header, text)`` for :data:`DETAIL_COLUMNS`: with ``summary`` nothing is left out."""
    title: str = ""
    """The option's name for its card, "recommended" added in words when it is."""


@dataclass(frozen=True)
class UnitOptions:
    """One business unit's table and recommendation."""

    heading: str
    rows: tuple[OptionRow, ...]
    """The options in the fixed order of the four methods."""
    cards: tuple[OptionRow, ...]
    """The same options, the recommended one first (one card each in the report)."""
    recommendation: str
    others: tuple[str, ...]
    every_option: str
    facts: tuple[str, ...] = ()
    """The fact ids the recommendation rests on (already in ``recommendation`` as ``(F44)``)."""
    refs: tuple[int, ...] = ()
    """Reference numbers for ``facts``, set by a document that numbers its sources."""


@dataclass(frozen=True)
class SectionData:
    """Everything a report template needs: labels, one table per business unit, and Markdown."""

    title: str
    legend: str
    headers: tuple[str, ...]
    summary_headers: tuple[str, ...]
    recommended_label: str
    others_label: str
    every_option_label: str
    units: tuple[UnitOptions, ...]
    comparison: Comparison
    level: int
    every_option_plan: str = ""
    """The findings about the whole plan that every option of every unit raises, labelled
    (said once, before the units; empty when there are none)."""
    colon: str = ": "
    """What follows a label in the language (``：`` in Japanese)."""
    colon_mark: str = ":"
    """The colon alone (ends a label on its own line)."""
    bold_colon: str = ":"
    """What ends a label inside its bold markers: English's colon; nothing in Japanese, where
    ``**推奨：**本文`` would not close (Markdown needs the ``：`` outside the markers)."""
    after_bold: str = " "
    """What follows a bold label's closing markers: English's space, Japanese ``：``."""

    @property
    def markdown(self) -> str:
        """The section as Markdown with ``level`` headings (written when asked for: the
        report's templates render the data above)."""
        return markdown.body(self.comparison, self.level)


def section_data(
    analysis: Analysis,
    lang: Optional[str] = None,
    engine: Optional[Engine] = None,
    level: int = 3,
    codes: Optional[frozenset[str]] = None,
    read: Optional[MetadataReader] = None,
    progress: Optional[ProgressCallback] = None,
) -> SectionData:
    """The "Sync method options" section of a plan; its Markdown uses ``level`` headings.

    ``read`` gives each option the org's metadata it needs (see :func:`compare_analysis`);
    ``progress(done, total)`` is told of each business unit.
    """
    comparison = compare_analysis(analysis, engine, lang, codes, read, progress)
    lang = comparison.lang
    headers = table.headers(lang)
    end = wording.text("sentence.end", lang)
    units = tuple(
        UnitOptions(
            heading=table.unit_heading(unit, lang),
            rows=rows,
            cards=_cards(rows),
            recommendation=f"{unit.recommendation.label}{end}{unit.recommendation.reason} "
            f"{table.facts(unit)}",
            others=tuple(table.others(unit, lang)),
            every_option=wording.join(table.named(unit.in_every_option), lang),
            facts=tuple(unit.recommendation.facts),
        )
        for unit in comparison.units
        for rows in (_rows(unit, headers, lang),)
    )
    return SectionData(
        title=wording.text("section", lang),
        legend=wording.text("legend.report", lang),
        headers=tuple(headers[column] for column in table.COLUMNS),
        summary_headers=tuple(headers[column] for column in SUMMARY_COLUMNS),
        recommended_label=wording.text("recommended", lang),
        others_label=wording.text("others", lang),
        every_option_label=wording.text("every_option", lang),
        units=units,
        comparison=comparison,
        level=level,
        every_option_plan=(
            table.every_option(comparison.in_every_option, lang, plan=True)
            if comparison.in_every_option
            else ""
        ),
        colon=wording.labelled("", "", lang),
        colon_mark=wording.colon(lang),
        bold_colon=markdown.bold_colon(lang)[0],
        after_bold=markdown.bold_colon(lang)[1],
    )


def _rows(unit: UnitComparison, headers: dict[str, str], lang: str) -> tuple[OptionRow, ...]:
    shown = []
    for option, row in zip(unit.options, table.rows(unit, lang)):
        summary = {**row.cells, "several": row.short_several}
        details = tuple((headers[column], row.cells[column]) for column in DETAIL_COLUMNS)
        shown.append(OptionRow(
            recommended=row.recommended,
            cells=tuple(row.cells[column] for column in table.COLUMNS),
            summary=tuple(summary[column] for column in SUMMARY_COLUMNS),
            details=_explained(option, headers, lang) + details,
            title=_titled(row.cells["option"], row.recommended, lang),
        ))  # fmt: skip
    return tuple(shown)


def _titled(label: str, recommended: bool, lang: str) -> str:
    """The card's title: ``integration user + MDS (as written) — recommended``; in Japanese one
    parenthesis holds both remarks (``（プランどおり・推奨）``), never two in a row."""
    if not recommended:
        return label
    suffix = wording.text("recommended.suffix", lang)
    if label.endswith("）") and suffix.startswith("（"):
        return label[:-1] + "・" + suffix[1:]
    return label + suffix


def _explained(option: Option, headers: dict[str, str], lang: str) -> tuple[tuple[str, str], ...]:
    """What blocks or warns about an option, in words: the summary row shows only rule codes,
    which a reader of the report cannot look up (``CODE: message``, one per distinct finding)."""
    blocking = _said(option.errors, lang)
    if option.licences.blocked:
        licences = wording.text("blocked.licences", lang, total=option.licences.total,
                                available=option.licences.available)  # fmt: skip
        blocking.append(licences)
    shown = (("blocked", blocking), ("warnings", _said(option.warnings, lang)))
    return tuple((headers[column], _sentences(items, lang)) for column, items in shown if items)


def _sentences(items: list[str], lang: str) -> str:
    """Items as consecutive sentences (a finding's message already ends with its full stop)."""
    end = wording.text("sentence.end", lang)
    closed = [item if item.endswith((".", "。")) else item + end.rstrip() for item in items]
    return (" " if end.endswith(" ") else "").join(closed)


def _said(findings: tuple[Noted, ...], lang: str) -> list[str]:
    """``CODE: message`` (Japanese ``CODE message``) for each distinct finding, in code order."""
    said = {i18n.fill("compare.coded", lang, code=noted.code, message=noted.message)
            for noted in findings}  # fmt: skip
    return sorted(said)


def _cards(rows: tuple[OptionRow, ...]) -> tuple[OptionRow, ...]:
    """The recommended option first, the others in table order (``sorted`` is stable)."""
    return tuple(sorted(rows, key=lambda row: not row.recommended))
