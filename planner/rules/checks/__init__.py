"""Named Python checks for the rules whose logic JSON Schema cannot say well."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
            current = current.get(part) if isinstance(current, Mapping) else None
        return current


@dataclass(frozen=True)
class PlanContext:
    """What a check sees: the normalised plan (None when it failed validation) and the raw data."""

    data: Optional[Mapping[str, Any]]
    raw: Any

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
