"""Checks of what is planned before the connector is unpaused."""

from __future__ import annotations

from collections.abc import Iterator

from planner.rules.checks import Hit, PlanContext, check, listed


@check(
    "unpause_before_review",
    reads=("name", "connector/version", "connector/state", "rollout/before_unpause", "sync/scope"),
    per_unit=True,
)
def unpause_before_review(context: PlanContext) -> Iterator[Hit]:
    """A paused v2 connector whose pre-unpause plan lacks the settings review or MDS (F11 F102)."""
    for unit in context.business_units():
        if unit.get("connector", "version") != 2 or unit.get("connector", "state") != "paused":
            continue
        missing = [step for step in ("review_settings",) if not unit.planned_or_in_place(step)]
        if unit.get("sync", "scope") == "marketing_data_sharing" and (
            not unit.planned_or_in_place("marketing_data_sharing")
        ):
            missing.append("marketing_data_sharing")
        if missing:
            yield Hit(unit.at("rollout", "before_unpause"), {
                "bu": unit.name, "missing": listed(missing),
            })  # fmt: skip


@check("sales_visibility_setup", reads=("name", "connector/state", "rollout"), per_unit=True)
def sales_visibility_setup(context: PlanContext) -> Iterator[Hit]:
    """A planned first unpause with no audit of what sales users see in Salesforce (F111)."""
    for unit in context.business_units():
        steps = unit.get("rollout", "before_unpause")
        if unit.running or not (isinstance(steps, list) and steps):
            continue
        if unit.planned_or_in_place("page_layouts") or unit.planned_or_in_place("sales_access"):
            continue
        yield Hit(unit.at("rollout", "before_unpause"), {"bu": unit.name})
