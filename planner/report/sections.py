"""The report's sections, in order: adding a section means adding one entry here (and templates)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from planner.report import (
    checklist,
    decisions,
    finding_groups,
    metadata_check,
    operations,
    references,
    summary,
    sync_options,
    syncs,
)
from planner.report.context import ReportContext


@dataclass(frozen=True)
class Section:
    """A section: its name (also its anchor, wording prefix and template stem) and its builder.

    The builder returns plain data for ``templates/report/<format>/<name>.<ext>.j2``; its title is
    the wording entry ``section.<name>``. A builder that returns None leaves its section out.
    """

    name: str
    build: Callable[[ReportContext], object]


SECTIONS: tuple[Section, ...] = (
    Section("summary", summary.build),
    Section("decisions", decisions.build),
    Section("sync_options", sync_options.build),
    Section("syncs", syncs.build),
    Section("findings", finding_groups.build),
    Section("metadata", metadata_check.build),
    Section("checklist", checklist.build),
    Section("operations", operations.build),
    # Keep last: it lists the sources every section above has cited.
    Section("references", references.build),
)
