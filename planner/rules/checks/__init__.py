"""Named Python checks for the rules whose logic JSON Schema cannot say well."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional

from planner import pointers
from planner.findings import Related

if TYPE_CHECKING:
    from planner.metadata.org import OrgMetadata


@dataclass(frozen=True)
class Hit:
    """Where a check fired and the values its message needs."""

    pointer: str
    params: Mapping[str, str] = field(default_factory=dict)
    related: tuple[Related, ...] = ()
    """The metadata files and lines the finding rests on."""


@dataclass(frozen=True)
class BusinessUnitView:
    """One business unit of the normalised plan, with its pointer."""

    index: int
    data: Mapping[str, Any]

    @property
    def pointer(self) -> str:
        """``/business_units/<index>``."""
        return f"/business_units/{self.index}"

    @property
    def name(self) -> str:
        """The BU's name."""
        return str(self.data.get("name", ""))

    def at(self, *segments: str | int) -> str:
        """A pointer below this BU."""
        return pointers.join(self.pointer, *segments)

    def get(self, *path: str) -> Any:
        """A value below this BU, or None."""
        current: Any = self.data
        for part in path:
            current = current.get(part) if isinstance(current, Mapping) else None
        return current

    def planned_or_in_place(self, step: str) -> bool:
        """``step`` is planned before unpausing, or already in place on a running connector."""
        for key in ("before_unpause", "in_place"):
            steps = self.get("rollout", key)
            if isinstance(steps, list) and step in steps:
                return True
        return False

    @property
    def running(self) -> bool:
        """The connector is active today (a running connector, not a first unpause)."""
        return bool(self.get("connector", "state") == "active")

    @property
    def ampsea(self) -> bool:
        """The BU allows several prospects with the same email (AMPSEA)."""
        return self.get("allow_multiple_prospects_same_email") is True


@dataclass(frozen=True)
class PlanContext:
    """What a check sees: the normalised plan (None when it failed validation) and the raw data."""

    data: Optional[Mapping[str, Any]]
    raw: Any
    metadata: Optional[OrgMetadata] = None
    """The org's metadata read for this plan, when a metadata source was given."""

    def business_units(self) -> list[BusinessUnitView]:
        """The business units of the normalised plan."""
        units = (self.data or {}).get("business_units", [])
        return [BusinessUnitView(index, unit) for index, unit in enumerate(units)]


CheckFunction = Callable[[PlanContext], Iterable[Hit]]


@dataclass(frozen=True)
class NamedCheck:
    """A check function, the name rule files call it by, and whether it runs on invalid plans."""

    name: str
    function: CheckFunction
    on_invalid_plans: bool = False

    def __call__(self, context: PlanContext) -> Iterable[Hit]:
        """Run the check on one plan."""
        return self.function(context)


def check(name: str, *, on_invalid_plans: bool = False) -> Callable[[CheckFunction], NamedCheck]:
    """Name a check for ``check: {python: NAME}``; ``planner.rules.checks.registry`` collects it."""

    def named(function: CheckFunction) -> NamedCheck:
        return NamedCheck(name, function, on_invalid_plans)

    return named


#: How many names a message lists before it says how many more there are.
LISTED_NAMES = 5


def name_list(names: Sequence[str]) -> str:
    """The first :data:`LISTED_NAMES` names, comma-separated, then ``… (+N)`` for the rest.

    A message that names other business units stays the same size however many the plan has,
    so findings × names never makes output quadratic in the plan.
    """
    shown = ", ".join(names[:LISTED_NAMES])
    rest = len(names) - LISTED_NAMES
    return f"{shown}, … (+{rest})" if rest > 0 else shown
