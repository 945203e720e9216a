"""Checks of business units that allow several prospects with the same email (AMPSEA, F59–F64)."""

from __future__ import annotations

from collections.abc import Iterator

from planner.rules.checks import Hit, PlanContext, check


@check("v1_ampsea_email_fallback", per_unit=True)
def v1_ampsea_email_fallback(context: PlanContext) -> Iterator[Hit]:
    """A v1 AMPSEA BU without the "no CRM ID → match by email" setting (F94 F61)."""
    for unit in context.business_units():
        if not unit.ampsea or unit.get("connector", "version") != 1:
            continue
        if unit.get("settings", "match_by_email_without_crm_id") is True:
            continue
        stated = unit.get("settings", "match_by_email_without_crm_id") is not None
        pointer = (
            unit.at("settings", "match_by_email_without_crm_id") if stated else unit.at("settings")
        )
        yield Hit(pointer, {"bu": unit.name})


@check("ampsea_auto_create_all_records", per_unit=True)
def ampsea_auto_create_all_records(context: PlanContext) -> Iterator[Hit]:
    """AMPSEA, auto-create and all records: each new lead or contact becomes a prospect."""
    for unit in context.business_units():
        if (
            unit.ampsea
            and unit.get("settings", "auto_create_prospects") is True
            and unit.get("sync", "scope") == "all_records"
        ):
            yield Hit(unit.at("settings", "auto_create_prospects"), {"bu": unit.name})


@check("ampsea_turned_off", per_unit=True)
def ampsea_turned_off(context: PlanContext) -> Iterator[Hit]:
    """A plan that turns AMPSEA off, which cannot be done once it is on (F63)."""
    for unit in context.business_units():
        if (
            unit.get("current_allow_multiple_prospects_same_email") is True
            and unit.get("allow_multiple_prospects_same_email") is False
        ):
            yield Hit(unit.at("allow_multiple_prospects_same_email"), {"bu": unit.name})


@check("api_version_vs_ampsea", per_unit=True)
def api_version_vs_ampsea(context: PlanContext) -> Iterator[Hit]:
    """An integration on API v3 in an AMPSEA BU, or on v4 in a non-AMPSEA BU (F72)."""
    for unit in context.business_units():
        ampsea = unit.get("allow_multiple_prospects_same_email")
        if ampsea is None:
            continue
        wrong = 3 if ampsea is True else 4
        for index, item in enumerate(unit.get("integrations") or []):
            if isinstance(item, dict) and item.get("api_version") == wrong:
                yield Hit(unit.at("integrations", index, "api_version"), {
                    "bu": unit.name, "item": str(item.get("name", "")), "version": str(wrong),
                    "right": "4" if ampsea is True else "3",
                })  # fmt: skip
