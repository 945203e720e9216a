"""Rule conditions: JSON Schemas compiled into plain Python predicates with jsonschema's meaning.

A declarative rule's ``when`` is a JSON Schema (draft 2020-12). Evaluating it with jsonschema costs
an import, a meta-schema check and a validator per subschema on every call; the rules only use a
small subset of keywords, which compiles here into nested closures. Any schema that uses a keyword
outside that subset is handed to jsonschema whole, so organisation rules keep full JSON Schema.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Callable, Optional

Predicate = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples"})
_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties")


class _Unsupported(Exception):
    """The schema needs jsonschema itself."""


def compile_condition(schema: Any) -> Predicate:
    """A predicate true exactly when jsonschema's draft 2020-12 validator accepts the value."""
    try:
        return _schema(schema)
    except _Unsupported:
        return _delegate(schema)


def _delegate(schema: Any) -> Predicate:
    """jsonschema's own ``is_valid``, imported only for schemas the compiler does not cover."""
    valid: Predicate = _linear_validator()(schema).is_valid
    return valid


def _linear_validator() -> Any:
    """Draft 2020-12 with ``pattern`` and ``patternProperties`` run by RE2 (no backtracking)."""
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import ValidationError

    from planner.patterns import compile_search

    def pattern(validator: Any, value: str, instance: Any, schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not compile_search(value)(instance):
            yield ValidationError(f"{instance!r} does not match {value!r}")

    def pattern_properties(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if not validator.is_type(instance, "object"):
            return
        for expression, subschema in value.items():
            search = compile_search(expression)
            for key, item in instance.items():
                if search(key):
                    yield from validator.descend(item, subschema, path=key, schema_path=expression)

    return validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"pattern": pattern, "patternProperties": pattern_properties}
    )


def _always(instance: Any) -> bool:
    """The ``true`` schema."""
    return True


def _never(instance: Any) -> bool:
    """The ``false`` schema."""
    return False


def _schema(schema: Any) -> Predicate:
    """Compile a schema or subschema; :class:`_Unsupported` for anything outside the subset."""
    # Identity, not equality, as jsonschema does: 1 and 0 are not boolean schemas.
    if schema is True:
        return _always
    if schema is False:
        return _never
    if not isinstance(schema, dict):
        raise _Unsupported
    checks: list[Predicate] = []
    if any(keyword in schema for keyword in _OBJECT_KEYWORDS):
        checks.append(_object(schema))
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword in _OBJECT_KEYWORDS:
            continue
        builder = _KEYWORDS.get(keyword)
        if builder is None:
            raise _Unsupported
        checks.append(builder(value))
    return _all(checks)


def _all(checks: list[Predicate]) -> Predicate:
    """True when every check is (the empty schema when there are none)."""
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks

        def both(instance: Any) -> bool:
            return first(instance) and second(instance)

        return both
    frozen = tuple(checks)

    def every(instance: Any) -> bool:
        return all(check(instance) for check in frozen)

    return every


def _subschemas(value: Any) -> tuple[Predicate, ...]:
    """The compiled members of ``anyOf``/``allOf``/``oneOf``, which must be a list."""
    if not isinstance(value, list):
        raise _Unsupported
    return tuple(_schema(each) for each in value)


def _number(value: Any) -> Any:
    """A keyword's numeric limit; other values (bools included) are left to jsonschema."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Unsupported
    return value


def _object(schema: dict[str, Any]) -> Predicate:
    """``properties``, ``required`` and ``additionalProperties`` together, for objects only."""
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    additional = schema.get("additionalProperties", True)
    if not isinstance(properties, dict) or not isinstance(required, list):
        raise _Unsupported
    if not all(isinstance(name, str) for name in required):
        raise _Unsupported
    if not isinstance(additional, (bool, dict)):
        raise _Unsupported
    named = tuple(
        (name, check)
        for name, check in ((name, _schema(sub)) for name, sub in properties.items())
        if check is not _always
    )
    needed = tuple(required)
    extras = _additional(additional, properties)

    def check(instance: Any) -> bool:
        if not isinstance(instance, dict):
            return True
        for name in needed:
            if name not in instance:
                return False
        for name, predicate in named:
            if name in instance and not predicate(instance[name]):
                return False
        return extras is None or extras(instance)

    return check


def _additional(additional: Any, properties: dict[str, Any]) -> Optional[Predicate]:
    """The ``additionalProperties`` check on a dict, or None when it allows anything."""
    if additional is True:
        return None
    if additional is False:

        def closed(instance: dict[Any, Any]) -> bool:
            return all(name in properties for name in instance)

        return closed
    predicate = _schema(additional)
    if predicate is _always:
        return None

    def extra_values(instance: dict[Any, Any]) -> bool:
        return all(predicate(value) for name, value in instance.items() if name not in properties)

    return extra_values


def _is_integer(instance: Any) -> bool:
    """Draft 6 and later: ints and integral floats, never bools."""
    if isinstance(instance, bool):
        return False
    return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())


def _is_number(instance: Any) -> bool:
    """Any number but a bool."""
    return not isinstance(instance, bool) and isinstance(instance, numbers.Number)


_TYPES: dict[str, Predicate] = {
    "null": lambda instance: instance is None,
    "boolean": lambda instance: isinstance(instance, bool),
    "integer": _is_integer,
    "number": _is_number,
    "string": lambda instance: isinstance(instance, str),
    "array": lambda instance: isinstance(instance, list),
    "object": lambda instance: isinstance(instance, dict),
}


def _type(value: Any) -> Predicate:
    """``type``: one type name or a list of them."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(
        isinstance(name, str) and name in _TYPES for name in names
    ):
        raise _Unsupported
    if len(names) == 1:
        return _TYPES[names[0]]
    checks = tuple(_TYPES[name] for name in names)
    return lambda instance: any(check(instance) for check in checks)


