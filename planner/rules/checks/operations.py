"""Checks of how the connector is run across business units: users in several BUs (F48)."""

from __future__ import annotations

from collections.abc import Iterator

from planner.i18n import NOT_SET
from planner.rules.checks import Hit, PlanContext, check, name_list


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


@check("sync_error_review_cadence", reads=(), per_unit=True)
def sync_error_review_cadence(context: PlanContext) -> Iterator[Hit]:
    """A named sync error owner whose review cadence is missing, none or monthly (F52 F55)."""
    team = (context.data or {}).get("team") or {}
    owner = str(team.get("sync_error_owner") or "").strip()
    review = team.get("sync_error_review")
    if owner and review in (None, "none", "monthly"):
        yield Hit("/team/sync_error_review", {"owner": owner, "review": review or NOT_SET})
