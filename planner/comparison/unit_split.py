"""Declarative rules that look across units through one list keyword, split for variants.

A rule such as "object change log sync while some unit uses MDS" reads the list of units only
through ``properties: {business_units: {contains: S}}``. Its ``when`` is then
``local(document) and across(units)``, and ``across`` is kept as a count of units matching ``S``:
a variant changes one unit, so the count changes by at most one, and when ``across`` stays as it
was the rule says of every other unit what it said of the plan.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

from planner.rules.conditions import Predicate, compile_condition
from planner.rules.inputs import schema_reads
from planner.rules.rulebook import SchemaCheck

_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples"})
_HOLDER_KEYWORDS = frozenset({"properties", "required", "type"}) | _ANNOTATIONS
_LIST_KEYWORDS = frozenset({"contains", "items", "minItems", "maxItems"})


@dataclass(frozen=True)
class UnitSplit:
    """``when`` as ``local(document) and across(units)``; ``across`` by counts of matching units."""

    local: Predicate
    contains: tuple[Predicate, ...]
    items: tuple[Predicate, ...]
    sizes: Predicate
    """``minItems``/``maxItems`` on the list (a variant never changes how many units there are)."""

    def counts(self, units: Sequence[Any]) -> tuple[int, ...]:
        """How many units match each ``contains`` then each ``items`` schema."""
        return tuple(
            sum(1 for unit in units if check(unit)) for check in self.contains + self.items
        )

    def changed_counts(self, counts: tuple[int, ...], before: Any, after: Any) -> tuple[int, ...]:
        """``counts`` after one unit changed from ``before`` to ``after``."""
        checks = self.contains + self.items
        return tuple(count - check(before) + check(after) for count, check in zip(counts, checks))

    def across(self, counts: tuple[int, ...], total: int) -> bool:
        """Whether the list of units satisfies its schema, from the counts."""
        some = counts[: len(self.contains)]
        every = counts[len(self.contains) :]
        return (
            all(count > 0 for count in some)
            and all(count == total for count in every)
            and self.sizes([None] * total)
        )


def split(check: SchemaCheck) -> Optional[UnitSplit]:
    """The split of a rule whose ``when`` reads the units' list in the supported way, else None."""
    when = check.when
    if check.for_each.startswith("/business_units") and not (
        check.for_each == "/business_units/*" or check.for_each.startswith("/business_units/*/")
    ):
        return None  # items that are the list itself, or one unit by its index
    if set(when) - _ANNOTATIONS != {"properties"} or not isinstance(when["properties"], dict):
        return None
    source = "item" if not check.for_each else "plan"
    holder = when["properties"].get(source)
    if not isinstance(holder, dict) or set(holder) - _HOLDER_KEYWORDS:
        return None
    properties = holder.get("properties")
    if not isinstance(properties, dict) or not isinstance(properties.get("business_units"), dict):
        return None
    units = properties["business_units"]
    if set(units) - _ANNOTATIONS - _LIST_KEYWORDS:
        return None
    local = copy.deepcopy(when)
    del local["properties"][source]["properties"]["business_units"]
    if any(_reaches_units(path, check.for_each) for path, _ in schema_reads(local, ())):
        return None  # the rest of the condition reads the units another way
    sizes = {key: value for key, value in units.items() if key in ("minItems", "maxItems")}
    return UnitSplit(
        local=compile_condition(local),
        contains=(compile_condition(units["contains"]),) if "contains" in units else (),
        items=(compile_condition(units["items"]),) if "items" in units else (),
        sizes=compile_condition({"type": "array", **sizes}),
    )


def _reaches_units(path: tuple[str, ...], for_each: str) -> bool:
    """True when a read of the document reaches the plan's list of units (or the whole plan)."""
    plan_sources = ("plan", "item") if not for_each else ("plan",)
    if not path:
        return True
    return path[0] in plan_sources and (len(path) == 1 or path[1] == "business_units")
