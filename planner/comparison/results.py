"""The comparison's results: plain immutable data, already worded in the output language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Noted:
    """A finding a variant raises, as the comparison shows it."""

    code: str
    name: str
    severity: str
    message: str
    pointer: str


@dataclass(frozen=True)
class Item:
    """A set-up step, a missing piece of the plan, or a change: an id, its words and its facts."""

    id: str
    text: str
    facts: tuple[str, ...] = ()
    pointer: str = ""
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Licences:
    """Salesforce licences: needed by this BU, needed by the whole variant, free in the org."""

    needed: int
    total: int
    available: Optional[int]
    blocked: bool
    text: str


@dataclass(frozen=True)
class Option:
    """One sync method for one business unit, evaluated by the real rule engine."""

    id: str
    label: str
    user: str
    scope: str
    as_written: bool
    errors: tuple[Noted, ...]
    warnings: tuple[Noted, ...]
    infos: tuple[Noted, ...]
    placeholder_codes: tuple[str, ...]
    licences: Licences
    syncs: Item
    several_business_units: Item
    needs: tuple[Item, ...]
    steps: tuple[Item, ...]
    changes: tuple[Item, ...]

    @property
    def blocked(self) -> bool:
        """Errors or missing licences stop this option."""
        return bool(self.errors) or self.licences.blocked

    @property
    def cost(self) -> int:
        """Set-up steps plus the licences this business unit would take."""
        return len(self.steps) + self.licences.needed


@dataclass(frozen=True)
class Recommendation:
    """The option aeplan recommends for a business unit, and why."""

    option: str
    label: str
    as_written: bool
    reason: str
    facts: tuple[str, ...]
    others: tuple[Item, ...]


@dataclass(frozen=True)
class UnitComparison:
    """Every option for one business unit and the recommendation."""

    name: str
    index: int
    written: Optional[str]
    options: tuple[Option, ...]
    in_every_option: tuple[Noted, ...]
    recommendation: Recommendation


@dataclass(frozen=True)
class Comparison:
    """The sync method comparison of one plan."""

    file: str
    lang: str
    org: str
    units: tuple[UnitComparison, ...]
    in_every_option: tuple[Noted, ...] = ()
    """Findings about the whole plan (outside every business unit) that every option of every
    business unit raises: said once, not in each unit's ``in_every_option``."""
