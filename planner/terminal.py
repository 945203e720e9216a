"""Showing untrusted text on a terminal: harmless control characters and aligned carets."""

from __future__ import annotations

import io
import re
from typing import TextIO

# C0 and C1 controls (ESC starts ANSI/OSC sequences: colours, titles, OSC 52 clipboard writes),
# DEL, and the bidi controls that reorder what a reader sees (Trojan Source): U+061C ARABIC
# LETTER MARK, U+200E/U+200F, U+202A-U+202E, U+2066-U+2069; U+2028/U+2029 break lines.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
# What a whole output stream may not carry raw: the same, plus TAB/CR (LF is the line break).
_UNSAFE_IN_STREAM = re.compile(f"[\\x00-\\x08\\x0b-\\x0c\\x0d-\\x1f\\x7f-\\x9f{_BIDI}]")


def printable(text: str) -> str:
    """Text with control, ANSI escape and bidi characters shown as ``\\xNN`` / ``\\uNNNN``."""
    if text.isprintable():  # no Cc, Cf, Zl or Zp character: nothing below would change it
        return text
    text = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return _UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escaped(match: re.Match[str]) -> str:
    # \uNNNN reads the same in JSON (a valid escape), YAML double quotes, Markdown and HTML
    return f"\\u{ord(match.group(0)):04x}"


def width(text: str) -> int:
    """Terminal cells ``text`` takes: wide East Asian characters 2, combining marks 0 (wcwidth)."""
    if text.isascii():
        return len(text)
    from wcwidth import wcwidth  # here: most text is ASCII, and wcwidth is dear to import

    return sum(max(wcwidth(char), 0) for char in text)


class SafeStream(io.TextIOBase):
    """A text stream that passes everything to ``inner`` with raw control characters escaped.

    Every command's standard output and error go through one (installed by the CLI boundary),
    so no format can put ESC, BEL, CR or a bidi control from a plan, file name or configuration
    on a terminal; each shows as ``\\uNNNN``. Line feeds and TABs pass unchanged.
    """

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(self.escaped(text))
        return len(text)

    def escaped(self, text: str) -> str:
        """``text`` as this stream writes it: raw control characters as ``\\uNNNN``."""
        return _UNSAFE_IN_STREAM.sub(_json_escaped, text)

    def flush(self) -> None:
        self.inner.flush()

    def fileno(self) -> int:
        return self.inner.fileno()

    def isatty(self) -> bool:
        return self.inner.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8") or "utf-8"
