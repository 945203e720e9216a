"""JSON pointers (RFC 6901): the one way every stage names a place in a plan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

Segment = Union[str, int]

# RFC 6901 section 4: an array index is `0` or ASCII digits without a leading zero (`[0-9]` is
# ASCII-only in `re`; str.isdigit() would take `²` and `١`). Section 3: `~` is only `~0` or `~1`.
_INDEX = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_BAD_ESCAPE = re.compile(r"~(?![01])")


def is_index(segment: str) -> bool:
    """True for an RFC 6901 array index (``0``, ``12``; not ``01``, ``-`` or ``²``)."""
    return _INDEX.match(segment) is not None


def problem(pointer: str) -> Optional[str]:
    """Why ``pointer`` is not an RFC 6901 JSON pointer (``relative``, ``escape``), or None."""
    if pointer and not pointer.startswith("/"):
        return "relative"
    if _BAD_ESCAPE.search(pointer):
        return "escape"
    return None


def escape(segment: Segment) -> str:
    """Escape one segment: ``~`` becomes ``~0`` and ``/`` becomes ``~1``."""
    text = str(segment)
    if "~" in text or "/" in text:
        return text.replace("~", "~0").replace("/", "~1")
    return text


def join(pointer: str, *segments: Segment) -> str:
    """Append segments to a pointer: ``join('/a', 0, 'b') == '/a/0/b'``."""
    if len(segments) == 1:  # the hot path while loading: one key or index at a time
        return f"{pointer}/{escape(segments[0])}"
    return pointer + "".join("/" + escape(segment) for segment in segments)


def from_segments(segments: Iterable[Segment]) -> str:
    """Build a pointer from its segments."""
    return join("", *segments)


def split(pointer: str) -> list[str]:
    """The unescaped segments of a pointer (``''`` is the root and has none)."""
    if not pointer:
        return []
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    """The pointer one level up (the root is its own parent)."""
    return pointer.rsplit("/", 1)[0] if pointer else ""


def ancestors(pointer: str) -> Iterator[str]:
    """The pointer itself, then each ancestor up to and including the root."""
    while True:
        yield pointer
        if not pointer:
            return
        pointer = parent(pointer)


def resolve(document: Any, pointer: str) -> tuple[bool, Any]:
    """Look a pointer up in plain data: ``(True, value)`` or ``(False, None)`` when absent.

    Evaluation follows RFC 6901 section 4: ``-`` and indexes that are not ASCII digits without
    a leading zero name no array element.
    """
    current = document
    for part in split(pointer):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and is_index(part) and int(part) < len(current):
            current = current[int(part)]
        else:
            return False, None
    return True, current
