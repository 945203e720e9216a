"""Org-level checks against the metadata: campaign record types (F97), person accounts (F73)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.rules.checks import Hit, PlanContext, check, listed
from planner.rules.checks.metadata_support import related

if TYPE_CHECKING:
    from planner.metadata.org import Place


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
    active = listed(sorted(rt.name for rt in campaign.record_types if rt.active)) or "—"
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


def _person_account_evidence(context: PlanContext) -> Place | None:
    """Where the metadata shows person accounts: a PersonAccount record type or `__pc` field."""
    metadata = context.metadata
    if metadata is None:
        return None
    person = metadata.object("PersonAccount")
    if person is not None and person.record_types:
        return person.record_types[0].place
    for name in ("PersonAccount", "Account"):
        found = metadata.object(name)
        if found is not None and any(field.endswith("__pc") for field in found.names):
            return found.place
    return None


@check("person_accounts_in_metadata")
def person_accounts_in_metadata(context: PlanContext) -> Iterator[Hit]:
    """The metadata shows person accounts while the plan says the org has none (F73 F78)."""
    salesforce = (context.data or {}).get("salesforce") or {}
    place = _person_account_evidence(context)
    if place is not None and not salesforce.get("person_accounts", False):
        yield Hit("/salesforce/person_accounts", {"org": str(salesforce.get("org", ""))},
                  related(place))  # fmt: skip


@check("person_accounts_not_in_metadata")
def person_accounts_not_in_metadata(context: PlanContext) -> Iterator[Hit]:
    """The plan says person accounts, but the retrieved Account record types show none (info)."""
    metadata = context.metadata
    salesforce = (context.data or {}).get("salesforce") or {}
    account = metadata.object("Account") if metadata is not None else None
    if account is None or not account.record_types or not salesforce.get("person_accounts"):
        return
    if _person_account_evidence(context) is None:
        yield Hit("/salesforce/person_accounts", {"org": str(salesforce.get("org", ""))},
                  related(account.place))  # fmt: skip
