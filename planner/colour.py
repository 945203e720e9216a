"""Colour for the text output: on a terminal, off when piped, ``NO_COLOR`` and ``--color`` honoured.

Colour is carried by the stream: :class:`Coloured` wraps the output stream, and a reporter asks
:func:`paint` to style a piece of text, which is a no-op on any other stream. Styles are ANSI SGR
sequences (ECMA-48); the text inside is always escaped before it is painted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Optional, TextIO

_SGR = re.compile(r"\x1b\[[0-9;]*m")

_STYLES = {
    "error": "1;31",
    "warning": "1;33",
    "info": "1;36",
    "code": "1",
    "caret": "1;31",
    "path": "1",
    "fix": "32",
    "dim": "2",
}


class Coloured:
    """A text stream whose writer may colour what it writes (everything else is passed through)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` to the wrapped stream.

        Over the CLI's terminal-escaping stream (anything with ``escaped`` and ``inner``), the
        colour codes :func:`paint` made (SGR only: ``ESC [ … m``) go to the terminal as they are and
        everything else is escaped as usual, so a plan can still put no other control sequence
        (title, clipboard, cursor, bidi) on the screen.
        """
        escaped = getattr(self._stream, "escaped", None)
        inner = getattr(self._stream, "inner", None)
        if escaped is None or inner is None:
            return self._stream.write(text)
        pieces, start = [], 0
        for match in _SGR.finditer(text):
            pieces += [escaped(text[start : match.start()]), match.group(0)]
            start = match.end()
        pieces.append(escaped(text[start:]))
        inner.write("".join(pieces))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def wants_colour(choice: str, stream: Optional[TextIO], environ: Mapping[str, str]) -> bool:
    """``always``/``never`` as given; ``auto``: a terminal, ``NO_COLOR`` unset, TERM not dumb.

    ``stream`` None means the output goes to a file, which ``auto`` never colours. The
    NO_COLOR convention (https://no-color.org) lets a command-line flag override it.
    """
    if choice != "auto":
        return choice == "always"
    if stream is None or environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(stream: Any, style: str, text: str) -> str:
    """``text`` in ``style`` when ``stream`` is :class:`Coloured`, else unchanged."""
    if not isinstance(stream, Coloured) or not text:
        return text
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"
