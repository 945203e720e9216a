"""Decisions a plan still leaves open: a value the connector set-up needs that the plan omits.

One source for the report's "Ready once N decisions are made" and ``aeplan init``'s "Left to
decide", so both list the same decisions, business unit by business unit."""

from __future__ import annotations

from dataclasses import dataclass

from planner.plan.model import BusinessUnit, Plan


@dataclass(frozen=True)
class OpenDecision:
    """One decision still to make: whose (business unit name) and which (wording key)."""

    unit: str
    topic: str

    @property
    def key(self) -> str:
        """The plan key that records the decision, below the business unit."""
        return KEYS[self.topic]


KEYS = {
    "version": "connector.version",
    "user": "connector.user",
    "matching": "allow_multiple_prospects_same_email",
    "auto_create_prospects": "settings.auto_create_prospects",
    "auto_change_email": "settings.auto_change_email",
    "auto_delete_merge": "settings.auto_delete_merge",
    "user_sync": "settings.user_sync",
}


def open_decisions(plan: Plan) -> tuple[OpenDecision, ...]:
    """Every open decision, business unit by business unit, in a fixed topic order."""
    return tuple(
        OpenDecision(unit.name, topic)
        for unit in plan.business_units
        for topic, value in _choices(unit)
        if value is None
    )


def _choices(unit: BusinessUnit) -> tuple[tuple[str, object], ...]:
    settings = unit.settings
    return (
        ("version", unit.connector.version),
        ("user", unit.connector.user),
        ("matching", unit.allow_multiple_prospects_same_email),
        ("auto_create_prospects", settings.auto_create_prospects),
        ("auto_change_email", settings.auto_change_email),
        ("auto_delete_merge", settings.auto_delete_merge),
        ("user_sync", settings.user_sync),
    )
