"""The rule engine for plan variants: re-run only what one changed business unit can affect.

A variant differs from the plan in one unit. A rule that reads none of the changed paths says what
it said of the plan (its hits are reused); a rule that judges each unit on its own runs on that
unit alone; any other rule runs on the whole variant. The result equals running every rule on the
variant and keeping the hits below the unit or new to the plan (``tests/unit/test_incremental.py``
checks both ways on every sample). Cost per variant: the size of the unit, plus the whole plan
only for the few cross-unit rules whose inputs the change touches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Optional

from planner.comparison.unit_split import UnitSplit, split
from planner.comparison.variants import Variant
from planner.rules.checks import DeltaFunction, PlanContext
from planner.rules.checks.registry import REGISTRY
from planner.rules.engine import Engine, RuleHit
from planner.rules.exclusivity import provably_exclusive_after, rule_fields
from planner.rules.inputs import Path, RuleInputs, rule_inputs
from planner.rules.rulebook import PythonCheck, RuleSpec, SchemaCheck

_UNITS = "/business_units/"


if TYPE_CHECKING:
    from planner.metadata.org import OrgMetadata

MetadataReader = Callable[[Mapping[str, Any]], Optional["OrgMetadata"]]
"""Reads the org's metadata a variant of the plan needs."""


class VariantRuns:
    """The plan's own hits, computed once, and the variants' hits computed from them."""

    def __init__(
        self,
        engine: Engine,
        data: dict[str, Any],
        codes: Optional[frozenset[str]],
        read: Optional[MetadataReader] = None,
    ):
        """``read`` gives the org's metadata a plan (or variant) needs, when it is checked against
        it; the metadata checks read what each option changes, so variants then run in full."""
        self.engine = engine
        self.data = data
        self.read = read
        self.active = None if codes is None else set(codes)
        self.rules = [rule for rule in engine.rulebook.rules if codes is None or rule.code in codes]
        self.inputs: dict[str, RuleInputs] = {rule.code: rule_inputs(rule) for rule in self.rules}
        metadata = read(data) if read is not None else None
        # The plan's own run and the checks' deltas share one context: what a check works out
        # once per unit there (its memo), each variant's delta reuses.
        self._plan = PlanContext(data, data, metadata)
        hits = engine.run(self._plan, self.active)
        self.baseline = frozenset((hit.rule.code, hit.pointer) for hit in hits)
        self._by_unit: dict[tuple[str, int], list[RuleHit]] = defaultdict(list)
        self._touched_by: dict[tuple[Path, ...], frozenset[str]] = {}
        self._counts: dict[Callable[[Any], bool], int] = {}
        self._rule_fields: Optional[dict[str, dict[str, list[int]]]] = None
        self._locals: dict[str, list[tuple[int, list[RuleHit]]]] = {}
        self._deltas: dict[str, DeltaFunction] = {
            rule.code: registered.delta
            for rule in self.rules
            if isinstance(rule.check, PythonCheck)
            and (registered := REGISTRY[rule.check.python]).delta is not None
        }
        units = data["business_units"]
        self._splits: dict[str, tuple[UnitSplit, tuple[int, ...], bool]] = {}
        for rule in self.rules:
            found = split(rule.check) if isinstance(rule.check, SchemaCheck) else None
            if found is not None and not self.inputs[rule.code].per_unit:
                counts = found.counts(units)
                self._splits[rule.code] = (found, counts, found.across(counts, len(units)))
        self._wide: dict[str, list[RuleHit]] = defaultdict(list)
        self._last: Optional[tuple[Variant, list[RuleHit]]] = None
        for hit in hits:
            index = unit_index(hit.pointer)
            if index is not None:
                self._by_unit[(hit.rule.code, index)].append(hit)
            else:
                self._wide[hit.rule.code].append(hit)

    def hits(self, variant: Variant) -> list[RuleHit]:
        """The variant's hits below its unit or new to the plan, in the engine's order."""
        index = variant.index
        unit = f"{_UNITS}{index}"
        if self.read is not None:
            return [
                hit
                for hit in self._full_run(variant)
                if _below(hit.pointer, unit) or (hit.rule.code, hit.pointer) not in self.baseline
            ]
        before, after = self.data["business_units"][index], variant.data["business_units"][index]
        touched = self._touched(tuple(changed_paths(before, after)))
        whole = PlanContext(variant.data, variant.data)
        alone: Optional[PlanContext] = None
        kept: list[RuleHit] = []
        for rule in self.rules:
            if rule.code not in touched:
                kept.extend(self._by_unit.get((rule.code, index), ()))
                continue
            if rule.code in self._splits:
                kept.extend(
                    hit
                    for hit in self._split_hits(rule, variant, before, after)
                    if _below(hit.pointer, unit)
                    or (hit.rule.code, hit.pointer) not in self.baseline
                )
                continue
            delta = self._deltas.get(rule.code)
            changes = delta(self._plan, whole, index) if delta is not None else None
            if changes is not None:
                kept.extend(
                    RuleHit(rule, hit.pointer, hit.params)
                    for hit in changes
                    if _below(hit.pointer, unit) or (rule.code, hit.pointer) not in self.baseline
                )
                continue
            if self.inputs[rule.code].per_unit:
                if alone is None:
                    one = _one_unit(variant.data, index)
                    alone = PlanContext(one, one, units_in_plan=len(variant.data["business_units"]))
                found = [_moved(hit, index) for hit in self.engine.run_rule(rule, alone)]
            else:
                found = self.engine.run_rule(rule, whole)
            kept.extend(
                hit
                for hit in found
                if _below(hit.pointer, unit) or (hit.rule.code, hit.pointer) not in self.baseline
            )
        return kept

    def plan_wide(self, variant: Variant) -> list[RuleHit]:
        """The plan's own hits outside every business unit that the variant still gives, in the
        engine's order (those new to the variant are in :meth:`hits`).

        A rule the change cannot affect says what it said of the plan; one it can affect runs on
        the whole variant, only when it gave such a hit on the plan (a few plan-level rules).
        """
        index = variant.index
        if self.read is not None:
            return [
                hit
                for hit in self._full_run(variant)
                if unit_index(hit.pointer) is None and (hit.rule.code, hit.pointer) in self.baseline
            ]
        before, after = self.data["business_units"][index], variant.data["business_units"][index]
        touched = self._touched(tuple(changed_paths(before, after)))
        whole: Optional[PlanContext] = None
        kept: list[RuleHit] = []
        for rule in self.rules:
            wide = self._wide.get(rule.code)
            if not wide:
                continue
            if rule.code not in touched:
                kept.extend(wide)
                continue
            if whole is None:
                whole = PlanContext(variant.data, variant.data)
            kept.extend(
                hit
                for hit in self.engine.run_rule(rule, whole)
                if unit_index(hit.pointer) is None and (hit.rule.code, hit.pointer) in self.baseline
            )
        return kept

    def _full_run(self, variant: Variant) -> list[RuleHit]:
        """Every rule on the variant and its metadata (the last variant's run is kept: its hits
        and its plan-wide hits are asked for one after the other)."""
        if self._last is None or self._last[0] is not variant:
            assert self.read is not None
            context = PlanContext(variant.data, variant.data, self.read(variant.data))
            self._last = (variant, self.engine.run(context, self.active))
        return self._last[1]

    def exclusive(self, variant: Variant) -> bool:
        """Whether the variant's MDS units provably select disjoint records (F36), from the
        plan's MDS rule fields (gathered once) and the variant's changed unit."""
        if self._rule_fields is None:
            self._rule_fields = rule_fields(self.data["business_units"])
        unit = variant.data["business_units"][variant.index]
        return provably_exclusive_after(self._rule_fields, variant.index, unit)

    def count_units(self, test: Callable[[Any], bool], variant: Variant) -> int:
        """How many of the variant's units pass ``test`` (counted on the plan once, then kept)."""
        counted = self._counts.get(test)
        if counted is None:
            counted = self._counts[test] = sum(
                1 for unit in self.data["business_units"] if test(unit)
            )
        index = variant.index
        before, after = self.data["business_units"][index], variant.data["business_units"][index]
        return counted - test(before) + test(after)

    def _split_hits(
        self, rule: RuleSpec, variant: Variant, before: Any, after: Any
    ) -> list[RuleHit]:
        """A split rule's hits on the variant, from its changed unit and the plan's hits.

        The rule fires on a document when its local part holds and the condition on the list of
        units holds. While that condition comes out as it did for the plan, the rule says what it
        said of every other unit; when it turns true, each other unit's local part decides, and
        that part is the plan's own (computed once).
        """
        found, counts, across = self._splits[rule.code]
        assert isinstance(rule.check, SchemaCheck)
        index = variant.index
        now = found.across(
            found.changed_counts(counts, before, after), len(self.data["business_units"])
        )
        if not now:
            return []
        if not rule.check.for_each.startswith("/business_units/*"):
            if across:
                return list(self._by_unit.get((rule.code, index), ()))
            return self.engine.unit_hits(rule, self.data, None, found.local)
        mine = self.engine.unit_hits(rule, variant.data, index, found.local)
        if across:
            return mine
        others = self._local_hits(rule, found)
        return [
            *(hit for unit, hits in others if unit < index for hit in hits),
            *mine,
            *(hit for unit, hits in others if unit > index for hit in hits),
        ]

    def _local_hits(self, rule: RuleSpec, found: UnitSplit) -> list[tuple[int, list[RuleHit]]]:
        """Each unit's hits of the rule's local part on the plan (units with none left out)."""
        cached = self._locals.get(rule.code)
        if cached is None:
            units = range(len(self.data["business_units"]))
            each = (
                (unit, self.engine.unit_hits(rule, self.data, unit, found.local)) for unit in units
            )
            cached = self._locals[rule.code] = [(unit, hits) for unit, hits in each if hits]
        return cached

    def _touched(self, changed: tuple[Path, ...]) -> frozenset[str]:
        """The codes of the rules a change at these unit paths can affect (the same few recur)."""
        found = self._touched_by.get(changed)
        if found is None:
            found = frozenset(
                code for code, inputs in self.inputs.items() if inputs.touched_by(changed)
            )
            self._touched_by[changed] = found
        return found


