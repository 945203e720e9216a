"""Path patterns for ``exclude`` and ``per-file-ignores``, matched like ruff's and gitignore's."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Optional


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    """A regex for one glob: ``**`` spans folders, ``*`` and ``?`` stay inside one name."""
    out = ""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out += "(?:[^/]+/)*"
            index += 3
            continue
        if pattern.startswith("**", index):
            out += ".*"
            index += 2
            continue
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[" and "]" in pattern[index + 2 :]:
            end = pattern.index("]", index + 2)
            body = pattern[index + 1 : end].replace("\\", "\\\\")
            out += "[" + ("^" + body[1:] if body.startswith("!") else body) + "]"
            index = end
        else:
            out += re.escape(char)
        index += 1
    return re.compile(out + r"\Z")


def relative_parts(path: Path, root: Path) -> Optional[tuple[str, ...]]:
    """The parts of ``path`` below ``root`` (both made absolute), or None when it is outside."""
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return absolute.relative_to(Path(os.path.normpath(root.absolute()))).parts
    except ValueError:
        return None


def matches(pattern: str, path: Path, root: Path) -> bool:
    """True when ``path`` or one of its folders matches ``pattern``.

    A pattern without ``/`` matches any single file or folder name (``legacy``, ``*.draft.yaml``);
    a pattern with ``/`` matches the path relative to ``root`` (``plans/old/*.yaml``, ``**/tmp``).
    """
    pattern = pattern.strip().rstrip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    parts = relative_parts(path, root)
    if "/" not in pattern:
        names = parts if parts is not None else path.parts
        return any(_compile(pattern).match(name) for name in names)
    if parts is None:
        return False
    regex = _compile(pattern.lstrip("/"))
    return any(regex.match("/".join(parts[:end])) for end in range(1, len(parts) + 1))


def matches_any(patterns: Sequence[str], path: Path, root: Path) -> bool:
    """True when any of ``patterns`` matches ``path``."""
    return any(matches(pattern, path, root) for pattern in patterns)
