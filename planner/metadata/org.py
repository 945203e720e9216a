"""What was read of the org's metadata, as frozen data keyed by lower-cased API names.

Salesforce API names are case-insensitive (and so is the connector), so every mapping here is keyed
by ``name.lower()`` while each entry keeps the name as the metadata spells it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Optional

HolderKind = Literal["profile", "permission_set"]

READ_ONLY_TYPES = frozenset({"AutoNumber", "Summary"})
"""Field types nobody can write: auto-numbers and roll-up summaries (formulas are told apart)."""


@dataclass(frozen=True)
class Place:
    """A metadata file as findings name it, and a 1-based line in it (0: the whole file)."""

    file: str
    line: int = 0


@dataclass(frozen=True)
class FieldInfo:
    """One field of one object (``type`` as the Metadata API spells it, None when not given)."""

    object: str
    name: str
    place: Place
    type: Optional[str] = None
    formula: bool = False
    picklist: tuple[str, ...] = ()
    restricted: bool = False
    global_value_set: Optional[str] = None
    track_history: Optional[bool] = None
    history_line: int = 0
    """The line of ``<trackHistory>`` (0: absent)."""

    @property
    def read_only(self) -> bool:
        """Formula, auto-number and roll-up summary fields cannot be written by anyone."""
        return self.formula or self.type in READ_ONLY_TYPES


@dataclass(frozen=True)
class RecordTypeInfo:
    """A record type: its API name, label, whether it is active."""

    object: str
    name: str
    label: str
    active: bool
    place: Place


@dataclass(frozen=True)
class ObjectInfo:
    """An object that was found in the metadata, with the fields and record types read for it."""

    name: str
    place: Place
    fields: Mapping[str, FieldInfo] = field(default_factory=dict)
    """The fields that were read (those the plan names), by lower-cased API name."""
    names: Mapping[str, str] = field(default_factory=dict)
    """Every field the metadata holds for the object, lower-cased name to name (for near misses)."""
    record_types: tuple[RecordTypeInfo, ...] = ()
    history_enabled: Optional[bool] = None

    def field(self, name: str) -> Optional[FieldInfo]:
        """A field by API name, any case."""
        return self.fields.get(name.lower())


@dataclass(frozen=True)
class FieldAccess:
    """One ``fieldPermissions`` entry."""

    readable: bool
    editable: bool
    place: Place


@dataclass(frozen=True)
class ObjectAccess:
    """One ``objectPermissions`` entry."""

    read: bool
    create: bool
    edit: bool
    view_all: bool
    modify_all: bool
    place: Place


@dataclass(frozen=True)
class Holder:
    """A profile or permission set and the permissions it grants."""

    kind: HolderKind
    name: str
    place: Place
    fields: Mapping[str, FieldAccess] = field(default_factory=dict)
    """By ``object.field``, lower-cased."""
    objects: Mapping[str, ObjectAccess] = field(default_factory=dict)
    system: Mapping[str, tuple[bool, Place]] = field(default_factory=dict)
    """User (system) permissions by lower-cased name: enabled, and where."""


@dataclass(frozen=True)
class ConversionMapping:
    """One custom field mapping used when a lead is converted."""

    lead_field: str
    target_object: str
    target_field: str
    place: Place


@dataclass(frozen=True)
class Problem:
    """A metadata file that could not be read: the file, the line and a reason key."""

    place: Place
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class OrgMetadata:
    """Everything read for one plan; what is absent was not found (which is not "wrong")."""

    source: str
    objects: Mapping[str, ObjectInfo] = field(default_factory=dict)
    holders: Mapping[tuple[str, str], Holder] = field(default_factory=dict)
    """Found profiles and permission sets by (kind, lower-cased name)."""
    lead_conversion: Optional[tuple[ConversionMapping, ...]] = None
    """None: no LeadConvertSettings in the metadata."""
    problems: tuple[Problem, ...] = ()

    def object(self, name: str) -> Optional[ObjectInfo]:
        """An object by API name, any case; None when it was not in the metadata."""
        return self.objects.get(name.lower())

    def holder(self, kind: HolderKind, name: str) -> Optional[Holder]:
        """A profile or permission set by name, any case; None when it was not retrieved."""
        return self.holders.get((kind, name.lower()))
