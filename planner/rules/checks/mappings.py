"""Checks of what a field mapping can carry: types, picklist values, read-only fields (F81 F85)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Optional

from planner.rules.checks import (
    BusinessUnitView,
    Hit,
    PlanContext,
    check,
    listed,
    shared_part,
    unit_part,
)
from planner.rules.checks.fields import field_key

AE_WRITES = ("account_engagement", "most_recent")
_MAPPINGS = ("name", "field_mappings")
_PICKLISTS = ("picklist", "multi_picklist")
_STATE_COUNTRY = frozenset({"state", "country", "state code", "country code", "state province"})
_TEXTUAL = frozenset({"text", "textarea", "hidden", "dropdown", "radio_button"})
# Salesforce field type -> prospect field types that hold its values (Help "Map Custom Fields").
COMPATIBLE: Mapping[str, frozenset[str]] = {
    **{name: _TEXTUAL for name in (
        "text", "textarea", "long_textarea", "rich_textarea", "email", "phone", "url")},
    **{name: frozenset({"number", "text", "hidden"}) for name in ("number", "currency", "percent")},
    "checkbox": frozenset({"checkbox", "radio_button", "dropdown", "text", "hidden"}),
    "picklist": frozenset({"dropdown", "radio_button", "text", "hidden"}),
    "multi_picklist": frozenset({"multi_select", "checkbox", "text", "hidden"}),
    "date": frozenset({"date", "text", "hidden"}),
    "datetime": frozenset({"date", "text", "hidden"}),
}  # fmt: skip


def mappings_of(unit: BusinessUnitView) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """The BU's field mappings with their indexes."""
    for index, mapping in enumerate(unit.get("field_mappings") or []):
        if type(mapping) is dict or isinstance(mapping, Mapping):  # exact type: no ABC check
            yield index, mapping


def _hit(unit: BusinessUnitView, index: int, key: str, mapping: Mapping[str, Any]) -> Hit:
    return Hit(unit.at("field_mappings", index, key), {
        "bu": unit.name, "field": str(mapping.get("prospect_field", "")),
        "type": str(mapping.get("type", "")),
        "prospect_type": str(mapping.get("prospect_type", "")),
        "behavior": str(mapping.get("behavior", "")),
    })  # fmt: skip


@check("opted_out_most_recent_history", reads=_MAPPINGS, per_unit=True)
def opted_out_most_recent_history(context: PlanContext) -> Iterator[Hit]:
    """Opted Out synced by "most recently updated" without Field History Tracking (F81)."""
    for unit in context.business_units():
        for index, mapping in mappings_of(unit):
            if (
                field_key(str(mapping.get("prospect_field", ""))) == "opted out"
                and mapping.get("behavior") == "most_recent"
                and mapping.get("field_history_tracking") is not True
            ):
                yield _hit(unit, index, "behavior", mapping)


@check("picklist_values_must_match", reads=_MAPPINGS, per_unit=True)
def picklist_values_must_match(context: PlanContext) -> Iterator[Hit]:
    """AE writes a picklist (or State/Country picklist) without taking Salesforce's values (F85)."""
    salesforce = (context.data or {}).get("salesforce") or {}
    state_country = salesforce.get("state_country_picklists") is True
    for unit in context.business_units():
        for index, mapping in mappings_of(unit):
            if mapping.get("behavior") not in AE_WRITES or mapping.get("predefined_values") is True:
                continue
            picklist = mapping.get("type") in _PICKLISTS or mapping.get("restricted") is True
            geography = state_country and field_key(str(mapping.get("prospect_field", ""))) in (
                _STATE_COUNTRY
            )
            if picklist or geography:
                key = "restricted" if mapping.get("restricted") is not None else "behavior"
                yield _hit(unit, index, key, mapping)


@check("field_type_mismatch", reads=_MAPPINGS, per_unit=True)
def field_type_mismatch(context: PlanContext) -> Iterator[Hit]:
    """The prospect field's type cannot hold the Salesforce field's values (F85)."""
    for unit in context.business_units():
        for index, mapping in mappings_of(unit):
            allowed = COMPATIBLE.get(str(mapping.get("type")))
            prospect_type = mapping.get("prospect_type")
            if allowed is not None and prospect_type is not None and prospect_type not in allowed:
                yield _hit(unit, index, "prospect_type", mapping)


@check("read_only_field_written_by_ae", reads=_MAPPINGS, per_unit=True)
def read_only_field_written_by_ae(context: PlanContext) -> Iterator[Hit]:
    """A formula field whose value Account Engagement is to write (F108)."""
    for unit in context.business_units():
        for index, mapping in mappings_of(unit):
            if mapping.get("type") == "formula" and mapping.get("behavior") in AE_WRITES:
                yield _hit(unit, index, "behavior", mapping)


@check("salesforce_field_mapped_twice", reads=_MAPPINGS, per_unit=True)
def salesforce_field_mapped_twice(context: PlanContext) -> Iterator[Hit]:
    """One Salesforce field mapped to two different prospect fields (F85)."""
    for unit in context.business_units():
        first: dict[tuple[str, str], Mapping[str, Any]] = {}
        for index, mapping in mappings_of(unit):
            for key in ("lead_field", "contact_field"):
                field = mapping.get(key)
                if not isinstance(field, str):
                    continue
                seen = first.setdefault((key, field.strip().casefold()), mapping)
                if seen is mapping:
                    continue
                same_prospect = field_key(str(seen.get("prospect_field", ""))) == field_key(
                    str(mapping.get("prospect_field", ""))
                )
                if not same_prospect:  # AE605 reports repeats
                    yield Hit(unit.at("field_mappings", index, key), {
                        "bu": unit.name, "field": str(mapping.get("prospect_field", "")),
                        "salesforce_field": field, "other": str(seen.get("prospect_field", "")),
                    })  # fmt: skip


def _converted_fields(unit: BusinessUnitView) -> list[str]:
    """The BU's custom Lead fields mapped on Contact too, without a planned conversion mapping."""
    return [
        str(mapping.get("lead_field"))
        for _, mapping in mappings_of(unit)
        if str(mapping.get("lead_field", "")).casefold().endswith("__c")
        and str(mapping.get("contact_field", "")).casefold().endswith("__c")
        and mapping.get("lead_conversion_mapping") is not True
    ]


def _conversion(unit: BusinessUnitView, fields: list[str]) -> list[Hit]:
    if not fields or unit.planned_or_in_place("lead_conversion_mapping"):
        return []
    return [Hit(unit.at("field_mappings"), {"bu": unit.name, "fields": listed(fields)})]


def _conversion_delta(plan: PlanContext, variant: PlanContext, index: int) -> Optional[list[Hit]]:
    """The changed unit's hit, from its conversion fields worked out once while it keeps them."""
    found = shared_part(
        plan, variant, index, "lead_conversion_fields", ("field_mappings",), _converted_fields
    )
    return None if found is None else _conversion(variant.unit(index), found)


@check("lead_conversion_mapping", per_unit=True, delta=_conversion_delta)
def lead_conversion_mapping(context: PlanContext) -> Iterator[Hit]:
    """Custom fields on Lead and Contact whose lead-conversion mapping is not planned (F85)."""
    for unit in context.business_units():
        if not unit.planned_or_in_place("lead_conversion_mapping"):
            found = unit_part(context, "lead_conversion_fields", unit, _converted_fields)
            yield from _conversion(unit, found)
