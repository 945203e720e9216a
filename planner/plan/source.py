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
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, _encoding_problem(raw, error.start, "UTF-8")
    if _binary_at(raw, decoded=True) is not None:  # ASCII-only binary data (an ELF header)
        return None, _encoding_problem(raw, 0, "UTF-8")
    return text, None


def _encoding_problem(raw: bytes, offset: int, encoding: str) -> Problem:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    detail = f"byte 0x{raw[offset]:02x} is not valid {encoding}"
    params = {"detail": detail, "encoding": encoding, "byte": f"0x{raw[offset]:02x}"}
    binary = _binary_at(raw)
    if binary is not None:
        # an executable, an image, a zip: no encoding makes it a plan, so none is named
        before = raw[:binary]
        line, column = before.count(b"\n") + 1, binary - (before.rfind(b"\n") + 1) + 1
        params = {"reason": "binary", "byte": f"0x{raw[binary]:02x}"}
    elif encoding == "UTF-8" and is_shift_jis(raw):
        params.update(reason="shift_jis", shift_jis="1")
    return Problem("AE001", "", Position(line, column), params)


# Bytes no text file holds (NUL and the C0 controls other than tab, newlines, form feed, escape).
_BINARY_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_BINARY_DELETE = bytes(sorted(_BINARY_BYTES))
_BINARY_SCAN = 8192


def _binary_at(raw: bytes, *, decoded: bool = False) -> Optional[int]:
    """The offset of the first binary byte when ``raw`` is not text at all, else None: control
    bytes in more than 1 of 20 of its first 8 KiB, or (when it did not decode) any NUL. A text
    file with one stray control character is left to the control-character message."""
    head = raw[:_BINARY_SCAN]
    controls = len(head) - len(head.translate(None, _BINARY_DELETE))  # C speed: most plans
    if not controls or ((decoded or 0 not in head) and controls * 20 <= len(head)):
        return None
    return next(offset for offset, byte in enumerate(head) if byte in _BINARY_BYTES)


def is_shift_jis(raw: bytes) -> bool:
    """True when bytes that are not UTF-8 decode as CP932 (Shift_JIS from Japanese Windows and
    Excel) into mostly Japanese text: kana or kanji, not the stray symbols random bytes give."""
    if _binary_at(raw) is not None:
        return False
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if ord(char) > 0x7F]
    japanese = sum(
        1 for char in wide if "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
    )
    return bool(wide) and japanese >= 0.8 * len(wide)
