"""The Implementation checklist: the steps in the order they must be done, each with its owner."""

from __future__ import annotations

from dataclasses import dataclass

from planner.report import sources
from planner.report.context import ReportContext
from planner.report.steps import PHASES, Draft


@dataclass(frozen=True)
class Step:
    """One checkbox: what to do, details for this plan, who does it, and the sources."""

    number: int
    title: str
    details: tuple[str, ...]
    caveat: str
    owner: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class Phase:
    """Before unpausing, unpausing, after unpausing."""

    title: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Checklist:
    """The phases in order."""

    intro: str
    phases: tuple[Phase, ...]


def build(context: ReportContext) -> Checklist:
    """The ordered checklist for this plan."""
    number = 0
    phases = []
    for phase, builders in PHASES:
        steps = []
        for builder in builders:
            draft = builder(context)
            if draft is None:
                continue
            number += 1
            steps.append(_step(context, number, draft))
        phases.append(Phase(context.words(f"checklist.phase.{phase}"), tuple(steps)))
    return Checklist(context.words("checklist.intro"), tuple(phases))


def _step(context: ReportContext, number: int, draft: Draft) -> Step:
    words = context.words
    caveat_key = f"checklist.{draft.key}.caveat"
    return Step(
        number=number,
        title=words(f"checklist.{draft.key}.title"),
        details=draft.details,
        caveat=words(caveat_key) if words.has(caveat_key) else "",
        owner=draft.owner,
        refs=context.citations.cite(*(sources.url(ref) for ref in draft.refs)),
    )