def changed_paths(before: Any, after: Any, path: Path = ()) -> list[Path]:
    """The outermost paths where two JSON values differ (``True`` differs from ``1``), sorted."""
    if before is after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        found: list[Path] = []
        for key in sorted(before.keys() | after.keys(), key=str):
            if key not in before or key not in after:
                found.append((*path, str(key)))
            else:
                found.extend(changed_paths(before[key], after[key], (*path, str(key))))
        return found
    return [] if same(before, after) else [path]


def same(one: Any, two: Any) -> bool:
    """JSON equality that keeps types apart: ``True`` is not ``1``, ``1`` is not ``1.0``."""
    if type(one) is not type(two):
        return False
    if isinstance(one, dict):
        return one.keys() == two.keys() and all(same(one[key], two[key]) for key in one)
    if isinstance(one, list):
        return len(one) == len(two) and all(same(a, b) for a, b in zip(one, two))
    return bool(one == two)


def unit_index(pointer: str) -> Optional[int]:
    """The index of the business unit a pointer lies in, or None outside the units."""
    if not pointer.startswith(_UNITS):
        return None
    segment = pointer[len(_UNITS) :].split("/", 1)[0]
    return int(segment) if segment.isdigit() else None


def _one_unit(data: dict[str, Any], index: int) -> dict[str, Any]:
    """The plan with only business unit ``index``, moved to index 0."""
    return {**data, "business_units": [data["business_units"][index]]}


def _moved(hit: RuleHit, index: int) -> RuleHit:
    """A hit found on :func:`_one_unit`'s plan, pointing back into the whole plan."""
    first = f"{_UNITS}0"
    if not _below(hit.pointer, first):
        return hit
    return RuleHit(hit.rule, f"{_UNITS}{index}{hit.pointer[len(first) :]}", hit.params)


def _below(pointer: str, ancestor: str) -> bool:
    return pointer == ancestor or pointer.startswith(ancestor + "/")
