"""Named Python checks for the rules whose logic JSON Schema cannot say well."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
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
class RegisteredCheck:
    """A check function and whether it also runs on plans that failed validation."""

    function: CheckFunction
    on_invalid_plans: bool


REGISTRY: dict[str, RegisteredCheck] = {}


def check(name: str, *, on_invalid_plans: bool = False) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under the name rule files use in ``check: {python: NAME}``."""

    def register(function: CheckFunction) -> CheckFunction:
        if name in REGISTRY:
            raise ValueError(f"check {name!r} is registered twice")
        REGISTRY[name] = RegisteredCheck(function, on_invalid_plans)
        return function

    return register


def first_hits(hits: Iterable[Hit]) -> Iterator[Hit]:
    """Hits with duplicate pointers dropped, first one kept."""
    seen: set[str] = set()
    for hit in hits:
        if hit.pointer not in seen:
            seen.add(hit.pointer)
            yield hit


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


from planner.rules.checks import (  # noqa: E402,F401  (registers the checks)
    access,
    ampsea,
    business_units,
    connectors,
    fields,
    imports,
    mappings,
    mds,
    metadata_access,
    metadata_fields,
    metadata_org,
    metadata_users,
    metadata_writes,
    operations,
    org_wide,
    rollout,
    secret_values,
    user_sync,
)
