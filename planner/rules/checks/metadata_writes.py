"""Fields the connector writes, against their metadata: MDS rule fields, AE-owned mappings.

Facts: F32 (MDS rule field editable by the connector user), F54 (restricted picklists fail syncs),
F85 (lookup and geolocation fields cannot sync; a number prospect field cannot go to a phone field).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.i18n import fill
from planner.rules.checks import Hit, PlanContext, check, listed
from planner.rules.checks.metadata_fields import field_info
from planner.rules.checks.metadata_support import PlanField, plan_fields, related

if TYPE_CHECKING:
    from planner.metadata.org import FieldInfo

UNSYNCABLE_TYPES = frozenset({"Lookup", "MasterDetail", "Location", "Hierarchy"})
_PROSPECT_TYPE_LIMITS = {"number": frozenset({"Phone"})}


_WORDED_TYPES = frozenset({"AutoNumber", "Summary"})
"""Types said in words (``metadata.kind.*``) rather than by their API name in Japanese."""


def _describe(info: FieldInfo, lang: str = "en") -> str:
    """The field's kind as its type (a formula's type is its return type, so say "formula")."""
    if info.formula:
        return fill("metadata.kind.formula", lang)
    if info.type in _WORDED_TYPES:
        return fill(f"metadata.kind.{info.type}", lang)
    if info.picklist:
        return f"{info.type} ({', '.join(info.picklist)})"
    return info.type or "?"


def _known(context: PlanContext) -> Iterator[tuple[PlanField, FieldInfo]]:
    metadata = context.metadata
    if metadata is None:
        return
    for field in plan_fields(context):
        info = field_info(metadata, field)
        if info is not None:
            yield field, info


@check("mds_field_differs")
def mds_field_differs(context: PlanContext) -> Iterator[Hit]:
    """The Lead and Contact MDS rule fields of a BU differ in type or picklist values."""
    rule_fields: dict[tuple[int, str], tuple[PlanField, FieldInfo]] = {}
    for field, info in _known(context):
        if field.mds and field.object in ("Lead", "Contact"):
            rule_fields.setdefault((field.unit.index, field.object), (field, info))
    for (index, object_name), (field, contact) in sorted(rule_fields.items()):
        lead = rule_fields.get((index, "Lead"))
        if object_name != "Contact" or lead is None:
            continue
        lead_info = lead[1]
        same = (lead_info.type, lead_info.formula, sorted(lead_info.picklist)) == (
            contact.type, contact.formula, sorted(contact.picklist),
        )  # fmt: skip
        if not same:
            yield Hit(
                field.pointer,
                {"bu": field.unit.name, "lead": f"{lead_info.name}: {_describe(lead_info)}",
                 "contact": f"{contact.name}: {_describe(contact)}"},
                related(lead_info.place, contact.place),
            )  # fmt: skip


@check("mds_field_read_only")
def mds_field_read_only(context: PlanContext) -> Iterator[Hit]:
    """An MDS rule field is a formula, auto-number or roll-up: the connector cannot edit it."""
    for field, info in _known(context):
        if field.mds and info.read_only:
            yield Hit(
                field.pointer,
                {"bu": field.unit.name, "object": info.object, "field": info.name,
                 "kind": _describe(info), "kind_ja": _describe(info, "ja")},
                related(info.place),
            )  # fmt: skip


@check("ae_owned_read_only_field")
def ae_owned_read_only_field(context: PlanContext) -> Iterator[Hit]:
    """A mapping Account Engagement writes targets a formula, auto-number or roll-up field."""
    for field, info in _known(context):
        if not field.mds and field.edits and info.read_only:
            yield Hit(
                field.pointer,
                {"bu": field.unit.name, "object": info.object, "field": info.name,
                 "behavior": field.behavior, "kind": _describe(info),
                 "kind_ja": _describe(info, "ja")},
                related(info.place),
            )  # fmt: skip


@check("ae_owned_restricted_picklist")
def ae_owned_restricted_picklist(context: PlanContext) -> Iterator[Hit]:
    """A mapping Account Engagement writes targets a restricted picklist: list its values."""
    for field, info in _known(context):
        if not field.mds and field.edits and info.restricted and not info.read_only:
            values = listed(info.picklist)
            yield Hit(
                field.pointer,
                {"bu": field.unit.name, "object": info.object, "field": info.name,
                 "values": values or f"global value set {info.global_value_set}",
                 "values_ja": values or f"グローバル値セット {info.global_value_set}"},
                related(info.place),
            )  # fmt: skip


@check("mapping_type_cannot_sync")
def mapping_type_cannot_sync(context: PlanContext) -> Iterator[Hit]:
    """A lookup or geolocation field, or a number prospect field onto a phone field (F85)."""
    for field, info in _known(context):
        if field.mds:
            continue
        mapping = field.unit.get("field_mappings")[int(field.pointer.split("/")[-2])]
        prospect_type = str(mapping.get("type", ""))
        refused = info.type in UNSYNCABLE_TYPES or info.type in _PROSPECT_TYPE_LIMITS.get(
            prospect_type, frozenset()
        )
        if refused:
            yield Hit(
                field.pointer,
                {"bu": field.unit.name, "object": info.object, "field": info.name,
                 "type": info.type or "?", "prospect_type": prospect_type or "?"},
                related(info.place),
            )  # fmt: skip
