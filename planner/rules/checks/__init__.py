"""Named Python checks for the rules whose logic JSON Schema cannot say well."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar

from planner import pointers
from planner.findings import Related
from planner.i18n import LIST_SEPARATOR

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
            # Plans are plain dicts: the exact type test saves the slow ABC check on the hot path.
            if type(current) is dict or isinstance(current, Mapping):
                current = current.get(part)
            else:
                return None
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
    units_in_plan: Optional[int] = None
    """The whole plan's unit count when ``data`` holds only some of its units (``per_unit``)."""
    raw_secrets: Optional[tuple[str, ...]] = None
    """The pointers of the secrets in ``raw``, when the caller has looked already."""
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


T = TypeVar("T")


def shared_part(
    plan: PlanContext,
    variant: PlanContext,
    index: int,
    name: str,
    parts: tuple[str, ...],
    compute: Callable[[BusinessUnitView], T],
) -> Optional[T]:
    """``compute`` of unit ``index``, worked out once on the plan's unit (memo ``name``) for every
    variant whose unit holds the very same values at the keys ``parts`` (a check's delta: a
    comparison's variants share the unit's unchanged parts with the plan), or None when the
    variant changed one of them. ``compute`` must read nothing of the unit but ``parts``."""
    before, after = plan.unit(index), variant.unit(index)
    if any(before.data.get(part) is not after.data.get(part) for part in parts):
        return None
    return unit_part(plan, name, before, compute)


def unit_part(
    context: PlanContext,
    name: str,
    unit: BusinessUnitView,
    compute: Callable[[BusinessUnitView], T],
) -> T:
    """``compute(unit)`` for a unit of ``context``, worked out once per context (memo ``name``,
    which :func:`shared_part` reads too: a comparison's variants reuse the plan's)."""
    found: dict[int, T] = context.memo(name, _new_dict)
    if unit.index not in found:
        found[unit.index] = compute(unit)
    return found[unit.index]


def _new_dict(_: PlanContext) -> dict[int, Any]:
    return {}


CheckFunction = Callable[[PlanContext], Iterable[Hit]]
DeltaFunction = Callable[[PlanContext, PlanContext, int], Optional[Iterable[Hit]]]


@dataclass(frozen=True)
class NamedCheck:
    """A check function, the name rule files call it by, whether it runs on invalid plans, and
    what it reads of the business units.

    ``reads`` names every part of a business unit the check looks at, as pointers relative to the
    unit (``"connector/user"``, ``"field_mappings"``; ``""`` is the whole unit), or is None when it
    may read anything. ``per_unit`` says the check's hits on a plan are the union of its hits on
    each one-unit plan (the unit moved to index 0, the rest of the plan kept). ``delta``:
    ``delta(plan, variant, index)`` gives the hits on ``variant`` (the plan with unit ``index``
    changed) that lie below that unit or that it does not give on ``plan``, or None when only a
    full run can tell; a per-unit check's delta spares it the unit's unchanged parts
    (:func:`shared_part`). The comparison relies on these to re-run only what a changed unit can
    affect (``planner.rules.inputs``); leaving them out is always safe.
    """

    name: str
    function: CheckFunction
    on_invalid_plans: bool = False
    reads: Optional[tuple[str, ...]] = None
    per_unit: bool = False
    delta: Optional[DeltaFunction] = None

    def __call__(self, context: PlanContext) -> Iterable[Hit]:
        """Run the check on one plan."""
        return self.function(context)


def check(
    name: str,
    *,
    on_invalid_plans: bool = False,
    reads: Optional[tuple[str, ...]] = None,
    per_unit: bool = False,
    delta: Optional[DeltaFunction] = None,
) -> Callable[[CheckFunction], NamedCheck]:
    """Name a check for ``check: {python: NAME}``; ``planner.rules.checks.registry`` collects it.

    ``reads``, ``per_unit`` and ``delta`` are promises about the check (see :class:`NamedCheck`);
    the incremental-comparison tests hold every check to them.
    """

    def named(function: CheckFunction) -> NamedCheck:
        return NamedCheck(name, function, on_invalid_plans, reads, per_unit, delta)

    return named


#: How many names a message lists before it says how many more there are.
LISTED_NAMES = 5


def listed(names: Iterable[str]) -> str:
    """``names`` as one rule param: joined as the finding's language joins a list (", " / "、",
    :func:`planner.i18n.said`)."""
    return LIST_SEPARATOR.join(names)


def name_list(names: Sequence[str]) -> str:
    """The first :data:`LISTED_NAMES` names (:func:`listed`), then ``… (+N)`` for the rest.

    A message that names other business units stays the same size however many the plan has,
    so findings × names never makes output quadratic in the plan.
    """
    shown = listed(names[:LISTED_NAMES])
    rest = len(names) - LISTED_NAMES
    return f"{shown}{LIST_SEPARATOR}… (+{rest})" if rest > 0 else shown
