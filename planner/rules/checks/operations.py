"""Checks of how the connector is run across business units: users in several BUs (F48)."""

from __future__ import annotations

from collections.abc import Iterator

from planner.i18n import NOT_SET
from planner.rules.checks import BusinessUnitView, Hit, PlanContext, check, name_list


@check("multi_bu_users_classic_login", reads=("name", "settings/user_sync"))
def multi_bu_users_classic_login(context: PlanContext) -> Iterator[Hit]:
    """Users are to log in at pi.pardot.com while two or more BUs sync Salesforce users."""
    team = (context.data or {}).get("team") or {}
    if team.get("login_path") != "classic_app":
        return
    units = context.business_units()
    syncing = [unit for unit in units if unit.get("settings", "user_sync") is True]
    if len(syncing) >= 2:
        yield Hit("/team/login_path", {"units": name_list([unit.name for unit in syncing])})


def _admin_named(context: PlanContext) -> bool:
    team = (context.data or {}).get("team")
    admin = team.get("salesforce_admin") if isinstance(team, dict) else None
    return admin is not None and not (isinstance(admin, str) and not admin.strip())


def _chooses_user(unit: BusinessUnitView) -> bool:
    return unit.get("connector", "user") in ("integration_user", "custom_user")


def _choosing_count(context: PlanContext) -> int:
    return sum(1 for unit in context.business_units() if _chooses_user(unit))


def _without_admin_delta(plan: PlanContext, variant: PlanContext, index: int) -> list[Hit]:
    """New only when the changed unit is the one unit choosing a user: else the plan says it
    already (same pointer) or neither does."""
    if _admin_named(variant):
        return []
    others: int = plan.memo("units_choosing_user", _choosing_count)
    others -= _chooses_user(plan.unit(index))
    after = variant.unit(index)
    if others or not _chooses_user(after):
        return []
    return [Hit("/team/salesforce_admin", {"units": name_list([after.name])})]


@check(
    "connector_user_without_admin",
    reads=("name", "connector/user"),
    delta=_without_admin_delta,
)
def connector_user_without_admin(context: PlanContext) -> Iterator[Hit]:
    """Business units choose a connector user and the plan names no Salesforce admin (F17 F107),
    once per plan, naming the units."""
    if _admin_named(context):
        return
    choosing = [unit.name for unit in context.business_units() if _chooses_user(unit)]
    if choosing:
        yield Hit("/team/salesforce_admin", {"units": name_list(choosing)})


@check("sync_error_review_cadence", reads=(), per_unit=True)
def sync_error_review_cadence(context: PlanContext) -> Iterator[Hit]:
    """A named sync error owner whose review cadence is missing, none or monthly (F52 F55)."""
    team = (context.data or {}).get("team") or {}
    owner = str(team.get("sync_error_owner") or "").strip()
    review = team.get("sync_error_review")
    if owner and review in (None, "none", "monthly"):
        yield Hit("/team/sync_error_review", {"owner": owner, "review": review or NOT_SET})


@check("multi_bu_shared_person", reads=())
def multi_bu_shared_person(context: PlanContext) -> Iterator[Hit]:
    """Two or more BUs are to market to the same people, who sync with one BU only (F46 F112)."""
    requirements = (context.data or {}).get("requirements") or {}
    if requirements.get("audience_overlap") is True and context.unit_count() >= 2:
        yield Hit("/requirements/audience_overlap", {})


@check("ae_user_email_unique", reads=("name", "users", "settings/user_sync"))
def ae_user_email_unique(context: PlanContext) -> Iterator[Hit]:
    """An AE user's email listed in two BUs, one of which does not sync users (F113)."""
    first: dict[str, tuple[str, bool]] = {}
    for unit in context.business_units():
        synced = unit.get("settings", "user_sync") is True
        for index, email in enumerate(unit.get("users") or []):
            key = str(email).strip().casefold()
            if not key:
                continue
            if key not in first:
                first[key] = (unit.name, synced)
                continue
            other, other_synced = first[key]
            if other != unit.name and not (synced and other_synced):
                yield Hit(unit.at("users", index), {
                    "bu": unit.name, "email": str(email), "other": other,
                })  # fmt: skip
