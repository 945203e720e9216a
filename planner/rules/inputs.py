"""What each rule reads of a business unit, so a comparison re-runs only the rules a change touches.

A Python check declares its inputs when it registers (``planner.rules.checks.check``); a declarative
rule's are read off its ``for_each``, ``when`` and ``report_at``: every ``properties`` chain of the
``when`` schema is a path the rule reads, and any other keyword reads the whole value it sits on.
Everything here errs towards "reads more": a rule it cannot account for reads everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Optional

from planner import pointers
from planner.rules.checks.registry import REGISTRY
from planner.rules.rulebook import PythonCheck, RuleSpec, SchemaCheck

Path = tuple[str, ...]
"""Unescaped pointer segments; ``("business_units", "*", ...)`` stands for any unit."""

UNITS = "business_units"
_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples"})
# Keywords that see only a value's kind or size, and those that apply a schema to each item.
_SHAPE = frozenset({"type", "minItems", "maxItems", "minProperties", "maxProperties"})
_EACH_ITEM = frozenset({"items", "contains", "additionalProperties"})
_SAME_PLACE = frozenset({"allOf", "anyOf", "oneOf", "not", "if", "then", "else"})


@dataclass(frozen=True)
class RuleInputs:
    """The parts of any business unit a rule reads, and whether it judges each unit on its own.

    ``unit_paths`` holds the paths, relative to a unit, whose whole value the rule may read
    (``()`` is the whole unit), or is None when the rule may read anything of any unit.
    ``unit_nodes`` holds paths the rule only walks through: it sees whether something is there,
    not what lies below. ``per_unit`` has the meaning of :class:`planner.rules.checks.NamedCheck`.
    """

    unit_paths: Optional[frozenset[Path]]
    per_unit: bool
    unit_nodes: frozenset[Path] = frozenset()

    def touched_by(self, changed: Iterable[Path]) -> bool:
        """True when a change at any of the ``changed`` unit paths can change what the rule says."""
        if self.unit_paths is None:
            return True
        for path in changed:
            if any(overlaps(read, path) for read in self.unit_paths):
                return True
            if any(node[: len(path)] == path for node in self.unit_nodes):
                return True
        return False


def overlaps(one: Path, two: Path) -> bool:
    """True when one path lies at or below the other."""
    shorter = min(len(one), len(two))
    return one[:shorter] == two[:shorter]


def rule_inputs(rule: RuleSpec) -> RuleInputs:
    """The inputs of one rule; rules the engine does not run (structural ones) read nothing."""
    check = rule.check
    if isinstance(check, PythonCheck):
        registered = REGISTRY.get(check.python)
        if registered is None or registered.reads is None:
            return RuleInputs(None, registered is not None and registered.per_unit)
        paths = frozenset(
            tuple(pointers.split("/" + read)) if read else () for read in registered.reads
        )
        return RuleInputs(paths, registered.per_unit)
    if isinstance(check, SchemaCheck):
        return _schema_inputs(check)
    return RuleInputs(frozenset(), True)


def _schema_inputs(check: SchemaCheck) -> RuleInputs:
    item, item_whole = _walked(tuple(pointers.split(check.for_each)))
    under_unit = item[:2] == (UNITS, "*")
    deep: list[Path] = [(UNITS, "*", "name"), item if item_whole else (*item, "name")]
    shallow: list[Path] = [item[:length] for length in range(len(item) + 1)]
    plan_reads: list[Path] = []
    for path, whole in schema_reads(check.when, ()):
        if not path:
            return RuleInputs(None, False)  # the whole document
        source, rest = path[0], path[1:]
        if source == "plan":
            plan_reads.append(rest)
            place = rest
        elif source == "bu" and under_unit:
            place = (UNITS, "*", *rest)
        elif source == "bu":
            place = (UNITS,)  # an item outside the units has no unit: read as "any"
        elif source == "item":
            place = item if item_whole else (*item, *rest)
        else:
            continue  # the document has no other key
        (deep if whole or (source == "item" and item_whole) else shallow).append(place)
    deep.append(_report_target(check, item, item_whole))
    units_from_plan = any(not path or path[0] == UNITS for path in plan_reads)
    paths = _unit_paths(deep)
    nodes = _unit_paths(path for path in shallow if len(path) > 2 and path[0] == UNITS)
    if paths is None or nodes is None:
        return RuleInputs(None, False)
    return RuleInputs(paths, under_unit and not units_from_plan, nodes)


def _walked(for_each: Path) -> tuple[Path, bool]:
    """The part of ``for_each`` that names one item, and whether a wildcard cut it short.

    The ``*`` after ``business_units`` stands for "this unit"; any later ``*`` ranges over a
    container, which the rule then reads whole.
    """
    for position, segment in enumerate(for_each):
        if segment == "*" and not (position == 1 and for_each[0] == UNITS):
            return for_each[:position], True
    return for_each, False


def _report_target(check: SchemaCheck, item: Path, item_whole: bool) -> Path:
    """Where the rule reports, whose value its message may quote."""
    if check.report_at.startswith("/"):
        return tuple(pointers.split(check.report_at))
    if item_whole:
        return item
    return (*item, *pointers.split("/" + check.report_at)) if check.report_at else item


def _unit_paths(reads: Iterable[Path]) -> Optional[frozenset[Path]]:
    """Plan paths as unit paths; None when one of them reaches into the units another way."""
    paths: set[Path] = set()
    for path in reads:
        if not path or path == (UNITS,):
            return None
        if path[0] != UNITS:
            continue  # outside the units: a comparison never changes it
        if path[1] != "*":
            return None  # one unit by its index
        inside = path[2:]
        paths.add(inside[: inside.index("*")] if "*" in inside else inside)
    return frozenset(paths)


def schema_reads(schema: Any, path: Path) -> Iterator[tuple[Path, bool]]:
    """Each path of the instance a JSON Schema (sub)schema looks at, and whether it reads it whole.

    ``type``, ``required`` and the size keywords only see whether a value is there, its kind and
    size; ``items``, ``contains`` and ``additionalProperties`` read each member (a ``*`` segment);
    every other keyword (or one this module does not know) may read the whole value below it.
    """
    if isinstance(schema, bool):
        return
    if not isinstance(schema, dict):
        yield path, True
        return
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        if keyword == "properties" and isinstance(value, dict):
            for name, subschema in value.items():
                yield from schema_reads(subschema, (*path, str(name)))
        elif keyword == "required" and isinstance(value, list):
            yield from (((*path, str(name)), False) for name in value)
        elif keyword in _SHAPE:
            yield path, False
        elif keyword in _EACH_ITEM:
            yield from schema_reads(value, (*path, "*"))
        elif keyword in _SAME_PLACE and isinstance(value, list):
            for subschema in value:
                yield from schema_reads(subschema, path)
        elif keyword in _SAME_PLACE:
            yield from schema_reads(value, path)
        else:
            yield path, True
