"""The metadata each plan is checked against: the command line's source, else the plan's own."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # imported when a plan names metadata, so plain lint start-up stays lean
    from planner.metadata.org import OrgMetadata
    from planner.metadata.reading import Reader


class MetadataSession:
    """Locates and reads metadata sources for any number of plans, each source once."""

    def __init__(self, given: Optional[Path] = None, cwd: Optional[Path] = None) -> None:
        self.given = given
        """The source from the command line or configuration (wins over the plan's)."""
        self.cwd = (cwd or Path.cwd()).absolute()
        self._readers: dict[tuple[Path, bool], Reader | OrgMetadata] = {}

    def source_for(self, data: Mapping[str, Any], plan_file: str) -> Optional[Path]:
        """The metadata folder in force for a plan, or None when there is none."""
        if self.given is not None:
            return self.given
        declared = (data.get("salesforce") or {}).get("metadata")
        if not isinstance(declared, str) or not declared:
            return None
        return Path(plan_file).parent / declared

    def read_for(self, data: Mapping[str, Any], plan_file: str) -> Optional[OrgMetadata]:
        """What the plan needs of its metadata; None when it names none."""
        folder = self.source_for(data, plan_file)
        if folder is None:
            return None
        from planner.metadata.documents import MetadataFileError
        from planner.metadata.needs import needs_of
        from planner.metadata.org import OrgMetadata, Place, Problem
        from planner.metadata.reading import Reader
        from planner.metadata.source import locate

        folder_key = folder.absolute()
        # Metadata files are named the way the plan is: absolute for a plan given by an absolute
        # path, else relative to the working folder, so ``see:`` lines match the finding's path.
        absolute = Path(plan_file).is_absolute()
        key = (folder_key, absolute)
        if key not in self._readers:
            shown = _shown(folder_key, self.cwd, absolute)
            try:
                if self.given is None and not _within(folder_key, self.cwd):
                    # A plan is untrusted input: it may not send aeplan reading elsewhere.
                    raise MetadataFileError("outside_cwd")
                self._readers[key] = Reader(locate(folder, shown))
            except MetadataFileError as error:
                problem = Problem(Place(shown), error.reason, error.detail)
                self._readers[key] = OrgMetadata(shown, problems=(problem,))
        reader = self._readers[key]
        if isinstance(reader, OrgMetadata):
            return reader
        return reader.read(needs_of(data))


def _within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _shown(path: Path, cwd: Path, absolute: bool = False) -> str:
    if absolute:
        return Path(os.path.normpath(path)).as_posix()
    try:
        return Path(os.path.relpath(path, cwd)).as_posix()
    except ValueError:  # pragma: no cover - another drive on Windows
        return path.as_posix()
