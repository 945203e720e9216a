"""Checks of how Account Engagement users map to Salesforce users (F70 F98 F104)."""

from __future__ import annotations

from collections.abc import Iterator

from planner.rules.checks import BusinessUnitView, Hit, PlanContext, check, listed


def _settings_pointer(unit: BusinessUnitView, key: str) -> str:
    stated = unit.get("settings", key) is not None
    return unit.at("settings", key) if stated else unit.at("rollout", "before_unpause")


@check("users_unmapped", per_unit=True)
def users_unmapped(context: PlanContext) -> Iterator[Hit]:
    """No User Sync and no user mapping planned or in place, before unpausing or while running."""
    for unit in context.business_units():
        paused = unit.get("connector", "state") == "paused"
        if paused and unit.get("connector", "version") == 1:
            continue  # v1 has no pause; a v1 connector is described as running
        if unit.get("settings", "user_sync") is True or unit.planned_or_in_place("map_users"):
            continue
        yield Hit(_settings_pointer(unit, "user_sync"), {"bu": unit.name})


@check("user_sync_setup", per_unit=True)
def user_sync_setup(context: PlanContext) -> Iterator[Hit]:
    """User Sync to be set up without saying who is assigned or which profile gets which role."""
    for unit in context.business_units():
        if unit.get("settings", "user_sync") is not True or unit.running:
            continue
        if "user_sync" in (unit.get("rollout", "in_place") or []):
            continue
        setup = unit.get("settings", "user_sync_setup") or {}
        missing = [key for key in ("assign_by", "profile_roles") if not setup.get(key)]
        if missing:
            yield Hit(unit.at("settings", "user_sync"), {
                "bu": unit.name, "missing": listed(missing),
            })  # fmt: skip


@check("user_sync_existing_users", per_unit=True)
def user_sync_existing_users(context: PlanContext) -> Iterator[Hit]:
    """User Sync in a BU that already has AE users, who are not mapped before or already (F98)."""
    for unit in context.business_units():
        if unit.get("settings", "user_sync") is not True:
            continue
        if unit.get("settings", "existing_users") is not True:
            continue
        if unit.planned_or_in_place("map_users"):
            continue
        yield Hit(unit.at("settings", "existing_users"), {"bu": unit.name})
