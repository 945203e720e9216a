"""Read only the metadata files a plan needs, each at most once per run.

A source-format object folder is listed (``fields/*.field-meta.xml`` names every field) but only the
files of the fields the plan names are parsed; a Metadata API ``.object`` file is parsed whole.
Profiles and permission sets are read only for the connector users the plan names.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from planner.metadata import parsing
from planner.metadata.documents import MetadataFileError, Node, read_document
from planner.metadata.org import (
    ConversionMapping,
    FieldInfo,
    Holder,
    HolderKind,
    ObjectInfo,
    OrgMetadata,
    Place,
    Problem,
    RecordTypeInfo,
)
from planner.metadata.source import Source

FIELD_SUFFIX = ".field-meta.xml"
RECORD_TYPE_SUFFIX = ".recordType-meta.xml"
_HOLDER_FOLDERS = {"profile": "profiles", "permission_set": "permissionsets"}
_HOLDER_SUFFIXES = {
    "profile": (".profile-meta.xml", ".profile"),
    "permission_set": (".permissionset-meta.xml", ".permissionset"),
}


@dataclass(frozen=True)
class Needs:
    """What a plan asks of the metadata: fields by object, connector users' permission holders."""

    fields: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Lower-cased object name to lower-cased field names (an object with no fields: still read)."""
    holders: frozenset[tuple[HolderKind, str]] = frozenset()
    lead_conversion: bool = False


class Reader:
    """Reads one metadata source; parsed files are kept, so several plans share the work."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self._documents: dict[Path, Union[Node, MetadataFileError]] = {}
        self._listings: dict[Path, dict[str, Path]] = {}

    def read(self, needs: Needs) -> OrgMetadata:
        """The metadata the plan needs; unreadable files become :class:`Problem` entries."""
        problems: list[Problem] = []
        objects = {}
        for name in sorted(needs.fields):
            found = self._object(name, needs.fields[name], problems)
            if found is not None:
                objects[name] = found
        holders: dict[tuple[str, str], Holder] = {}
        for kind, name in sorted(needs.holders):
            holder = self._holder(kind, name, problems)
            if holder is not None:
                holders[(kind, name.lower())] = holder
        conversion = self._conversion(problems) if needs.lead_conversion else None
        unique = tuple(dict.fromkeys(problems))
        return OrgMetadata(self.source.shown, objects, holders, conversion, unique)

    def _document(self, path: Path, problems: list[Problem]) -> Optional[Node]:
        if path not in self._documents:
            try:
                if not self.source.inside(path):
                    raise MetadataFileError("outside")
                self._documents[path] = read_document(path)
            except MetadataFileError as error:
                self._documents[path] = error
        document = self._documents[path]
        if isinstance(document, MetadataFileError):
            place = Place(self.source.label(path), document.line)
            problems.append(Problem(place, document.reason, document.detail))
            return None
        return document

    def _listing(self, folder: Path) -> dict[str, Path]:
        """The entries of a folder by lower-cased name (links are listed, not followed)."""
        if folder not in self._listings:
            try:
                entries = {entry.name.lower(): Path(entry.path) for entry in os.scandir(folder)}
            except OSError:
                entries = {}
            self._listings[folder] = dict(sorted(entries.items()))
        return self._listings[folder]

    def _object(
        self, name: str, wanted: Iterable[str], problems: list[Problem]
    ) -> Optional[ObjectInfo]:
        for folder in self.source.of("objects"):
            listing = self._listing(folder)
            if self.source.kind == "mdapi" and f"{name}.object" in listing:
                return self._object_file(listing[f"{name}.object"], problems)
            if name in listing and listing[name].is_dir():
                return self._object_folder(listing[name], frozenset(wanted), problems)
        return None

    def _object_file(self, path: Path, problems: list[Problem]) -> Optional[ObjectInfo]:
        """A Metadata API ``Object.object`` file with fields and record types inline."""
        document = self._document(path, problems)
        label = self.source.label(path)
        object_name = path.name[: -len(".object")]
        if document is None:
            return None
        fields = {}
        for node in document.all("fields"):
            info = parsing.field_info(node, object_name, label)
            if info.name:
                fields[info.name.lower()] = info
        types = tuple(
            parsing.record_type(node, object_name, label) for node in document.all("recordTypes")
        )
        names = {key: info.name for key, info in sorted(fields.items())}
        return ObjectInfo(
            object_name, Place(label, document.line), fields, names, types,
            document.flag("enableHistory"),
        )  # fmt: skip

    def _object_folder(
        self, folder: Path, wanted: frozenset[str], problems: list[Problem]
    ) -> ObjectInfo:
        """A source-format ``objects/<Object>/`` folder."""
        object_name = folder.name
        listing = self._listing(folder)
        history = None
        own = listing.get(f"{object_name.lower()}.object-meta.xml")
        if own is not None:
            document = self._document(own, problems)
            history = document.flag("enableHistory") if document is not None else None
        field_files = self._suffixed(listing.get("fields"), FIELD_SUFFIX)
        names = {key: spelled for key, (spelled, _) in field_files.items()}
        fields: dict[str, FieldInfo] = {}
        for key in sorted(wanted & set(field_files)):
            spelled, path = field_files[key]
            document = self._document(path, problems)
            if document is not None:
                label = self.source.label(path)
                fields[key] = parsing.field_info(document, object_name, label, spelled)
        types: list[RecordTypeInfo] = []
        for spelled, path in self._suffixed(
            listing.get("recordtypes"), RECORD_TYPE_SUFFIX
        ).values():
            document = self._document(path, problems)
            if document is not None:
                label = self.source.label(path)
                types.append(parsing.record_type(document, object_name, label, spelled))
        return ObjectInfo(
            object_name, Place(self.source.label(folder)), fields, names, tuple(types), history
        )

    def _suffixed(self, folder: Optional[Path], suffix: str) -> dict[str, tuple[str, Path]]:
        """Files in ``folder`` ending in ``suffix``: lower-cased stem to (stem, path)."""
        if folder is None:
            return {}
        found = {}
        for path in self._listing(folder).values():
            if path.name.lower().endswith(suffix.lower()):
                stem = path.name[: -len(suffix)]
                found[stem.lower()] = (stem, path)
        return found

    def _holder(self, kind: HolderKind, name: str, problems: list[Problem]) -> Optional[Holder]:
        wanted = {name.lower(), name.lower().replace(" ", "_")}
        for folder in self.source.of(_HOLDER_FOLDERS[kind]):
            for path in self._listing(folder).values():
                lowered = path.name.lower()
                for suffix in _HOLDER_SUFFIXES[kind]:
                    if lowered.endswith(suffix) and lowered[: -len(suffix)] in wanted:
                        document = self._document(path, problems)
                        if document is None:
                            return None
                        return parsing.holder(document, kind, name, self.source.label(path))
        return None

    def _conversion(self, problems: list[Problem]) -> Optional[tuple[ConversionMapping, ...]]:
        for folder in self.source.of("leadconvertsettings"):
            for path in self._listing(folder).values():
                if "leadconvertsetting" in path.name.lower():
                    document = self._document(path, problems)
                    if document is not None:
                        return parsing.conversion(document, self.source.label(path))
        return None
