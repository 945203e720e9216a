"""Where the org's metadata is: a Salesforce DX project, a source folder, or a Metadata API folder.

A DX project is a folder with ``sfdx-project.json``; every ``packageDirectories[].path`` is read
(source format). A Metadata API retrieve folder has ``package.xml``. Any other folder is taken as a
source-format folder itself (``force-app`` or ``force-app/main/default``). Folders are listed, never
followed through symbolic links, so a link loop cannot make the walk endless.

The search is bounded: the folder itself, its ``packageDirectories``, or a ``package.xml`` root.
A plain folder that holds other DX projects or Metadata API folders (``--metadata /tmp``, or a
folder with two projects side by side) is refused with their names, never merged silently.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional

from planner.errors import PlannerError, Said, os_reason, said
from planner.metadata.documents import MetadataFileError

Kind = Literal["source", "mdapi"]
MAX_FOLDERS = 200_000
"""A bound on the folders one walk visits (real projects hold a few thousand)."""

# Folders whose content is looked up by name, so the walk need not enter them.
_KNOWN = {
    "objects": "objects", "profiles": "profiles", "permissionsets": "permissionsets",
    "leadconvertsettings": "leadconvertsettings", "settings": "settings",
}  # fmt: skip


@dataclass(frozen=True)
class Source:
    """A located metadata tree: its root, its format and the folders holding each metadata type."""

    root: Path
    kind: Kind
    shown: str
    """How findings name the root (as the user gave it, relative where possible)."""
    folders: dict[str, tuple[Path, ...]] = field(default_factory=dict)

    def of(self, kind: str) -> tuple[Path, ...]:
        """The folders holding metadata of ``kind`` (``objects``, ``profiles``, …)."""
        return self.folders.get(kind, ())

    def label(self, path: Path) -> str:
        """How findings name a file below the root: the root as shown plus the relative path."""
        try:
            relative = path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
        return f"{self.shown.rstrip('/')}/{relative}" if self.shown not in ("", ".") else relative

    def inside(self, path: Path) -> bool:
        """True when ``path`` (after following links) stays below the root."""
        try:
            path.resolve().relative_to(self.root.resolve())
        except (ValueError, OSError, RuntimeError):
            return False
        return True


def locate(path: Path, shown: Optional[str] = None) -> Source:
    """The metadata source at ``path``; a missing or unusable folder is a MetadataFileError."""
    name = shown if shown is not None else path.as_posix()
    if not path.is_dir():
        raise MetadataFileError("not_folder" if path.exists() else "not_found")
    if (path / "package.xml").is_file():
        return Source(path, "mdapi", name, _folders([path])[0])
    project = path / "sfdx-project.json"
    plain = not project.is_file()
    roots = [path] if plain else _package_directories(path, project)
    folders, projects = _folders(roots, plain)
    if projects:
        raise MetadataFileError("several_projects", 0, ", ".join(_named(name, path, projects)))
    if not folders:
        raise MetadataFileError("no_metadata")
    return Source(path, "source", name, folders)


def check_folder(
    path: Path, where: str, shown: str, file: Optional[str] = None, line: int = 0
) -> None:
    """Refuse (PlannerError, exit 2) a metadata source given on the command line or in configuration
    that is missing, a file, or a plain folder holding several projects (the walk stops at them)."""
    if not path.is_dir():
        key = "file.metadata_not_folder" if path.exists() else "file.metadata_missing"
        raise PlannerError.keyed(key, where=where, path=shown, file=file, line=line)
    if _is_project(path):
        return
    projects = _folders([path], plain=True)[1]
    if projects:
        found_names = _named(shown, path, projects)
        names = Said(", ".join(found_names), "、".join(found_names))
        raise PlannerError.keyed(
            "file.metadata_projects", where=where, path=shown, projects=names, file=file, line=line
        )


def _package_directories(root: Path, project: Path) -> list[Path]:
    try:
        if project.stat().st_size > 1024 * 1024:
            raise MetadataFileError("too_large")
        document = json.loads(project.read_text(encoding="utf-8"))
    except OSError as error:
        raise MetadataFileError("bad_project", 0, os_reason(error)[0]) from None
    except UnicodeDecodeError:
        raise MetadataFileError("bad_project", 0, said("reason.not_utf8")) from None
    except (ValueError, RecursionError):
        raise MetadataFileError("bad_project", 0, said("metadata.project.not_json")) from None
    entries = document.get("packageDirectories") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise MetadataFileError("bad_project", 0, said("metadata.project.no_directories"))
    found = []
    for entry in entries:
        given = entry.get("path") if isinstance(entry, dict) else None
        if isinstance(given, str) and given:
            candidate = root / given
            if candidate.is_dir() and _below(candidate, root):
                found.append(candidate)
    return found


def _below(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _joined(shown: str, relative: Path) -> str:
    if shown in ("", "."):
        return relative.as_posix()
    return f"{shown.rstrip('/')}/{relative.as_posix()}"


SHOWN_PROJECTS = 5
"""How many nested projects an error names (``--metadata /tmp`` may hold many)."""


def _named(shown: str, root: Path, projects: list[Path]) -> list[str]:
    """The nested projects as the user would type them, the first few then ``…``."""
    names = [_joined(shown, found.relative_to(root)) for found in projects[:SHOWN_PROJECTS]]
    return [*names, "…"] if len(projects) > SHOWN_PROJECTS else names


def _is_project(folder: Path) -> bool:
    return (folder / "sfdx-project.json").is_file() or (folder / "package.xml").is_file()


_SKIPPED = frozenset({"node_modules", "__pycache__"})
"""Folders that never hold org metadata (hidden folders are skipped too)."""


def _folders(
    roots: list[Path], plain: bool = False
) -> tuple[dict[str, tuple[Path, ...]], list[Path]]:
    """Walk the roots (links not followed) and note each known metadata folder.

    When ``plain`` (a folder that is neither a DX project nor a Metadata API folder), a subfolder
    that is itself a project is noted as such and not entered, so its files are never merged in.
    """
    found: dict[str, list[Path]] = {}
    projects: list[Path] = []
    visited = 0
    pending = list(roots)
    while pending:
        folder = pending.pop()
        visited += 1
        if visited > MAX_FOLDERS:
            break
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if not entry.is_dir(follow_symlinks=False):
                continue
            kind = _KNOWN.get(entry.name.lower())
            if kind is not None:
                found.setdefault(kind, []).append(Path(entry.path))
            elif not entry.name.startswith(".") and entry.name not in _SKIPPED:
                if plain and _is_project(Path(entry.path)):
                    projects.append(Path(entry.path))
                else:
                    pending.append(Path(entry.path))
    folders = {kind: tuple(sorted(paths)) for kind, paths in sorted(found.items())}
    return folders, sorted(projects)
