"""The rule engine: runs each rule's check on a plan and reports where it fires."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Optional

from planner import pointers
from planner.errors import PlannerError
from planner.findings import Related
from planner.rules.checks import Hit, PlanContext
from planner.rules.checks.registry import REGISTRY
from planner.rules.conditions import Predicate, compile_condition
from planner.rules.rulebook import (
    PythonCheck,
    Rulebook,
    RuleSpec,
    SchemaCheck,
    StructuralCheck,
    builtin_codes,
)


@dataclass(frozen=True)
class RuleHit:
    """A rule that fired, where, and the values its message needs."""

    rule: RuleSpec
    pointer: str
    params: Mapping[str, str] = field(default_factory=dict)
    related: tuple[Related, ...] = ()


class Engine:
    """Compiles every rule's check once, then runs them on any number of plans."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self._compiled: dict[str, Predicate] = {}
        builtin = builtin_codes()
        for rule in rulebook.rules:
            if isinstance(rule.check, PythonCheck) and rule.check.python not in REGISTRY:
                raise PlannerError.keyed(
                    "rule_file.unknown_python", code=rule.code, check=rule.check.python
                )
            if isinstance(rule.check, SchemaCheck):
                self._compiled[rule.code] = _compile(rule, checked=rule.code in builtin)
        self.runs_on_invalid_plans = frozenset(
            rule.code for rule in rulebook.rules if self._runs_on_invalid_plans(rule)
        )
        """The codes of the rules that also run on a plan that failed to load or validate."""

    @staticmethod
    def _runs_on_invalid_plans(rule: RuleSpec) -> bool:
        if isinstance(rule.check, StructuralCheck):
            return True
        if isinstance(rule.check, PythonCheck):
            return REGISTRY[rule.check.python].on_invalid_plans
        return False

    def run(self, context: PlanContext, codes: Optional[set[str]] = None) -> list[RuleHit]:
        """Run the rules (all, or those in ``codes``) on one plan, in code order."""
        hits: list[RuleHit] = []
        listed: _Listed = {}  # declarative rules over the same items share their documents
        for rule in self.rulebook.rules:
            if codes is None or rule.code in codes:
                hits.extend(self._run_rule(rule, context, listed))
        return hits

    def run_rule(self, rule: RuleSpec, context: PlanContext) -> list[RuleHit]:
        """Run one rule of the rulebook on one plan (structural rules never fire here)."""
        return self._run_rule(rule, context, {})

    def _run_rule(self, rule: RuleSpec, context: PlanContext, listed: _Listed) -> list[RuleHit]:
        if isinstance(rule.check, PythonCheck):
            registered = REGISTRY[rule.check.python]
            if context.data is None and not registered.on_invalid_plans:
                return []
            found: Iterable[Hit] = registered.function(context)
        elif isinstance(rule.check, SchemaCheck):
            if context.data is None:
                return []
            each = listed.get(rule.check.for_each)
            if each is None:
                each = listed[rule.check.for_each] = list(
                    documents(context.data, rule.check.for_each)
                )
            found = _hits(rule.check, self._compiled[rule.code], context.data, each)
        else:
            return []
        return [RuleHit(rule, hit.pointer, hit.params, hit.related) for hit in found]

    def unit_hits(
        self, rule: RuleSpec, data: dict[str, Any], index: Optional[int], condition: Predicate
    ) -> list[RuleHit]:
        """A declarative rule's hits among the items of business unit ``index`` alone (every item
        when None), judged by ``condition`` instead of the rule's own ``when`` (the comparison's
        split conditions)."""
        assert isinstance(rule.check, SchemaCheck)
        found = _hits(rule.check, condition, data, documents(data, rule.check.for_each, index))
        return [RuleHit(rule, hit.pointer, hit.params, hit.related) for hit in found]


_Listed = dict[str, list[tuple[str, dict[str, Any]]]]
"""A plan's ``documents`` for each ``for_each`` pattern, listed once per run."""


