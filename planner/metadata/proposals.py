"""What ``aeplan init --metadata`` can read from the org's metadata to propose as answers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from planner.errors import PlannerError, Said
from planner.metadata.documents import MetadataFileError, reason_text
from planner.metadata.reading import Needs, Reader
from planner.metadata.source import check_folder, locate

# Field types an MDS rule can test with "equals" on a value a flow can set (F31 F42).
MDS_CANDIDATE_TYPES = frozenset({"Picklist", "Checkbox", "Text"})


@dataclass(frozen=True)
class Proposals:
    """Answers read from metadata: person accounts, campaign record types, MDS field candidates."""

    person_accounts: bool
    campaign_record_types: tuple[str, ...]
    """Labels of the active Campaign record types."""
    mds_fields: tuple[str, ...]
    """Custom fields with the same API name and type on Lead and on Contact, editable kinds only."""


def propose(folder: Path, shown: str) -> Proposals:
    """Read the proposals; a folder that is not metadata is a :class:`PlannerError`."""
    check_folder(folder, "--metadata", shown)  # a file or a folder of projects: said plainly
    try:
        source = locate(folder, shown)
    except MetadataFileError as error:
        reason = Said(*(reason_text(error.reason, "", lang) for lang in ("en", "ja")))
        raise PlannerError.keyed("metadata.folder_refused", reason=reason, file=shown) from None
    reader = Reader(source)
    objects = ("lead", "contact", "campaign", "personaccount")
    listing = reader.read(Needs({name: frozenset() for name in objects}))
    lead, contact = listing.object("Lead"), listing.object("Contact")
    common = sorted(set(lead.names) & set(contact.names)) if lead and contact else []
    custom = frozenset(name for name in common if name.endswith("__c"))
    org = reader.read(Needs({"lead": custom, "contact": custom}))
    read_lead, read_contact = org.object("Lead"), org.object("Contact")
    candidates: list[tuple[tuple[bool, bool], str]] = []
    for name in sorted(custom):
        lead_field = read_lead.field(name) if read_lead else None
        contact_field = read_contact.field(name) if read_contact else None
        if lead_field is None or contact_field is None or lead_field.read_only:
            continue
        if lead_field.type == contact_field.type and lead_field.type in MDS_CANDIDATE_TYPES:
            candidates.append((_rank(lead_field.name, lead_field.type), lead_field.name))
    campaign = listing.object("Campaign")
    types = tuple(rt.label for rt in campaign.record_types if rt.active) if campaign else ()
    person = listing.object("PersonAccount")
    ordered = tuple(name for _, name in sorted(candidates))
    return Proposals(bool(person and person.record_types), types, ordered)


def _rank(name: str, kind: Optional[str]) -> tuple[bool, bool]:
    """Practitioners use a picklist or checkbox named for the business unit (F42): those first."""
    named = any(word in name.lower() for word in ("bu_", "business"))
    return (not named, kind == "Text")
