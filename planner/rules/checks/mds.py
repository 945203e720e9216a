"""Checks of Marketing Data Sharing rules within one business unit and across the org."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, Optional

from planner.rules.checks import (
    BusinessUnitView,
    Hit,
    PlanContext,
    check,
    name_list,
    shared_part,
    unit_part,
)

MDS = "marketing_data_sharing"
PAIRED_OBJECTS = ("lead", "contact")


def rules_of(unit: BusinessUnitView) -> list[tuple[int, Mapping[str, Any]]]:
    """The BU's MDS rules with their indexes (whatever the scope: AE311 reports ignored ones)."""
    rules = unit.get("sync", MDS)
    if not isinstance(rules, list):
        return []
    return [(index, rule) for index, rule in enumerate(rules) if isinstance(rule, Mapping)]


def api_name(value: Any) -> str:
    """An object or field API name as Salesforce compares it: without case."""
    return str(value).strip().casefold()


def shown(value: Any) -> str:
    """A rule value as the plan wrote it (``true``, not Python's ``True``)."""
    return value if isinstance(value, str) else json.dumps(value)


def _rule_at(unit: BusinessUnitView, index: int, key: str) -> str:
    return unit.at("sync", MDS, index, key)


def _on_v1(context: PlanContext) -> list[str]:
    return [unit.name for unit in context.business_units() if unit.get("connector", "version") == 1]


def _v2_delta(plan: PlanContext, variant: PlanContext, index: int) -> Optional[list[Hit]]:
    """The changed unit's hits alone, unless its change brings or removes a v1 unit (or a name)."""
    before, after = plan.unit(index), variant.unit(index)
    was_v1 = before.get("connector", "version") == 1
    if was_v1 != (after.get("connector", "version") == 1) or (was_v1 and before.name != after.name):
        return None
    on_v1 = plan.memo("mds_requires_connector_v2", _on_v1)
    if not on_v1 or after.get("sync", "scope") != MDS:
        return []
    return [Hit(after.at("sync", "scope"), {"bu": after.name, "legacy": name_list(on_v1)})]


@check(
    "mds_requires_connector_v2",
    reads=("name", "connector/version", "sync/scope"),
    delta=_v2_delta,
)
def mds_requires_connector_v2(context: PlanContext) -> Iterator[Hit]:
    """A BU uses MDS while some BU of the plan is still on connector v1 (F05)."""
    on_v1 = _on_v1(context)
    if not on_v1:
        return
    names = name_list(on_v1)
    for unit in context.business_units():
        if unit.get("sync", "scope") == MDS:
            yield Hit(unit.at("sync", "scope"), {"bu": unit.name, "legacy": names})


@check("mds_one_rule_per_object", reads=("name", "sync/marketing_data_sharing"), per_unit=True)
def mds_one_rule_per_object(context: PlanContext) -> Iterator[Hit]:
    """A BU has a second MDS rule for an object it already has a rule for (F31)."""
    for unit in context.business_units():
        first: dict[str, int] = {}
        for index, rule in rules_of(unit):
            key = api_name(rule.get("object", ""))
            if key in first:
                params = {"bu": unit.name, "object": str(rule.get("object"))}
                yield Hit(_rule_at(unit, index, "object"), {**params, "first": str(first[key] + 1)})
            else:
                first[key] = index


def uses_mds(unit: BusinessUnitView) -> bool:
    """The BU's scope is MDS: only then do its rules select anything (AE311 reports the rest)."""
    return bool(unit.get("sync", "scope") == MDS)


@check(
    "mds_lead_and_contact",
    reads=("name", "sync/scope", "sync/marketing_data_sharing"),
    per_unit=True,
)
def mds_lead_and_contact(context: PlanContext) -> Iterator[Hit]:
    """An MDS BU's rules cover leads but not contacts, or contacts but not leads (F35)."""
    for unit in context.business_units():
        if not uses_mds(unit):
            continue
        found: dict[str, int] = {}
        for index, rule in rules_of(unit):
            found.setdefault(api_name(rule.get("object", "")), index)
        present = [name for name in PAIRED_OBJECTS if name in found]
        if len(present) != 1:
            continue
        missing = next(name for name in PAIRED_OBJECTS if name not in found)
        yield Hit(_rule_at(unit, found[present[0]], "object"), {
            "bu": unit.name, "present": present[0], "missing": missing,
        })  # fmt: skip


OverlapKey = tuple[str, str, str]


def _overlap_key(rule: Mapping[str, Any]) -> Optional[OverlapKey]:
    """What two rules must share to select the same records; None for rules that cannot overlap."""
    obj = api_name(rule.get("object", ""))
    if obj not in PAIRED_OBJECTS or "value" not in rule:
        return None
    # Values are case-sensitive (F33); API names are not.
    return (obj, api_name(rule.get("field", "")), json.dumps(rule["value"]))


