"""The Operations section: who watches the sync, how often, and the sync errors to expect."""

from __future__ import annotations

from dataclasses import dataclass

from planner.report import sources
from planner.report.context import ReportContext

COMMON_ERRORS = ("picklist", "required", "duplicate", "permissions")


@dataclass(frozen=True)
class SyncError:
    """A common sync error and what to do about it."""

    title: str
    remedy: str


@dataclass(frozen=True)
class Operations:
    """Running the connector after the unpause."""

    facts: tuple[tuple[str, str], ...]
    errors: tuple[SyncError, ...]
    notes: tuple[str, ...]
    caveat: str
    refs: tuple[int, ...]


def build(context: ReportContext) -> Operations:
    """Who watches the sync and what they look for."""
    words = context.words
    team = context.team
    cadence = team.sync_error_review or "unset"
    delay = context.plan.requirements.max_sync_delay_minutes
    speed = words("operations.speed")
    if delay is not None:
        speed += words("common.sentence_gap") + words("operations.requirement", minutes=delay)
    facts = (
        (words("operations.who"), context.people(team.sync_error_owner)),
        (words("operations.how_often"), words(f"cadence.{cadence}")),
        (words("operations.where"), words("operations.where_value")),
        (words("operations.how_fast"), speed),
        (words("operations.escalate"), words("operations.escalate_value")),
    )
    errors = tuple(
        SyncError(words(f"operations.error.{key}.title"), words(f"operations.error.{key}.remedy"))
        for key in COMMON_ERRORS
    )
    notes = (words("operations.note.queue"), words("operations.note.stale"))
    refs = context.citations.cite(sources.url("considerations"))
    return Operations(facts, errors, notes, words("operations.caveat"), refs)
