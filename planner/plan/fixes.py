"""Text edits that fix findings, made at the positions the loader recorded, and applied safely.

An edit only replaces the characters of one scalar (or one key), so comments, layout and quoting
elsewhere stay byte-identical. Every edit is checked before it is offered: the text it replaces
must read back (as YAML) as exactly the value the loader saw, and the replacement must read as
the value it promises.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any, Optional

import yaml

from planner import pointers
from planner.findings import Edit
from planner.plan.source import LoadedPlan, Position

_FLOW_ENDS = ",]}"
MAX_TOKEN = 400
"""Longest value an edit replaces; longer ones (and hostile 1 MB lines) are left alone."""
MAX_CANDIDATES = 24


def value_edit(
    loaded: LoadedPlan, pointer: str, given: Any, replacement: str, *, safe: bool
) -> Optional[Edit]:
    """Replace the scalar at ``pointer`` (which the loader read as ``given``) by ``replacement``."""
    start = loaded.values.get(pointer)
    if start is None:
        return None
    return _scalar_edit(loaded.text, start, given, replacement, safe)


def key_edit(loaded: LoadedPlan, pointer: str, new_key: str, *, safe: bool) -> Optional[Edit]:
    """Rename the key at ``pointer`` to ``new_key`` (unless a sibling already has that name)."""
    start = loaded.keys.get(pointer)
    parent = pointers.parent(pointer)
    if start is None or pointers.join(parent, new_key) in loaded.keys:
        return None
    return _scalar_edit(loaded.text, start, pointers.split(pointer)[-1], new_key, safe)


def version_edit(loaded: LoadedPlan) -> Optional[Edit]:
    """Insert ``aeplan: 1`` above the first top-level key of a block mapping."""
    firsts = [position for pointer, position in loaded.keys.items() if pointer.count("/") == 1]
    if not firsts:
        return None
    first = min(firsts)
    if first.column != 1:
        return None
    return Edit(first.line, 1, first.line, 1, "aeplan: 1\n", safe=True)


def _scalar_edit(
    text: str, start: Position, given: Any, replacement: str, safe: bool
) -> Optional[Edit]:
    lines = text.split("\n")
    if not 0 < start.line <= len(lines):
        return None
    rest = lines[start.line - 1][start.column - 1 :][:MAX_TOKEN].rstrip("\r")
    token = _token(rest, given)
    if token is None or _read(replacement) is _UNREADABLE:
        return None
    end = start.column + len(token)
    return Edit(start.line, start.column, start.line, end, replacement, safe)


_UNREADABLE = object()


def _read(token: str) -> Any:
    try:
        return yaml.safe_load(token)
    except yaml.YAMLError:
        return _UNREADABLE


def _token(rest: str, given: Any) -> Optional[str]:
    """The text at the start of ``rest`` that YAML reads as ``given`` (one line, no comment)."""
    if rest[:1] in ("'", '"'):
        candidates = [rest[: end + 1] for end in range(1, len(rest)) if rest[end] == rest[0]]
    else:
        plain = rest.split(" #", 1)[0].rstrip()
        candidates = [plain] + [plain[:index].rstrip() for index, char in enumerate(plain)
                                if char in _FLOW_ENDS]  # fmt: skip
        candidates.extend(plain[:index] for index, char in enumerate(plain) if char == ":")
    for candidate in candidates[:MAX_CANDIDATES]:
        if candidate and _same(_read(candidate), given):
            return candidate
    return None


def _same(read: Any, given: Any) -> bool:
    return type(read) is type(given) and read == given


def applicable(edits: Iterable[Optional[Edit]], unsafe: bool) -> list[Edit]:
    """The edits to apply: safe ones (and unsafe ones when asked), no two overlapping."""
    chosen: list[Edit] = []
    for edit in sorted({e for e in edits if e is not None and (e.safe or unsafe)}, key=_span):
        if chosen and _span(edit)[:2] < _span(chosen[-1])[2:]:
            continue  # overlaps the previous edit: the next pass will see it again
        chosen.append(edit)
    return chosen


def _span(edit: Edit) -> tuple[int, int, int, int]:
    return (edit.line, edit.column, edit.end_line, edit.end_column)


def apply(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied (from the end, so offsets stay valid)."""
    starts = _line_starts(text)
    result = text
    for edit in sorted(edits, key=_span, reverse=True):
        begin = starts[edit.line - 1] + edit.column - 1
        end = starts[edit.end_line - 1] + edit.end_column - 1
        result = result[:begin] + edit.replacement + result[end:]
    return result


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff of one file (``a/name`` → ``b/name``), or ``""`` when nothing changed."""
    if before == after:
        return ""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{name}", tofile=f"b/{name}",
    )  # fmt: skip
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)  # fmt: skip