def _hits(
    check: SchemaCheck,
    condition: Predicate,
    data: Any,
    each: Iterable[tuple[str, dict[str, Any]]],
) -> Iterator[Hit]:
    """Where a declarative rule fires among ``each`` (pointer, document)."""
    for pointer, document in each:
        if not condition(document):
            continue
        target = _target(pointer, check.report_at)
        found, value = pointers.resolve(data, target)
        params = {"bu": _name_of(document["bu"]), "item": _name_of(document["item"])}
        if found and not isinstance(value, (dict, list)):
            params["value"] = str(value)
        yield Hit(target, params)


def fired_pointers(check: SchemaCheck, condition: Predicate, data: Any) -> list[str]:
    """Where a declarative check fires on one normalised plan (an organisation rule's examples
    are run this way when the rule file is loaded)."""
    return [hit.pointer for hit in _hits(check, condition, data, documents(data, check.for_each))]


def documents(
    data: Any, for_each: str, unit: Optional[int] = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each item ``for_each`` matches (within business unit ``unit`` only, when given), with the
    document a rule's ``when`` is evaluated on."""
    matches: Iterable[tuple[str, Any]]
    if unit is None:
        matches = expand(data, for_each)
    else:
        segments = pointers.split(for_each)
        if segments[:2] != ["business_units", "*"]:
            return
        start = f"/business_units/{unit}"
        matches = _expand([(start, data["business_units"][unit])], segments[2:])
    for pointer, item in matches:
        business_unit = _enclosing_business_unit(data, pointer)
        yield pointer, {"plan": data, "bu": business_unit, "item": item}


def _target(pointer: str, report_at: str) -> str:
    if report_at.startswith("/"):
        return report_at
    if not report_at:
        return pointer
    return pointers.join(pointer, *pointers.split("/" + report_at))


def _compile(rule: RuleSpec, checked: bool) -> Predicate:
    """The rule's ``when`` as a predicate; ``checked`` (built-in) rules skip the meta-schema."""
    assert isinstance(rule.check, SchemaCheck)
    if not checked:
        _check_schema(rule)
    return compile_condition(rule.check.when)


def _check_schema(rule: RuleSpec) -> None:
    """A PlannerError naming the rule when its ``when`` is not a valid JSON Schema."""
    # Importing jsonschema costs tens of milliseconds, so only organisation rules pay for it;
    # tests/unit/rules/test_rule_conditions.py checks every built-in rule's schema instead.
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    assert isinstance(rule.check, SchemaCheck)
    try:
        Draft202012Validator.check_schema(rule.check.when)
    except SchemaError as error:
        from planner.rules.rule_problems import schema_problem

        where = ".".join(("when", *(str(part) for part in error.path)))
        problem = schema_problem(str(error.validator), error.validator_value, error.instance,
                                 tuple(error.path))  # fmt: skip
        raise PlannerError.keyed(
            "rule_file.when_invalid", code=rule.code, where=where, problem=problem
        ) from None


def expand(data: Any, pattern: str) -> Iterator[tuple[str, Any]]:
    """Every (pointer, value) matching a pointer pattern whose ``*`` segments match any index."""
    yield from _expand([("", data)], pointers.split(pattern))


def _expand(matches: list[tuple[str, Any]], segments: list[str]) -> list[tuple[str, Any]]:
    for segment in segments:
        following: list[tuple[str, Any]] = []
        for pointer, value in matches:
            if segment == "*" and isinstance(value, list):
                following.extend((pointers.join(pointer, i), v) for i, v in enumerate(value))
            elif segment == "*" and isinstance(value, dict):
                following.extend((pointers.join(pointer, k), v) for k, v in value.items())
            elif isinstance(value, dict) and segment in value:
                following.append((pointers.join(pointer, segment), value[segment]))
        matches = following
    return matches


def _enclosing_business_unit(data: Any, pointer: str) -> Any:
    if pointer.startswith("/business_units/"):  # the common case, without a full resolve
        segment = pointer[16:].split("/", 1)[0]
        units = data.get("business_units") if isinstance(data, dict) else None
        if segment.isdigit() and isinstance(units, list) and int(segment) < len(units):
            return units[int(segment)]
    parts = pointers.split(pointer)
    if len(parts) >= 2 and parts[0] == "business_units":
        return pointers.resolve(data, f"/business_units/{parts[1]}")[1]
    return None


def _name_of(value: Any) -> str:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"])
    return ""
