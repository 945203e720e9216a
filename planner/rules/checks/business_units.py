"""Checks across business units: how many there are, their names, their connectors."""

from __future__ import annotations

from collections.abc import Iterator

from planner.rules.checks import Hit, PlanContext, check


@check("one_connector_per_business_unit", reads=("name", "connector"), per_unit=True)
def one_connector_per_business_unit(context: PlanContext) -> Iterator[Hit]:
    """A BU whose ``connector`` is a list of more than one entry (F50)."""
    units = context.raw.get("business_units") if isinstance(context.raw, dict) else None
    for index, unit in enumerate(units if isinstance(units, list) else []):
        connectors = unit.get("connector") if isinstance(unit, dict) else None
        if isinstance(connectors, list) and len(connectors) > 1:
            name = str(unit.get("name", ""))
            yield Hit(
                f"/business_units/{index}/connector/1", {"bu": name, "count": str(len(connectors))}
            )


@check("duplicate_business_unit", reads=("name",))
def duplicate_business_unit(context: PlanContext) -> Iterator[Hit]:
    """A BU whose name an earlier BU already has."""
    first_index: dict[str, int] = {}
    for unit in context.business_units():
        key = unit.name.strip().casefold()
        if key in first_index:
            yield Hit(unit.at("name"), {"bu": unit.name, "first": str(first_index[key] + 1)})
        else:
            first_index[key] = unit.index


@check(
    "multi_bu_integration_user_without_mds",
    reads=("name", "connector/user", "sync/scope"),
    per_unit=True,
)
def multi_bu_integration_user_without_mds(context: PlanContext) -> Iterator[Hit]:
    """Several BUs on one org, and one of them uses the integration user for all records (F44)."""
    count = context.unit_count()
    if count < 2:
        return
    for unit in context.business_units():
        if (
            unit.get("connector", "user") == "integration_user"
            and unit.get("sync", "scope") == "all_records"
        ):
            yield Hit(unit.at("sync", "scope"), {"bu": unit.name, "count": str(count)})
