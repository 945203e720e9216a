"""AE801: a secret written in a plan (the detection itself lives in ``planner.plan.secrets``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Optional

from planner import pointers
from planner.plan.secrets import dotted, secrets_in
from planner.rules.checks import Hit, PlanContext, check

Parts = dict[tuple[int, str], list[str]]
"""The plan's secrets below each business unit's keys: ``(unit index, key) -> pointers``."""


def _unit(raw: Any, index: int) -> Optional[dict[str, Any]]:
    units = raw.get("business_units") if isinstance(raw, dict) else None
    unit = units[index] if isinstance(units, list) and index < len(units) else None
    return unit if isinstance(unit, dict) else None


def _found(context: PlanContext) -> tuple[str, ...]:
    """The raw data's secrets, looked for once per context (the plan's own run and its deltas)."""
    given = context.raw_secrets
    if given is not None:
        return given
    found: tuple[str, ...] = context.memo("secret_in_plan", _scanned)
    return found


def _scanned(context: PlanContext) -> tuple[str, ...]:
    return tuple(secrets_in(context.raw))


def _parts(context: PlanContext) -> Parts:
    parts: Parts = {}
    for pointer in _found(context):
        segments = pointers.split(pointer)
        if len(segments) > 2 and segments[0] == "business_units" and segments[1].isdigit():
            parts.setdefault((int(segments[1]), segments[2]), []).append(pointer)
    return parts


def _secret_delta(plan: PlanContext, variant: PlanContext, index: int) -> Optional[list[Hit]]:
    """The secrets in the changed unit: each of its keys that holds the plan's very value keeps
    the plan's secrets there, the others are looked through again."""
    before, after = _unit(plan.raw, index), _unit(variant.raw, index)
    if before is None or after is None or variant.raw_secrets is not None:
        return None
    at = f"/business_units/{index}"
    known: Parts = plan.memo("secret_in_plan/parts", _parts)
    hits: list[Hit] = []
    for key, value in after.items():
        if key in before and before[key] is value:
            found: Any = known.get((index, str(key)), ())
        else:
            found = secrets_in({key: value}, at)
        hits.extend(Hit(pointer, {"path": dotted(pointer)}) for pointer in found)
    return hits


# Not per unit: the message's dotted path names the unit's index, which a one-unit plan moves.
@check("secret_in_plan", on_invalid_plans=True, delta=_secret_delta)
def secret_in_plan(context: PlanContext) -> Iterator[Hit]:
    """A value under a key that names a secret, or any value holding a private-key block."""
    for pointer in _found(context):
        yield Hit(pointer, {"path": dotted(pointer)})
