"""The "Sync method options" section: each business unit's sync methods compared, and a pick."""

from __future__ import annotations

from dataclasses import replace

from planner.comparison.section import SectionData, UnitOptions, section_data
from planner.engine import Engine
from planner.factsheet import load_sources
from planner.report.context import ReportContext

_OFFICIAL = "https://help.salesforce.com/"


def build(context: ReportContext) -> SectionData:
    """The ``aeplan compare`` data of the reported plan, in the report's language and rules.

    The recommendation's fact ids become numbered references (the References section lists
    the Salesforce Help pages behind them), so the reader never meets a bare ``F44``.
    """
    engine = Engine(context.rulebook)
    data = section_data(context.analysis, context.lang, engine, codes=context.active)
    sources = load_sources()
    units = tuple(_cited(context, unit, sources) for unit in data.units)
    return replace(data, units=units)


def _cited(
    context: ReportContext, unit: UnitOptions, sources: dict[str, tuple[str, ...]]
) -> UnitOptions:
    urls: list[str] = []
    for fact in unit.facts:
        found = sources.get(fact, ())
        official = [url for url in found if url.startswith(_OFFICIAL)]
        urls.extend(official or found)
    facts = "(" + ", ".join(unit.facts) + ")"
    pick = unit.recommendation.removesuffix(" " + facts) if unit.facts else unit.recommendation
    return replace(unit, recommendation=pick, refs=context.citations.cite(*dict.fromkeys(urls)))
