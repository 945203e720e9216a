"""Checks across the business units of one org: shared connector users, licences, MDS fields."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from planner.rules.checks import Hit, PlanContext, check
from planner.rules.exclusivity import rule_fields


@check("custom_user_shared")
def custom_user_shared(context: PlanContext) -> Iterator[Hit]:
    """Two BUs plan the same custom connector user; each BU needs its own (F46 F23)."""
    first: dict[str, str] = {}
    for unit in context.business_units():
        if unit.get("connector", "user") != "custom_user":
            continue
        username = unit.get("connector", "custom_user", "username")
        if not isinstance(username, str) or not username.strip():
            continue
        key = username.strip().casefold()
        if key in first:
            yield Hit(unit.at("connector", "custom_user", "username"), {
                "bu": unit.name, "other": first[key], "user": username.strip(),
            })  # fmt: skip
        else:
            first[key] = unit.name


@check("licences_across_business_units")
def licences_across_business_units(context: PlanContext) -> Iterator[Hit]:
    """The BUs' custom connector users need more licences than the plan says are free (F23)."""
    salesforce = (context.data or {}).get("salesforce") or {}
    available = salesforce.get("crm_licenses_available")
    if not isinstance(available, int):
        return
    # Like compare: each BU needs its own connector user (AE210), so each one takes a licence.
    needed = sum(
        1 for unit in context.business_units() if unit.get("connector", "user") == "custom_user"
    )
    if needed > available:
        yield Hit("/salesforce/crm_licenses_available", {
            "needed": str(needed), "available": str(available),
        })  # fmt: skip


@check("mds_rules_different_fields")
def mds_rules_different_fields(context: PlanContext) -> Iterator[Hit]:
    """MDS BUs of one org test different fields, so no one can show the rules exclusive (F36)."""
    units = context.business_units()
    found = rule_fields(unit.data for unit in units)
    for obj, fields in found.items():
        if len(fields) < 2:
            continue
        first_field = next(iter(fields))
        first_unit = units[fields[first_field][0]]
        for field, owners in list(fields.items())[1:]:
            for owner in owners:
                unit = units[owner]
                if owner == first_unit.index:
                    continue  # one BU with two rules for an object is AE304's finding
                for index, rule in enumerate(unit.get("sync", "marketing_data_sharing") or []):
                    if (
                        str(rule.get("object", "")).strip().casefold() == obj
                        and str(rule.get("field", "")).strip().casefold() == field
                    ):
                        yield Hit(unit.at("sync", "marketing_data_sharing", index, "field"), {
                            "bu": unit.name, "object": obj, "field": str(rule.get("field")),
                            "other": first_unit.name,
                            "other_field": _field_of(first_unit.data, obj, first_field),
                        })  # fmt: skip
                        break


def _field_of(unit: Mapping[str, Any], obj: str, field: str) -> str:
    """The field name as the first BU wrote it."""
    rules = (unit.get("sync") or {}).get("marketing_data_sharing") or []
    for rule in rules:
        same_object = str(rule.get("object", "")).strip().casefold() == obj
        if same_object and str(rule.get("field", "")).strip().casefold() == field:
            return str(rule.get("field"))
    return field


@check("campaign_record_type_overlap")
def campaign_record_type_overlap(context: PlanContext) -> Iterator[Hit]:
    """Two BUs route the same campaign record type: a campaign syncs with one BU only (F47 F97)."""
    first: dict[str, str] = {}
    for unit in context.business_units():
        campaigns = unit.get("sync", "connected_campaigns") or {}
        if campaigns.get("enabled") is not True:
            continue
        for index, record_type in enumerate(campaigns.get("record_types") or []):
            key = str(record_type).strip().casefold()
            if key in first and first[key] != unit.name:
                yield Hit(unit.at("sync", "connected_campaigns", "record_types", index), {
                    "bu": unit.name, "other": first[key], "record_type": str(record_type),
                })  # fmt: skip
            else:
                first.setdefault(key, unit.name)
