"""What a plan asks of the org's metadata: the objects and fields it names, its connector users."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # kept light: the checks import this module at start-up
    from planner.metadata.org import HolderKind
    from planner.metadata.reading import Needs

INTEGRATION_PROFILE = "B2BMA Integration User"
"""The integration user's profile (F15)."""

# Prospect fields whose Salesforce counterpart is a standard field with a known API name (F81).
DEFAULT_FIELDS = {"opted out": "HasOptedOutOfEmail"}

# Objects read for org-level checks: connected campaigns (F97) and person accounts (F73).
ORG_OBJECTS = ("account", "campaign", "personaccount")


@dataclass(frozen=True)
class MappedField:
    """A Salesforce field a field mapping names: the plan pointer, object and API name."""

    index: int
    object: str
    name: str
    pointer_key: Optional[str]
    """``lead_field``/``contact_field`` when the plan names it, None for a default (Opted Out)."""


def mapped_fields(mapping: Mapping[str, Any], index: int) -> Iterator[MappedField]:
    """The Lead and Contact fields of one mapping (Opted Out defaults to its standard field)."""
    default = DEFAULT_FIELDS.get(" ".join(str(mapping.get("prospect_field", "")).lower().split()))
    for object_name in ("Lead", "Contact"):
        key = f"{object_name.lower()}_field"
        given = mapping.get(key)
        if isinstance(given, str) and given.strip():
            yield MappedField(index, object_name, given.strip(), key)
        elif default is not None:
            yield MappedField(index, object_name, default, None)


def connector_holders(unit: Mapping[str, Any]) -> list[tuple[HolderKind, str]]:
    """The profile and permission sets of a BU's connector user, as the plan names them."""
    connector = unit.get("connector") or {}
    user = connector.get("user")
    holders: list[tuple[HolderKind, str]] = []
    if user == "integration_user":
        holders.append(("profile", INTEGRATION_PROFILE))
        extra = (connector.get("integration_user") or {}).get("permission_sets") or []
    elif user == "custom_user":
        custom = connector.get("custom_user") or {}
        if custom.get("profile"):
            holders.append(("profile", str(custom["profile"])))
        extra = custom.get("permission_sets") or []
    else:
        return []
    holders.extend(("permission_set", str(name)) for name in extra)
    return holders


def needs_of(data: Mapping[str, Any]) -> Needs:
    """Everything the plan's checks will look up in the metadata."""
    from planner.metadata.reading import Needs

    fields: dict[str, set[str]] = {name: set() for name in ORG_OBJECTS}
    holders: set[tuple[HolderKind, str]] = set()
    conversion = False
    for unit in data.get("business_units") or []:
        for rule in (unit.get("sync") or {}).get("marketing_data_sharing") or []:
            fields.setdefault(str(rule["object"]).lower(), set()).add(str(rule["field"]).lower())
        for index, mapping in enumerate(unit.get("field_mappings") or []):
            for mapped in mapped_fields(mapping, index):
                fields.setdefault(mapped.object.lower(), set()).add(mapped.name.lower())
            conversion = conversion or bool(
                mapping.get("lead_field") and mapping.get("contact_field")
            )
        holders.update(connector_holders(unit))
    frozen = {name: frozenset(names) for name, names in sorted(fields.items())}
    return Needs(frozen, frozenset(holders), conversion)
