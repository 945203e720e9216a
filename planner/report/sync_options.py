"""The "Sync method options" section: each business unit's sync methods compared, and a pick."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from planner.catalogue.factsheet import load_sources
from planner.comparison.section import OptionRow, SectionData, UnitOptions, section_data
from planner.report.context import ReportContext
from planner.rules.engine import Engine

_OFFICIAL = "https://help.salesforce.com/"
_FACT_ID = re.compile(r"F\d+")
_FACT_GROUP = re.compile(r" ?\((?:F\d+)(?:, F\d+)*\)")


def build(context: ReportContext) -> SectionData:
    """The ``aeplan compare`` data of the reported plan, in the report's language and rules.

    The recommendation's fact ids become numbered references (the References section lists
    the Salesforce Help pages behind them), so the reader never meets a bare ``F44``.
    """
    engine = Engine(context.rulebook)
    data = section_data(
        context.analysis,
        context.lang,
        engine,
        codes=context.active,
        read=context.read_metadata,
        progress=context.progress,
    )
    sources = load_sources()
    units = tuple(_cited(context, unit, sources) for unit in data.units)
    return replace(data, units=units)


def _cited(
    context: ReportContext, unit: UnitOptions, sources: dict[str, tuple[str, ...]]
) -> UnitOptions:
    facts = "(" + ", ".join(unit.facts) + ")"
    pick = unit.recommendation.removesuffix(" " + facts) if unit.facts else unit.recommendation
    # Numbered in reading order: the pick, the cards, the other options.
    refs = _cite(context, unit.facts, sources)
    recommendation = _numbered(context, pick, sources)
    cards = tuple(_row(context, row, sources) for row in unit.cards)
    others = tuple(_numbered(context, line, sources) for line in unit.others)
    rows = tuple(_row(context, row, sources) for row in unit.rows)
    return replace(unit, recommendation=recommendation, others=others, rows=rows, cards=cards,
                   refs=refs)  # fmt: skip


def _cite(
    context: ReportContext, facts: Iterable[str], sources: dict[str, tuple[str, ...]]
) -> tuple[int, ...]:
    """Reference numbers for fact ids: their Salesforce Help pages (else whatever they cite)."""
    urls: list[str] = []
    for fact in facts:
        found = sources.get(fact, ())
        official = [url for url in found if url.startswith(_OFFICIAL)]
        urls.extend(official or found)
    return context.citations.cite(*dict.fromkeys(urls))


def _numbered(context: ReportContext, text: str, sources: dict[str, tuple[str, ...]]) -> str:
    """``(F21, F34)`` in a sentence becomes ``[3, 4]``; a fact without a source is dropped."""

    def number(match: re.Match[str]) -> str:
        refs = _cite(context, _FACT_ID.findall(match.group(0)), sources)
        return " [" + ", ".join(str(ref) for ref in refs) + "]" if refs else ""

    return _FACT_GROUP.sub(number, text)


def _row(context: ReportContext, row: OptionRow, sources: dict[str, tuple[str, ...]]) -> OptionRow:
    return replace(
        row,
        cells=tuple(_numbered(context, cell, sources) for cell in row.cells),
        summary=tuple(_numbered(context, cell, sources) for cell in row.summary),
        details=tuple((label, _numbered(context, text, sources)) for label, text in row.details),
    )
