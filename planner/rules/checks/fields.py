"""Checks of field mappings: fixed sync behaviours, Lead/Contact API names, duplicates (F83–F85)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from planner.rules.checks import BusinessUnitView, Hit, PlanContext, check

# Account Engagement owns these fields; Salesforce owns the CRM owner (F83 F84).
_AE_OWNED = frozenset({"score", "grade", "campaign"})
_SALESFORCE_OWNED = frozenset({"assigned user", "crm owner"})
_MAPPINGS = ("name", "field_mappings")
_SEPARATORS = re.compile(r"[\s_\-]+")


@lru_cache(maxsize=4096)
def field_key(name: str) -> str:
    """A prospect field name compared without case or separator differences."""
    return _SEPARATORS.sub(" ", name).strip().casefold()


def _mappings(unit: BusinessUnitView) -> Iterator[tuple[int, dict[str, str]]]:
    for index, mapping in enumerate(unit.get("field_mappings") or []):
        if isinstance(mapping, dict):
            yield index, mapping


@check("fixed_field_behavior", reads=_MAPPINGS, per_unit=True)
def fixed_field_behavior(context: PlanContext) -> Iterator[Hit]:
    """Score, Grade or Campaign not Account Engagement-owned; the CRM owner made AE-owned."""
    for unit in context.business_units():
        for index, mapping in _mappings(unit):
            key, behavior = field_key(mapping["prospect_field"]), mapping["behavior"]
            owner = ""
            if key in _AE_OWNED and behavior != "account_engagement":
                owner = "account_engagement"
            elif key in _SALESFORCE_OWNED and behavior == "account_engagement":
                owner = "salesforce"
            if owner:
                yield Hit(unit.at("field_mappings", index, "behavior"), {
                    "bu": unit.name, "field": mapping["prospect_field"],
                    "behavior": behavior, "owner": owner,
                })  # fmt: skip


@check("lead_contact_api_name_mismatch", reads=_MAPPINGS, per_unit=True)
def lead_contact_api_name_mismatch(context: PlanContext) -> Iterator[Hit]:
    """A custom field mapped on Lead and Contact under different API names (F85)."""
    for unit in context.business_units():
        for index, mapping in _mappings(unit):
            lead, contact = mapping.get("lead_field", ""), mapping.get("contact_field", "")
            custom = lead.casefold().endswith("__c") and contact.casefold().endswith("__c")
            if custom and lead.strip().casefold() != contact.strip().casefold():
                yield Hit(unit.at("field_mappings", index, "contact_field"), {
                    "bu": unit.name, "field": mapping["prospect_field"],
                    "lead": lead, "contact": contact,
                })  # fmt: skip


@check("duplicate_field_mapping", reads=_MAPPINGS, per_unit=True)
def duplicate_field_mapping(context: PlanContext) -> Iterator[Hit]:
    """A business unit that maps the same prospect field twice."""
    for unit in context.business_units():
        first: dict[str, int] = {}
        for index, mapping in _mappings(unit):
            key = field_key(mapping["prospect_field"])
            if key in first:
                yield Hit(unit.at("field_mappings", index, "prospect_field"), {
                    "bu": unit.name, "field": mapping["prospect_field"],
                    "first": str(first[key] + 1), "second": str(index + 1),
                })  # fmt: skip
            else:
                first[key] = index


@check("most_recent_beyond_opted_out", reads=_MAPPINGS, per_unit=True)
def most_recent_beyond_opted_out(context: PlanContext) -> Iterator[Hit]:
    """``most_recent`` on a field other than Opted Out, where it is documented (F81)."""
    for unit in context.business_units():
        for index, mapping in _mappings(unit):
            if mapping["behavior"] == "most_recent" and field_key(mapping["prospect_field"]) != (
                "opted out"
            ):
                yield Hit(unit.at("field_mappings", index, "behavior"), {
                    "bu": unit.name, "field": mapping["prospect_field"],
                })  # fmt: skip


@check("unsyncable_field_type", reads=_MAPPINGS, per_unit=True)
def unsyncable_field_type(context: PlanContext) -> Iterator[Hit]:
    """A mapping of a lookup or geolocation field, which cannot sync (F85)."""
    for unit in context.business_units():
        for index, mapping in _mappings(unit):
            if mapping.get("type") in ("lookup", "geolocation"):
                yield Hit(unit.at("field_mappings", index, "type"), {
                    "bu": unit.name, "field": mapping["prospect_field"], "type": mapping["type"],
                })  # fmt: skip
