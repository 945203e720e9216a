"""Whether the MDS rules of several business units can be shown to select disjoint records (F36)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

PAIRED_OBJECTS = ("lead", "contact")


def rule_fields(units: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, list[int]]]:
    """Object → Salesforce field (without case) → indexes of the MDS BUs whose rule tests it.

    Only business units with ``sync.scope: marketing_data_sharing`` and only lead and contact
    rules count: those are the objects a person can sync through in one business unit only.
    """
    found: dict[str, dict[str, list[int]]] = {name: {} for name in PAIRED_OBJECTS}
    for index, unit in enumerate(units):
        sync = unit.get("sync") if isinstance(unit, Mapping) else None
        if not isinstance(sync, Mapping) or sync.get("scope") != "marketing_data_sharing":
            continue
        rules = sync.get("marketing_data_sharing")
        for rule in rules if isinstance(rules, list) else []:
            if not isinstance(rule, Mapping):
                continue
            obj = str(rule.get("object", "")).strip().casefold()
            if obj in found:
                field = str(rule.get("field", "")).strip().casefold()
                owners = found[obj].setdefault(field, [])
                if index not in owners:
                    owners.append(index)
    return found


def provably_exclusive_after(
    found: Mapping[str, Mapping[str, list[int]]], index: int, unit: Mapping[str, Any]
) -> bool:
    """Whether every MDS BU tests the same lead field and the same contact field, once unit
    ``index`` of a plan is replaced by ``unit``.

    Only then do distinct values (checked by AE307) keep one record out of two business units;
    rules on different fields can both match one record, which only the data can tell.

    ``found`` is :func:`rule_fields` of the plan's units as they are. The cost is that of the
    changed unit's rules, not of the plan, so that comparing every unit's options stays linear
    in the number of units (issue 18).
    """
    mine = rule_fields([unit])
    for obj, fields in found.items():
        distinct = set(mine[obj])
        if len(distinct) > 1:
            return False
        for field, owners in fields.items():
            if field not in distinct and any(owner != index for owner in owners):
                distinct.add(field)
                if len(distinct) > 1:
                    return False
    return True