def _overlap_hit(unit: BusinessUnitView, index: int, rule: Mapping[str, Any], owner: str) -> Hit:
    return Hit(_rule_at(unit, index, "value"), {
        "bu": unit.name, "other": owner, "object": str(rule.get("object")),
        "field": str(rule.get("field")), "value": shown(rule["value"]),
    })  # fmt: skip


def _holders(context: PlanContext) -> dict[OverlapKey, list[int]]:
    """Each overlap key and the units holding it, in plan order."""
    holders: dict[OverlapKey, list[int]] = {}
    for unit in context.business_units():
        if not uses_mds(unit):
            continue
        for _, rule in rules_of(unit):
            key = _overlap_key(rule)
            if key is not None:
                held = holders.setdefault(key, [])
                if not held or held[-1] != unit.index:
                    held.append(unit.index)
    return holders


def _overlap_delta(plan: PlanContext, variant: PlanContext, index: int) -> Optional[list[Hit]]:
    """The changed unit's hits alone, unless a key it gains or loses is held by another unit."""
    holders: dict[OverlapKey, list[int]] = plan.memo("mds_rules_overlap", _holders)
    units, after = plan.business_units(), variant.unit(index)
    before = units[index]
    keys_before = (
        {_overlap_key(rule) for _, rule in rules_of(before)} if uses_mds(before) else set()
    )
    keys_after = {_overlap_key(rule) for _, rule in rules_of(after)} if uses_mds(after) else set()
    for key in (keys_before ^ keys_after) - {None}:
        if any(holder != index for holder in holders.get(key, ())):  # type: ignore[arg-type]
            return None
    hits: list[Hit] = []
    if not uses_mds(after):
        return hits
    for position, rule in rules_of(after):
        key = _overlap_key(rule)
        earlier = next((j for j in holders.get(key, ()) if j < index), None) if key else None
        if earlier is not None:
            hits.append(_overlap_hit(after, position, rule, units[earlier].name))
    return hits


@check(
    "mds_rules_overlap",
    reads=("name", "sync/scope", "sync/marketing_data_sharing"),
    delta=_overlap_delta,
)
def mds_rules_overlap(context: PlanContext) -> Iterator[Hit]:
    """Two MDS BUs select leads or contacts with the same object, field and value (F36 F46)."""
    owners: dict[OverlapKey, BusinessUnitView] = {}
    for unit in context.business_units():
        if not uses_mds(unit):
            continue
        for index, rule in rules_of(unit):
            key = _overlap_key(rule)
            if key is None:
                continue
            owner = owners.setdefault(key, unit)
            if owner.index != unit.index:
                yield _overlap_hit(unit, index, rule, owner.name)


def _rule_fields_mapped(unit: BusinessUnitView, mapped: dict[tuple[str, str], str]) -> list[Hit]:
    hits: list[Hit] = []
    for index, rule in rules_of(unit):
        obj = api_name(rule.get("object", ""))
        prospect_field = mapped.get((obj, api_name(rule.get("field", ""))))
        if prospect_field is not None:
            hits.append(Hit(_rule_at(unit, index, "field"), {
                "bu": unit.name, "object": str(rule.get("object")),
                "field": str(rule.get("field")), "prospect_field": prospect_field,
            }))  # fmt: skip
    return hits


def _field_mapped_delta(plan: PlanContext, variant: PlanContext, index: int) -> Optional[list[Hit]]:
    """The changed unit's hits, from its mapped fields worked out once while it keeps them."""
    mapped = shared_part(
        plan, variant, index, "mds_mapped_fields", ("field_mappings",), _mapped_fields
    )
    return None if mapped is None else _rule_fields_mapped(variant.unit(index), mapped)


@check(
    "mds_field_mapped",
    reads=("name", "sync/marketing_data_sharing", "field_mappings"),
    per_unit=True,
    delta=_field_mapped_delta,
)
def mds_field_mapped(context: PlanContext) -> Iterator[Hit]:
    """An MDS rule's field is also mapped to an Account Engagement field in the same BU (F32)."""
    for unit in context.business_units():
        mapped = unit_part(context, "mds_mapped_fields", unit, _mapped_fields)
        yield from _rule_fields_mapped(unit, mapped)


def _mapped_fields(unit: BusinessUnitView) -> dict[tuple[str, str], str]:
    """(object, Salesforce field) -> prospect field, for the BU's lead and contact mappings."""
    mapped: dict[tuple[str, str], str] = {}
    mappings = unit.get("field_mappings")
    for mapping in mappings if isinstance(mappings, list) else []:
        if type(mapping) is not dict and not isinstance(mapping, Mapping):
            continue
        for obj in PAIRED_OBJECTS:
            field = mapping.get(f"{obj}_field")
            if isinstance(field, str):
                mapped.setdefault((obj, api_name(field)), str(mapping.get("prospect_field", "")))
    return mapped
