"""Read a plan's bytes into plain data that never loses a value's line and column."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional

from planner import pointers
from planner.findings import Edit


class Position(NamedTuple):
    """A 1-based line and column in the plan's text."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """A structural problem the loader found, before any rule ran."""

    code: str
    pointer: str
    position: Position
    params: dict[str, str]
    edit: Optional[Edit] = None


@dataclass
class LoadedPlan:
    """Plain data plus where each value and key stands in the text."""

    text: str
    data: Any = None
    values: dict[str, Position] = field(default_factory=dict)
    keys: dict[str, Position] = field(default_factory=dict)
    bool_words: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    secret_pointers: Optional[tuple[str, ...]] = field(
        default=None, init=False, repr=False, compare=False
    )
    """Where the data's secrets are, once :func:`planner.plan.secrets.found_in` has looked."""

    def position(self, pointer: str, *, prefer_key: bool = True) -> Position:
        """Where a pointer stands; a pointer that is absent falls back to its nearest ancestor."""
        for candidate in pointers.ancestors(pointer):
            if prefer_key and candidate in self.keys:
                return self.keys[candidate]
            if candidate in self.values:
                return self.values[candidate]
            if candidate in self.keys:
                return self.keys[candidate]
        return Position(1, 1)


def decode(raw: bytes) -> tuple[Optional[str], Optional[Problem]]:
    """Decode plan bytes (UTF-8, with or without BOM, or UTF-16 with BOM) into text."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as error:
            return None, _encoding_problem(raw, error.start, "UTF-16")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, _encoding_problem(raw, error.start, "UTF-8")


def _encoding_problem(raw: bytes, offset: int, encoding: str) -> Problem:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    detail = f"byte 0x{raw[offset]:02x} is not valid {encoding}"
    params = {"detail": detail, "encoding": encoding, "byte": f"0x{raw[offset]:02x}"}
    if encoding == "UTF-8" and is_shift_jis(raw):
        params.update(reason="shift_jis", shift_jis="1")
    return Problem("AE001", "", Position(line, column), params)


def is_shift_jis(raw: bytes) -> bool:
    """True when bytes that are not UTF-8 decode as CP932 (Shift_JIS from Japanese Windows and
    Excel) into mostly Japanese text: kana or kanji, not the stray symbols random bytes give."""
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if ord(char) > 0x7F]
    japanese = sum(
        1 for char in wide if "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
    )
    return bool(wide) and japanese >= 0.8 * len(wide)
