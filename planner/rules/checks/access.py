"""Checks of what the connector user can see and edit: objects, permissions, FLS (F06 F107)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

from planner.rules.checks import (
    BusinessUnitView,
    Hit,
    PlanContext,
    check,
    listed,
    shared_part,
    unit_part,
)
from planner.rules.checks.mds import rules_of

# Trailhead JA install unit: the system permissions a custom connector user needs (F107).
SYSTEM_PERMISSIONS = (
    "API Enabled",
    "Manage Profiles and Permission Sets",
    "View All Users",
    "View Setup and Configuration",
)
_OBJECT_NAMES = {"lead": "Lead", "contact": "Contact", "opportunity": "Opportunity"}


def licensed_connector_user(unit: BusinessUnitView) -> bool:
    """The BU logs in as a licensed Salesforce user: a custom user, or any v1 connector user."""
    return bool(
        unit.get("connector", "user") == "custom_user" or unit.get("connector", "version") == 1
    )


def _user_pointer(unit: BusinessUnitView) -> str:
    if unit.get("connector", "custom_user") is not None:
        return unit.at("connector", "custom_user")
    return unit.at("connector", "user" if unit.get("connector", "user") else "version")


@check("connector_user_object_permissions", per_unit=True)
def connector_user_object_permissions(context: PlanContext) -> Iterator[Hit]:
    """A licensed connector user whose object permissions and FLS no step grants (F06)."""
    for unit in context.business_units():
        if not licensed_connector_user(unit):
            continue
        steps = ("connector_user_permissions", "field_level_security")
        missing = [step for step in steps if not unit.planned_or_in_place(step)]
        if missing:
            yield Hit(_user_pointer(unit), {"bu": unit.name, "missing": listed(missing)})


@check("custom_user_system_permissions", per_unit=True)
def custom_user_system_permissions(context: PlanContext) -> Iterator[Hit]:
    """A custom connector user whose listed system permissions lack one of the four (F107)."""
    for unit in context.business_units():
        granted = unit.get("connector", "custom_user", "system_permissions")
        if unit.get("connector", "user") != "custom_user" or not granted:
            continue
        have = {str(name).strip().casefold() for name in granted}
        missing = [name for name in SYSTEM_PERMISSIONS if name.casefold() not in have]
        if missing:
            yield Hit(unit.at("connector", "custom_user", "system_permissions"), {
                "bu": unit.name, "missing": listed(missing),
            })  # fmt: skip


def mds_rule_fields(unit: BusinessUnitView) -> list[str]:
    """``Lead.Field__c`` names of the BU's MDS rule fields, in rule order, without repeats."""
    names: list[str] = []
    for _, rule in rules_of(unit):
        obj = str(rule.get("object", "")).strip()
        name = f"{_OBJECT_NAMES.get(obj.casefold(), obj)}.{str(rule.get('field', '')).strip()}"
        if name not in names:
            names.append(name)
    return names


@check("mds_field_connector_access", per_unit=True)
def mds_field_connector_access(context: PlanContext) -> Iterator[Hit]:
    """An MDS BU plans no field-level security for its rule fields (F32)."""
    for unit in context.business_units():
        if unit.get("sync", "scope") != "marketing_data_sharing":
            continue
        fields = mds_rule_fields(unit)
        if not fields or unit.planned_or_in_place("field_level_security"):
            continue
        in_place = unit.get("rollout", "in_place") or []
        if unit.running and "marketing_data_sharing" in in_place:
            continue  # rules that have selected records for years are readable and editable
        yield Hit(unit.at("rollout", "before_unpause"), {
            "bu": unit.name, "fields": listed(fields),
        })  # fmt: skip


def mapped_fields(unit: BusinessUnitView) -> list[str]:
    """``Lead.Field__c`` names of the BU's mapped custom fields (``__c``), without repeats."""
    names: dict[str, None] = {}  # ordered, and a repeat costs no scan of the names so far
    for mapping in unit.get("field_mappings") or []:
        for key, label in (("lead_field", "Lead"), ("contact_field", "Contact")):
            field = mapping.get(key) if isinstance(mapping, dict) else None
            if isinstance(field, str) and field.strip().casefold().endswith("__c"):
                names.setdefault(f"{label}.{field.strip()}")
    return list(names)


def _mapped_access(unit: BusinessUnitView, fields: list[str]) -> list[Hit]:
    if fields and not unit.planned_or_in_place("field_level_security"):
        return [Hit(unit.at("field_mappings"), {"bu": unit.name, "fields": listed(fields)})]
    return []


def _mapped_access_delta(
    plan: PlanContext, variant: PlanContext, index: int
) -> Optional[list[Hit]]:
    """The changed unit's hit, from its mapped fields worked out once while it keeps them."""
    fields = shared_part(plan, variant, index, "mapped_fields", ("field_mappings",), mapped_fields)
    return None if fields is None else _mapped_access(variant.unit(index), fields)


@check("mapped_field_connector_access", per_unit=True, delta=_mapped_access_delta)
def mapped_field_connector_access(context: PlanContext) -> Iterator[Hit]:
    """A BU maps custom fields but plans no field-level security for the connector user (F06)."""
    for unit in context.business_units():
        yield from _mapped_access(unit, unit_part(context, "mapped_fields", unit, mapped_fields))
