"""Checks across the business units of one org: shared connector users, licences, MDS fields."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Optional

from planner.rules.checks import BusinessUnitView, Hit, PlanContext, check
from planner.rules.exclusivity import rule_fields


def _user_key(unit: BusinessUnitView) -> Optional[str]:
    """The custom connector user's username as compared (case-insensitive), or None."""
    if unit.get("connector", "user") != "custom_user":
        return None
    username = unit.get("connector", "custom_user", "username")
    if not isinstance(username, str) or not username.strip():
        return None
    return username.strip().casefold()


def _user_holders(context: PlanContext) -> dict[str, list[int]]:
    """Each custom username and the units that plan it, in plan order."""
    holders: dict[str, list[int]] = {}
    for unit in context.business_units():
        key = _user_key(unit)
        if key is not None:
            holders.setdefault(key, []).append(unit.index)
    return holders


def _shared_user_delta(plan: PlanContext, variant: PlanContext, index: int) -> Optional[list[Hit]]:
    """The changed unit's hit alone, unless its change touches a username another unit holds."""
    holders: dict[str, list[int]] = plan.memo("custom_user_shared", _user_holders)
    before, after = plan.unit(index), variant.unit(index)
    key_before, key_after = _user_key(before), _user_key(after)
    if key_before != key_after and any(
        holder != index
        for key in (key_before, key_after)
        if key is not None
        for holder in holders.get(key, ())
    ):
        return None
    if before.name != after.name and key_before is not None:
        return None  # other units' findings name this one
    first = next((j for j in holders.get(key_after or "", ()) if j < index), None)
    if key_after is None or first is None:
        return []
    username = str(after.get("connector", "custom_user", "username")).strip()
    other = plan.unit(first).name
    return [Hit(after.at("connector", "custom_user", "username"),
                {"bu": after.name, "other": other, "user": username})]  # fmt: skip


@check(
    "custom_user_shared",
    reads=("name", "connector/user", "connector/custom_user"),
    delta=_shared_user_delta,
)
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


def _custom_users(context: PlanContext) -> int:
    """How many BUs use a custom connector user: like compare, each BU needs its own (AE210),
    so each one takes a licence."""
    return sum(1 for unit in context.business_units() if _custom(unit))


def _custom(unit: BusinessUnitView) -> bool:
    return bool(unit.get("connector", "user") == "custom_user")


def _licences_hits(context: PlanContext, needed: int) -> list[Hit]:
    salesforce = (context.data or {}).get("salesforce") or {}
    available = salesforce.get("crm_licenses_available")
    if not isinstance(available, int) or needed <= available:
        return []
    return [Hit("/salesforce/crm_licenses_available", {
        "needed": str(needed), "available": str(available),
    })]  # fmt: skip


def _licences_delta(plan: PlanContext, variant: PlanContext, index: int) -> list[Hit]:
    """The variant's count from the plan's (counted once) and the changed unit alone."""
    counted: int = plan.memo("custom_users", _custom_users)
    needed = counted - _custom(plan.unit(index)) + _custom(variant.unit(index))
    return _licences_hits(variant, needed)


@check("licences_across_business_units", reads=("connector/user",), delta=_licences_delta)
def licences_across_business_units(context: PlanContext) -> Iterator[Hit]:
    """The BUs' custom connector users need more licences than the plan says are free (F23)."""
    yield from _licences_hits(context, _custom_users(context))


def _plan_rule_fields(context: PlanContext) -> dict[str, dict[str, list[int]]]:
    return rule_fields(unit.data for unit in context.business_units())


def _first_field(unit: BusinessUnitView, obj: str) -> str:
    """The field of the unit's first MDS rule on ``obj`` (without case)."""
    for rule in unit.get("sync", "marketing_data_sharing") or []:
        if str(rule.get("object", "")).strip().casefold() == obj:
            return str(rule.get("field", "")).strip().casefold()
    return ""


def _different_fields_delta(
    plan: PlanContext, variant: PlanContext, index: int
) -> Optional[list[Hit]]:
    """The changed unit's hits alone, while an earlier unit decides each object's first field."""
    found: dict[str, dict[str, list[int]]] = plan.memo(
        "mds_rules_different_fields", _plan_rule_fields
    )
    before, after = plan.unit(index), variant.unit(index)
    if before.name != after.name:
        return None
    mine_before, mine_after = rule_fields([before.data]), rule_fields([after.data])
    hits: list[Hit] = []
    for obj, fields in found.items():
        if not (mine_before[obj] or mine_after[obj]):
            continue
        others = sorted({o for owners in fields.values() for o in owners if o != index})
        if not others:
            continue  # alone on this object: no other BU to differ from
        if index < others[0]:
            return None  # this unit decides the first field: the other units' findings change
        first_unit = plan.unit(others[0])
        first_field = _first_field(first_unit, obj)
        seen: set[str] = set()
        for position, rule in enumerate(after.get("sync", "marketing_data_sharing") or []):
            field = str(rule.get("field", "")).strip().casefold()
            if str(rule.get("object", "")).strip().casefold() != obj or field in seen:
                continue
            seen.add(field)
            if field != first_field and mine_after[obj]:
                hits.append(Hit(after.at("sync", "marketing_data_sharing", position, "field"), {
                    "bu": after.name, "object": obj, "field": str(rule.get("field")),
                    "other": first_unit.name,
                    "other_field": _field_of(first_unit.data, obj, first_field),
                }))  # fmt: skip
    return hits


@check(
    "mds_rules_different_fields",
    reads=("name", "sync/scope", "sync/marketing_data_sharing"),
    delta=_different_fields_delta,
)
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


@check("campaign_record_type_overlap", reads=("name", "sync/connected_campaigns"))
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
