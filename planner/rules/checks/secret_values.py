"""AE801: a secret written in a plan (the detection itself lives in ``planner.plan.secrets``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Optional

from planner.plan.secrets import dotted, secrets_in
from planner.rules.checks import Hit, PlanContext, check

_UNIT = "/business_units/{}"


def _unit(raw: Any, index: int) -> Optional[dict[str, Any]]:
    units = raw.get("business_units") if isinstance(raw, dict) else None
    unit = units[index] if isinstance(units, list) and index < len(units) else None
    return unit if isinstance(unit, dict) else None


def _parts(_: PlanContext) -> dict[tuple[int, str], tuple[str, ...]]:
    return {}


def _secret_delta(plan: PlanContext, variant: PlanContext, index: int) -> Optional[list[Hit]]:
    """The secrets in the changed unit: each of its keys that holds the plan's very value keeps
    the plan's secrets there (looked for once), the others are looked through again."""
    before, after = _unit(plan.raw, index), _unit(variant.raw, index)
    if before is None or after is None or variant.raw_secrets is not None:
        return None
    at = _UNIT.format(index)
    known: dict[tuple[int, str], tuple[str, ...]] = plan.memo("secret_in_plan", _parts)
    hits: list[Hit] = []
    for key, value in after.items():
        part = {key: value}
        if key in before and before[key] is value:
            found = known.get((index, key))
            if found is None:
                found = known[(index, key)] = tuple(secrets_in(part, at))
        else:
            found = tuple(secrets_in(part, at))
        hits.extend(Hit(pointer, {"path": dotted(pointer)}) for pointer in found)
    return hits


# Not per unit: the message's dotted path names the unit's index, which a one-unit plan moves.
@check("secret_in_plan", on_invalid_plans=True, delta=_secret_delta)
def secret_in_plan(context: PlanContext) -> Iterator[Hit]:
    """A value under a key that names a secret, or any value holding a private-key block."""
    found = context.raw_secrets
    for pointer in secrets_in(context.raw) if found is None else found:
        yield Hit(pointer, {"path": dotted(pointer)})
