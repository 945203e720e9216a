"""Checks of connector users and editions across the business units of one Salesforce org."""

from __future__ import annotations

from collections.abc import Iterator

from planner.rules.checks import Hit, PlanContext, check

MULTI_BU_EDITIONS = ("advanced", "premium")


@check("multi_bu_all_records", reads=("name", "connector/user", "sync/scope"), per_unit=True)
def multi_bu_all_records(context: PlanContext) -> Iterator[Hit]:
    """Several BUs on one org, and one with a custom connector user syncs all records (F46 F13)."""
    count = context.unit_count()
    if count < 2:
        return
    for unit in context.business_units():
        if (
            unit.get("connector", "user") == "custom_user"
            and unit.get("sync", "scope") == "all_records"
        ):
            yield Hit(unit.at("sync", "scope"), {"bu": unit.name, "count": str(count)})


@check("multi_bu_edition", reads=("name", "edition"), per_unit=True)
def multi_bu_edition(context: PlanContext) -> Iterator[Hit]:
    """Several BUs on one org, and one of them is on an edition without business units (F45)."""
    count = context.unit_count()
    if count < 2:
        return
    for unit in context.business_units():
        edition = unit.get("edition")
        if edition is not None and edition not in MULTI_BU_EDITIONS:
            yield Hit(
                unit.at("edition"),
                {"bu": unit.name, "edition": str(edition), "count": str(count)},
            )
