"""AE801: a secret written in a plan (the detection itself lives in ``planner.plan.secrets``)."""

from __future__ import annotations

from collections.abc import Iterator

from planner.plan.secrets import dotted, secrets_in
from planner.rules.checks import Hit, PlanContext, check


@check("secret_in_plan", on_invalid_plans=True, per_unit=True)
def secret_in_plan(context: PlanContext) -> Iterator[Hit]:
    """A value under a key that names a secret, or any value holding a private-key block."""
    found = context.raw_secrets
    for pointer in secrets_in(context.raw) if found is None else found:
        yield Hit(pointer, {"path": dotted(pointer)})
