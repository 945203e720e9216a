"""Where a finding is, as CI tools want it: cwd-relative paths and stable fingerprints."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Optional
from urllib.parse import quote

from planner.findings import Finding

FINGERPRINT_VERSION = "aeplan/v1"


def relative_path(file: str, start: Optional[str] = None) -> str:
    """``file`` relative to ``start`` (default: the working directory), with forward slashes.

    A file outside ``start`` (or on another drive) keeps its absolute path.
    """
    base = os.path.abspath(start if start is not None else os.getcwd())
    absolute = os.path.abspath(file)
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:
        return Path(absolute).as_posix()
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return Path(absolute).as_posix()
    return PurePosixPath(Path(relative).as_posix()).as_posix()


def is_relative(path: str) -> bool:
    """True for a path :func:`relative_path` could make relative to the working directory."""
    return not (path.startswith("/") or (len(path) > 1 and path[1] == ":"))


def artifact_uri(path: str) -> str:
    """A percent-encoded URI reference for a :func:`relative_path` (absolute: a file URI)."""
    if is_relative(path):
        return quote(path, safe="/")
    return Path(path).as_uri()


def fingerprint(finding: Finding, start: Optional[str] = None) -> str:
    """sha256 hex of code, pointer and relative path: it survives edits above the finding.

    Baselines match findings with their own key (:func:`planner.lint.baseline.fingerprint`), whose
    paths are relative to the baseline file rather than to the working directory.
    """
    key = "\0".join((finding.code, finding.pointer, relative_path(finding.file, start)))
    import hashlib  # here: the text format, which most runs use, needs no fingerprint

    return hashlib.sha256(key.encode("utf-8")).hexdigest()
