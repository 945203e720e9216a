"""Metadata XML trees into the frozen model: fields, record types, permissions, lead conversion.

Element names follow the Metadata API Developer Guide (CustomField, RecordType, Profile,
PermissionSet, LeadConvertSettings); unknown elements are ignored, as Salesforce adds new ones
every release.
"""

from __future__ import annotations

from typing import Optional

from planner.metadata.documents import Node
from planner.metadata.org import (
    ConversionMapping,
    FieldAccess,
    FieldInfo,
    Holder,
    HolderKind,
    ObjectAccess,
    Place,
    RecordTypeInfo,
)


def field_info(node: Node, object_name: str, file: str, fallback_name: str = "") -> FieldInfo:
    """A ``CustomField`` element (a field file's root, or ``<fields>`` in an ``.object`` file)."""
    name = node.value("fullName") or fallback_name
    values, restricted, global_set = _picklist(node)
    return FieldInfo(
        object=object_name, name=name, place=Place(file, node.line), type=node.value("type"),
        formula=bool(node.value("formula")), picklist=values, restricted=restricted,
        global_value_set=global_set, track_history=node.flag("trackHistory"),
        history_line=getattr(node.first("trackHistory"), "line", 0),
    )  # fmt: skip


def _picklist(node: Node) -> tuple[tuple[str, ...], bool, Optional[str]]:
    value_set = node.first("valueSet")
    if value_set is None:
        legacy = node.first("picklist")  # API 37 and earlier
        if legacy is None:
            return (), False, None
        values = tuple(v.value("fullName") or "" for v in legacy.all("picklistValues"))
        return values, bool(legacy.flag("restricted")), None
    global_set = value_set.value("valueSetName")
    definition = value_set.first("valueSetDefinition")
    values = ()
    if definition is not None:
        values = tuple(v.value("fullName") or "" for v in definition.all("value"))
    # A global value set is always restricted (Metadata API: GlobalValueSet).
    restricted = bool(value_set.flag("restricted")) or global_set is not None
    return values, restricted, global_set


def record_type(node: Node, object_name: str, file: str, fallback_name: str = "") -> RecordTypeInfo:
    """A ``RecordType`` element."""
    name = node.value("fullName") or fallback_name
    return RecordTypeInfo(
        object=object_name, name=name, label=node.value("label") or name,
        active=node.flag("active") is not False, place=Place(file, node.line),
    )  # fmt: skip


def holder(node: Node, kind: HolderKind, name: str, file: str) -> Holder:
    """A ``Profile`` or ``PermissionSet`` root element."""
    fields: dict[str, FieldAccess] = {}
    for entry in node.all("fieldPermissions"):
        target = entry.value("field")
        if target:
            fields[target.lower()] = FieldAccess(
                readable=bool(entry.flag("readable")), editable=bool(entry.flag("editable")),
                place=Place(file, entry.line),
            )  # fmt: skip
    objects: dict[str, ObjectAccess] = {}
    for entry in node.all("objectPermissions"):
        target = entry.value("object")
        if target:
            objects[target.lower()] = ObjectAccess(
                read=bool(entry.flag("allowRead")), create=bool(entry.flag("allowCreate")),
                edit=bool(entry.flag("allowEdit")), view_all=bool(entry.flag("viewAllRecords")),
                modify_all=bool(entry.flag("modifyAllRecords")), place=Place(file, entry.line),
            )  # fmt: skip
    system: dict[str, tuple[bool, Place]] = {}
    for entry in node.all("userPermissions"):
        permission = entry.value("name")
        if permission:
            system[permission.lower()] = (bool(entry.flag("enabled")), Place(file, entry.line))
    return Holder(kind, name, Place(file, node.line), fields, objects, system)


def conversion(node: Node, file: str) -> tuple[ConversionMapping, ...]:
    """The ``objectMapping`` entries of a ``LeadConvertSettings`` root element."""
    found = []
    for mapping in node.all("objectMapping"):
        target = mapping.value("outputObject") or ""
        for pair in mapping.all("mappingFields"):
            source, output = pair.value("inputField"), pair.value("outputField")
            if source and output:
                found.append(ConversionMapping(source, target, output, Place(file, pair.line)))
    return tuple(found)
