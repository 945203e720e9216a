"""Org-level checks against the metadata: connected-campaign record types (F97)."""

from __future__ import annotations

from collections.abc import Iterator

from planner.checks import Hit, PlanContext, check
from planner.checks.metadata_support import related


def _key(name: str) -> str:
    return "_".join(name.lower().split())


@check("campaign_record_type_missing")
def campaign_record_type_missing(context: PlanContext) -> Iterator[Hit]:
    """A connected-campaign record type is not an active Campaign record type in the metadata."""
    metadata = context.metadata
    campaign = metadata.object("Campaign") if metadata is not None else None
    if campaign is None or not campaign.record_types:
        return  # record types not retrieved: unknown, not wrong
    known = {}
    for record_type in campaign.record_types:
        known[_key(record_type.name)] = record_type
        known.setdefault(_key(record_type.label), record_type)
    active = ", ".join(sorted(rt.name for rt in campaign.record_types if rt.active)) or "—"
    for unit in context.business_units():
        names = unit.get("sync", "connected_campaigns", "record_types") or []
        for index, name in enumerate(names):
            found = known.get(_key(str(name)))
            if found is None or not found.active:
                places = related(found.place) if found is not None else related(campaign.place)
                yield Hit(
                    unit.at("sync", "connected_campaigns", "record_types", index),
                    {"bu": unit.name, "record_type": str(name),
                     "known": active},
                    places,
                )  # fmt: skip
