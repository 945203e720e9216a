"""Object and system permissions of a custom (or v1) connector user, and lead conversion mapping.

Facts: F23 (a custom connector user's object permissions and sharing decide what syncs), F86 (the
objects the connector reads and writes), F85 (a field mapped on Lead and Contact must survive lead
conversion).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.metadata.needs import connector_holders
from planner.rules.checks import Hit, PlanContext, check
from planner.rules.checks.metadata_support import related

if TYPE_CHECKING:
    from planner.metadata.org import Holder

# What the connector does on each object (F86 F89): it creates and updates leads and contacts and
# reads accounts and opportunities.
OBJECT_NEEDS: dict[str, tuple[str, ...]] = {
    "Lead": ("read", "create", "edit"),
    "Contact": ("read", "create", "edit"),
    "Account": ("read",),
    "Opportunity": ("read",),
}
SYSTEM_NEEDS = ("ApiEnabled",)
_JAPANESE = {"read": "参照", "create": "作成", "edit": "編集"}
"""Salesforce's Japanese names of the object permissions."""


def _custom_holders(context: PlanContext, unit_data: dict[str, object]) -> list[Holder] | None:
    """The custom connector user's holders when every one was retrieved, else None."""
    metadata = context.metadata
    connector = unit_data.get("connector") or {}
    if (
        metadata is None
        or not isinstance(connector, dict)
        or connector.get("user") != "custom_user"
    ):
        return None
    found = [metadata.holder(kind, name) for kind, name in connector_holders(unit_data)]
    if not found or any(holder is None for holder in found):
        return None
    return [holder for holder in found if holder is not None]


@check("connector_object_permissions")
def connector_object_permissions(context: PlanContext) -> Iterator[Hit]:
    """A custom connector user lacks an object or system permission the connector needs."""
    if context.metadata is None:
        return  # no metadata: nothing to compare, and no walk over every unit
    for unit in context.business_units():
        holders = _custom_holders(context, dict(unit.data))
        if holders is None:
            continue
        for object_name, needs in OBJECT_NEEDS.items():
            entries = [
                h.objects[object_name.lower()] for h in holders if object_name.lower() in h.objects
            ]
            if not entries:
                continue  # not retrieved: unknown
            missing = [need for need in needs if not any(getattr(e, need) for e in entries)]
            if missing:
                yield Hit(unit.at("connector", "custom_user"), {
                    "bu": unit.name, "permission": f"{object_name}: {', '.join(missing)}",
                    "permission_ja": f"{object_name}: {'、'.join(_JAPANESE[m] for m in missing)}",
                }, related(*(entry.place for entry in entries)))  # fmt: skip
        profiles = [h for h in holders if h.kind == "profile"]
        for permission in SYSTEM_NEEDS if profiles else ():
            if not any(h.system.get(permission.lower(), (False, None))[0] for h in holders):
                yield Hit(unit.at("connector", "custom_user"), {
                    "bu": unit.name, "permission": permission,
                    "permission_ja": f"{permission}（API の有効化）",
                }, related(*(h.place for h in profiles)))  # fmt: skip


@check("lead_conversion_mapping_missing")
def lead_conversion_mapping_missing(context: PlanContext) -> Iterator[Hit]:
    """A custom field mapped on Lead and Contact is not mapped Lead→Contact on conversion."""
    metadata = context.metadata
    if metadata is None or metadata.lead_conversion is None:
        return
    mapped = {
        (m.lead_field.lower(), m.target_field.lower())
        for m in metadata.lead_conversion
        if m.target_object.lower() == "contact"
    }
    from planner.metadata.org import Place

    places = [m.place for m in metadata.lead_conversion] or [Place(metadata.source)]
    for unit in context.business_units():
        for index, mapping in enumerate(unit.get("field_mappings") or []):
            lead, contact = (
                str(mapping.get("lead_field", "")),
                str(mapping.get("contact_field", "")),
            )
            custom = lead.lower().endswith("__c") and contact.lower().endswith("__c")
            if custom and (lead.lower(), contact.lower()) not in mapped:
                yield Hit(unit.at("field_mappings", index, "contact_field"), {
                    "bu": unit.name, "lead": lead, "contact": contact,
                }, related(places[0]))  # fmt: skip
