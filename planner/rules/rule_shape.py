"""Whether an organisation rule's ``for_each`` pointer can ever match a plan, by the plan's shape.

The rule engine evaluates ``for_each`` against the normalised plan (the model as it dumps), so the
pointer is walked through the model's JSON Schema: a key no object of the plan format has
(``/business_unit/*``) or a key where a list is (``/business_units/name``) can never match, and
is refused at load time with the closest key, instead of silently matching nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from planner import pointers

_UNKNOWN = "unknown"
"""A schema node that says nothing of its shape: any pointer below it may match."""


@dataclass(frozen=True)
class Mismatch:
    """The first segment of a pointer that the plan's shape cannot hold."""

    index: int
    """Which segment (0-based) of the pointer."""
    segment: str
    suggestion: Optional[str]
    """The whole pointer with that segment replaced by the closest one, when there is one."""


@lru_cache(maxsize=1)
def _plan_schema() -> Mapping[str, Any]:
    from planner.plan.model import Plan

    return Plan.model_json_schema(by_alias=False, mode="serialization")


def mismatch(pointer: str) -> Optional[Mismatch]:
    """The first segment of ``pointer`` (RFC 6901, ``*`` for any key or index) that no plan can
    hold; None when some plan may hold it."""
    root = _plan_schema()
    definitions = root.get("$defs", {})
    segments = pointers.split(pointer)
    nodes: list[Mapping[str, Any]] = [root]
    for index, segment in enumerate(segments):
        following: list[Mapping[str, Any]] = []
        keys: list[str] = []
        arrays = False
        for node in nodes:
            for alternative in _alternatives(node, definitions):
                if alternative.get(_UNKNOWN):
                    return None
                children, names, is_array = _children(alternative, segment)
                following.extend(children)
                keys.extend(names)
                arrays = arrays or is_array
        if following:
            nodes = following
            continue
        if not keys and not arrays:
            return Mismatch(index, segment, None)  # a value, not a mapping or a list
        return Mismatch(index, segment, _suggestion(segments, index, keys, arrays))
    return None


def _alternatives(
    node: Mapping[str, Any], definitions: Mapping[str, Any]
) -> Iterator[Mapping[str, Any]]:
    """The concrete schemas ``node`` may be: ``$ref`` followed, ``anyOf``/``oneOf`` flattened."""
    pending = [node]
    seen = 0
    while pending and seen < 1000:
        seen += 1
        current = pending.pop()
        reference = current.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            target = definitions.get(reference.removeprefix("#/$defs/"))
            if isinstance(target, Mapping):
                pending.append(target)
            continue
        choices = [*current.get("anyOf", ()), *current.get("oneOf", ()), *current.get("allOf", ())]
        if choices:
            pending.extend(choice for choice in choices if isinstance(choice, Mapping))
            continue
        if not any(key in current for key in ("type", "properties", "items", "const", "enum")):
            yield {_UNKNOWN: True}
            continue
        yield current


def _children(
    schema: Mapping[str, Any], segment: str
) -> tuple[list[Mapping[str, Any]], list[str], bool]:
    """Where ``segment`` leads from ``schema``, the keys it has, and whether it is a list."""
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    properties = schema.get("properties")
    extra = schema.get("additionalProperties", "object" in kinds)
    if "array" in kinds:
        if segment != "*" and not pointers.is_index(segment):
            return [], [], True
        items = [*schema.get("prefixItems", ())]
        if isinstance(schema.get("items"), Mapping):
            items.append(schema["items"])
        return items or [{_UNKNOWN: True}], [], True
    if isinstance(properties, Mapping) or "object" in kinds:
        named = dict(properties) if isinstance(properties, Mapping) else {}
        found: list[Mapping[str, Any]] = []
        if segment == "*":
            found.extend(named.values())
        elif segment in named:
            found.append(named[segment])
        if extra is not False and (segment == "*" or segment not in named):
            found.append(extra if isinstance(extra, Mapping) else {_UNKNOWN: True})
        return found, sorted(named), False
    return [], [], False


def _suggestion(segments: list[str], index: int, keys: list[str], arrays: bool) -> Optional[str]:
    segment = segments[index]
    close = difflib.get_close_matches(segment, sorted(set(keys)), n=1, cutoff=0.6)
    if close:
        replacement = close[0]
    elif arrays and not keys:
        replacement = "*"
    else:
        return None
    fixed = [*segments[:index], replacement, *segments[index + 1 :]]
    return pointers.from_segments(fixed)
