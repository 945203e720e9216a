"""Checks of planned prospect imports: which records they are meant to create or link (F64–F66)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from planner.rules.checks import BusinessUnitView, Hit, PlanContext, check


def imports_of(unit: BusinessUnitView) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """The BU's imports with their indexes."""
    for index, item in enumerate(unit.get("imports") or []):
        if isinstance(item, Mapping):
            yield index, item


def creates_records(item: Mapping[str, Any]) -> bool:
    """The import is meant to create new Salesforce records.

    ``creates_salesforce_records`` says so directly; without it, an email-matched import that
    expects Salesforce records and is not declared an import of existing records counts.
    """
    if item.get("creates_salesforce_records") is not None:
        return item.get("creates_salesforce_records") is True
    return (
        item.get("expect_salesforce_records") is True
        and item.get("match_by") == "email"
        and item.get("updates_salesforce_records") is not True
    )


@check("unassigned_import_creates_nothing", reads=("name", "imports"), per_unit=True)
def unassigned_import_creates_nothing(context: PlanContext) -> Iterator[Hit]:
    """An import meant to create Salesforce records leaves its prospects unassigned (F65 F66)."""
    if ((context.data or {}).get("salesforce") or {}).get("active_assignment_rules") is True:
        return
    for unit in context.business_units():
        for index, item in imports_of(unit):
            if item.get("assign") is not True and creates_records(item):
                yield Hit(unit.at("imports", index, "assign"), {
                    "bu": unit.name, "item": str(item.get("name", "")),
                })  # fmt: skip


@check(
    "ampsea_import_of_existing_records",
    reads=("name", "allow_multiple_prospects_same_email", "imports"),
    per_unit=True,
)
def ampsea_import_of_existing_records(context: PlanContext) -> Iterator[Hit]:
    """An AMPSEA BU imports records that exist in Salesforce by email, not by CRM ID (F64)."""
    for unit in context.business_units():
        if not unit.ampsea:
            continue
        for index, item in imports_of(unit):
            if item.get("match_by") == "email" and item.get("updates_salesforce_records") is True:
                yield Hit(unit.at("imports", index, "match_by"), {
                    "bu": unit.name, "item": str(item.get("name", "")),
                })  # fmt: skip


@check("validation_and_duplicate_rules", per_unit=True)
def validation_and_duplicate_rules(context: PlanContext) -> Iterator[Hit]:
    """AE will create Salesforce records, and nobody reviews required fields and rules (F54)."""
    for unit in context.business_units():
        if unit.planned_or_in_place("validation_and_duplicate_rules"):
            continue
        creates = any(
            item.get("assign") is True and creates_records(item) for _, item in imports_of(unit)
        )
        if creates or unit.get("sync", "person_accounts") == "instead_of_leads":
            yield Hit(unit.at("rollout", "before_unpause"), {"bu": unit.name})


@check("import_undelete_option", reads=("name", "imports"), per_unit=True)
def import_undelete_option(context: PlanContext) -> Iterator[Hit]:
    """An import does not say whether it undeletes matching recycle-bin prospects (F110)."""
    for unit in context.business_units():
        for index, item in imports_of(unit):
            if item.get("undelete_matching") is None:
                yield Hit(unit.at("imports", index), {
                    "bu": unit.name, "item": str(item.get("name", "")),
                })  # fmt: skip