def equal(one: Any, two: Any) -> bool:
    """JSON equality as jsonschema decides it: ``true != 1``, ``1 == 1.0``, deep in lists/dicts."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(equal(i, j) for i, j in zip(one, two))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(
            key in two and equal(value, two[key]) for key, value in one.items()
        )
    return bool(_unbool(one) == _unbool(two))


_TRUE = object()
_FALSE = object()


def _unbool(element: Any) -> Any:
    """Bools as tokens of their own, so they never equal 1 or 0."""
    if element is True:
        return _TRUE
    if element is False:
        return _FALSE
    return element


def _const(value: Any) -> Predicate:
    """``const``; the common scalar cases skip the general comparison."""
    if value is True or value is False or value is None:
        return lambda instance: instance is value
    if isinstance(value, str):
        return lambda instance: bool(instance == value)
    return lambda instance: equal(instance, value)


def _enum(value: Any) -> Predicate:
    """``enum``; a list of strings becomes a set lookup."""
    if not isinstance(value, list):
        raise _Unsupported
    if all(isinstance(each, str) for each in value):
        strings = frozenset(value)
        return lambda instance: isinstance(instance, str) and instance in strings
    choices = tuple(value)
    return lambda instance: any(equal(each, instance) for each in choices)


def _not(value: Any) -> Predicate:
    """``not``."""
    predicate = _schema(value)
    return lambda instance: not predicate(instance)


def _any_of(value: Any) -> Predicate:
    """``anyOf``: at least one (so never for an empty list)."""
    checks = _subschemas(value)
    return lambda instance: any(check(instance) for check in checks)


def _all_of(value: Any) -> Predicate:
    """``allOf``: every one."""
    return _all(list(_subschemas(value)))


def _one_of(value: Any) -> Predicate:
    """``oneOf``: exactly one."""
    checks = _subschemas(value)

    def exactly_one(instance: Any) -> bool:
        found = 0
        for check in checks:
            if check(instance):
                found += 1
                if found > 1:
                    return False
        return found == 1

    return exactly_one


def _pattern(value: Any) -> Predicate:
    """``pattern``: an unanchored search (RE2, linear time); strings only."""
    if not isinstance(value, str):
        raise _Unsupported
    from planner.patterns import PatternError, compile_search

    try:
        search = compile_search(value)
    except PatternError:
        raise _Unsupported from None
    return lambda instance: not isinstance(instance, str) or search(instance)


def _min_length(value: Any) -> Predicate:
    """``minLength`` in code points; strings only."""
    limit = _number(value)
    return lambda instance: not isinstance(instance, str) or not len(instance) < limit


def _max_length(value: Any) -> Predicate:
    """``maxLength`` in code points; strings only."""
    limit = _number(value)
    return lambda instance: not isinstance(instance, str) or not len(instance) > limit


# The comparisons are written as jsonschema writes them, so NaN behaves the same way.
def _minimum(value: Any) -> Predicate:
    """``minimum``; numbers only."""
    limit = _number(value)
    return lambda instance: not _is_number(instance) or not instance < limit


def _maximum(value: Any) -> Predicate:
    """``maximum``; numbers only."""
    limit = _number(value)
    return lambda instance: not _is_number(instance) or not instance > limit


def _exclusive_minimum(value: Any) -> Predicate:
    """``exclusiveMinimum``; numbers only."""
    limit = _number(value)
    return lambda instance: not _is_number(instance) or not instance <= limit


def _exclusive_maximum(value: Any) -> Predicate:
    """``exclusiveMaximum``; numbers only."""
    limit = _number(value)
    return lambda instance: not _is_number(instance) or not instance >= limit


def _min_items(value: Any) -> Predicate:
    """``minItems``; arrays only."""
    limit = _number(value)
    return lambda instance: not isinstance(instance, list) or not len(instance) < limit


def _max_items(value: Any) -> Predicate:
    """``maxItems``; arrays only."""
    limit = _number(value)
    return lambda instance: not isinstance(instance, list) or not len(instance) > limit


def _contains(value: Any) -> Predicate:
    """``contains`` (without ``minContains``/``maxContains``): some item matches; arrays only."""
    predicate = _schema(value)
    return lambda instance: (
        not isinstance(instance, list) or any(predicate(each) for each in instance)
    )


def _items(value: Any) -> Predicate:
    """``items`` (without ``prefixItems``): every item matches; arrays only."""
    if not isinstance(value, (bool, dict)):
        raise _Unsupported
    predicate = _schema(value)
    return lambda instance: (
        not isinstance(instance, list) or all(predicate(each) for each in instance)
    )


_KEYWORDS: dict[str, Callable[[Any], Predicate]] = {
    "type": _type,
    "const": _const,
    "enum": _enum,
    "not": _not,
    "anyOf": _any_of,
    "allOf": _all_of,
    "oneOf": _one_of,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minimum": _minimum,
    "maximum": _maximum,
    "exclusiveMinimum": _exclusive_minimum,
    "exclusiveMaximum": _exclusive_maximum,
    "minItems": _min_items,
    "maxItems": _max_items,
    "contains": _contains,
    "items": _items,
}
