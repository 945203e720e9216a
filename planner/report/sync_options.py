"""The "Sync method options" section: each business unit's sync methods compared, and a pick."""

from __future__ import annotations

from dataclasses import replace

from planner.comparison.section import OptionRow, SectionData, section_data
from planner.report.context import ReportContext
from planner.report.fact_citations import cite_facts
from planner.rules.engine import Engine


def build(context: ReportContext) -> SectionData:
    """The ``aeplan compare`` table of the reported plan, in the report's language and rules.

    Fact ids in the comparison's wording become the report's numbered references.
    """
    engine = Engine(context.rulebook)
    data = section_data(context.analysis, context.lang, engine, codes=context.active)

    def cite(text: str) -> str:
        return cite_facts(context, text)

    units = tuple(
        replace(
            unit,
            rows=tuple(
                OptionRow(row.recommended, tuple(cite(cell) for cell in row.cells))
                for row in unit.rows
            ),
            recommendation=cite(unit.recommendation),
            others=tuple(cite(line) for line in unit.others),
        )
        for unit in data.units
    )
    return replace(data, units=units, markdown=cite(data.markdown))
