"""Named Python checks for the rules whose logic JSON Schema cannot say well."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from planner import pointers


@dataclass(frozen=True)
class Hit:
    """Where a check fired and the values its message needs."""

    pointer: str
    params: Mapping[str, str] = field(default_factory=dict)


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
            # Plans are plain dicts: the exact type test saves the slow ABC check on the hot path.
            if type(current) is dict or isinstance(current, Mapping):
                current = current.get(part)
            else:
                return None
        return current


@dataclass(frozen=True)
class PlanContext:
    """What a check sees: the normalised plan (None when it failed validation) and the raw data."""

    data: Optional[Mapping[str, Any]]
    raw: Any
    units_in_plan: Optional[int] = None
    """The whole plan's unit count when ``data`` holds only some of its units (``per_unit``)."""
    _units: list[BusinessUnitView] = field(
        default_factory=list, init=False, compare=False, repr=False
    )
    _memo: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def memo(self, key: str, compute: Callable[[PlanContext], Any]) -> Any:
        """``compute(self)``, worked out once per context (an index a check's delta reuses)."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    def unit_count(self) -> int:
        """How many business units the plan has."""
        if self.units_in_plan is not None:
            return self.units_in_plan
        return len(self.business_units())

    def unit(self, index: int) -> BusinessUnitView:
        """Business unit ``index`` alone (without building a view of every unit)."""
        if self._units:
            return self._units[index]
        return BusinessUnitView(index, (self.data or {})["business_units"][index])

    def business_units(self) -> list[BusinessUnitView]:
        """The business units of the normalised plan (built once per context; do not change it)."""
        units = (self.data or {}).get("business_units", [])
        if len(self._units) != len(units):
            self._units[:] = [BusinessUnitView(index, unit) for index, unit in enumerate(units)]
        return self._units


CheckFunction = Callable[[PlanContext], Iterable[Hit]]
DeltaFunction = Callable[[PlanContext, PlanContext, int], Optional[Iterable[Hit]]]


@dataclass(frozen=True)
class RegisteredCheck:
    """A check function, whether it also runs on invalid plans, and what it reads of the units.

    ``reads`` names every part of a business unit the check looks at, as pointers relative to the
    unit (``"connector/user"``, ``"field_mappings"``; ``""`` is the whole unit), or is None when it
    may read anything. ``per_unit`` says the check's hits on a plan are the union of its hits on
    each one-unit plan (the unit moved to index 0, the rest of the plan kept): what it says of a
    unit depends on that unit alone, never on the others or on how many there are. The comparison
    relies on both to re-run only what a changed unit can affect (``planner.rule_inputs``).
    """

    function: CheckFunction
    on_invalid_plans: bool
    reads: Optional[tuple[str, ...]] = None
    per_unit: bool = False
    delta: Optional[DeltaFunction] = None
    """For a cross-unit check: ``delta(plan, variant, index)`` gives the check's hits on
    ``variant`` (the plan with unit ``index`` changed) that lie below that unit or that it does not
    give on ``plan``, or None when only a full run can tell."""


REGISTRY: dict[str, RegisteredCheck] = {}


def check(
    name: str,
    *,
    on_invalid_plans: bool = False,
    reads: Optional[tuple[str, ...]] = None,
    per_unit: bool = False,
    delta: Optional[DeltaFunction] = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under the name rule files use in ``check: {python: NAME}``.

    ``reads``, ``per_unit`` and ``delta`` are promises about the check (see :class:`RegisteredCheck`);
    tests/unit/test_rule_inputs.py holds every check to them. Leaving them out is always safe.
    """

    def register(function: CheckFunction) -> CheckFunction:
        if name in REGISTRY:
            raise ValueError(f"check {name!r} is registered twice")
        REGISTRY[name] = RegisteredCheck(function, on_invalid_plans, reads, per_unit, delta)
        return function

    return register


def first_hits(hits: Iterable[Hit]) -> Iterator[Hit]:
    """Hits with duplicate pointers dropped, first one kept."""
    seen: set[str] = set()
    for hit in hits:
        if hit.pointer not in seen:
            seen.add(hit.pointer)
            yield hit


from planner.checks import business_units, connectors, fields, mds, operations, rollout, secrets  # noqa: E402,F401  (registers the checks)
