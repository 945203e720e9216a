"""Field-level security of the connector user, from its profile and permission sets (F32 F25)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.metadata.needs import DEFAULT_FIELDS, connector_holders
from planner.rules.checks import BusinessUnitView, Hit, PlanContext, check, listed
from planner.rules.checks.metadata_support import PlanField, plan_fields, related

if TYPE_CHECKING:
    from planner.metadata.org import FieldAccess, Holder, OrgMetadata

_VERIFIED_STANDARD = frozenset(name.lower() for name in DEFAULT_FIELDS.values())


def _holders(metadata: OrgMetadata, unit: BusinessUnitView) -> tuple[list[Holder], list[str]]:
    """The connector user's profile and permission sets: those found, and names of those not."""
    found, missing = [], []
    for kind, name in connector_holders(unit.data):
        holder = metadata.holder(kind, name)
        if holder is None:
            missing.append(name)
        else:
            found.append(holder)
    return found, missing


@check("connector_permissions_not_retrieved")
def connector_permissions_not_retrieved(context: PlanContext) -> Iterator[Hit]:
    """The connector user's profile or a permission set is absent from the metadata (info)."""
    metadata = context.metadata
    if metadata is None or (metadata.problems and not metadata.objects):
        return
    for unit in context.business_units():
        _, missing = _holders(metadata, unit)
        for name in missing:
            yield Hit(unit.at("connector", "user"), {"bu": unit.name, "holder": name})


_JAPANESE = {"read": "参照", "edit": "編集"}


def _needed(field: PlanField) -> str:
    return "edit" if field.edits else "read"


@check("connector_field_access")
def connector_field_access(context: PlanContext) -> Iterator[Hit]:
    """The connector user's profile and permission sets deny read or edit on a field it needs."""
    for field, entries, _ in _access(context):
        if entries and all(entry is not None for entry in entries):
            known = [entry for entry in entries if entry is not None]
            if not _granted(known, field):
                yield Hit(
                    field.pointer,
                    {"bu": field.unit.name, "object": field.object, "field": field.name,
                     "access": _needed(field), "access_ja": _JAPANESE[_needed(field)]},
                    related(*(entry.place for entry in known)),
                )  # fmt: skip


@check("connector_field_access_unknown")
def connector_field_access_unknown(context: PlanContext) -> Iterator[Hit]:
    """No retrieved permission grants the field, and some profile lacks its entry (info)."""
    for field, entries, holders in _access(context):
        known = [entry for entry in entries if entry is not None]
        custom = field.custom or field.name.lower() in _VERIFIED_STANDARD
        if custom and None in entries and not _granted(known, field):
            silent = [h.name for h, entry in zip(holders, entries) if entry is None]
            yield Hit(
                field.pointer,
                {"bu": field.unit.name, "object": field.object, "field": field.name,
                 "holder": listed(silent)},
                related(*(h.place for h in holders)),
            )  # fmt: skip


def _granted(entries: list[FieldAccess], field: PlanField) -> bool:
    readable = any(entry.readable for entry in entries)
    editable = any(entry.editable for entry in entries)
    return readable and (editable or not field.edits)


def _access(
    context: PlanContext,
) -> Iterator[tuple[PlanField, list[FieldAccess | None], list[Holder]]]:
    """Each plan field with each found holder's entry for it, when every holder was found."""
    metadata = context.metadata
    if metadata is None:
        return
    for field in plan_fields(context):
        found = metadata.object(field.object)
        if found is None or (field.custom and field.name.lower() not in found.names):
            continue  # not verifiable, or reported as missing
        holders, missing = _holders(metadata, field.unit)
        if not holders or missing:
            continue
        key = f"{field.object}.{field.name}".lower()
        yield field, [holder.fields.get(key) for holder in holders], holders
