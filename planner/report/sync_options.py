"""The "Sync method options" section: each business unit's sync methods compared, and a pick."""

from __future__ import annotations

from planner.comparison.section import SectionData, section_data
from planner.engine import Engine
from planner.report.context import ReportContext


def build(context: ReportContext) -> SectionData:
    """The ``aeplan compare`` table of the reported plan, in the report's language and rules."""
    engine = Engine(context.rulebook)
    return section_data(
        context.analysis, context.lang, engine, codes=context.active, progress=context.progress
    )
