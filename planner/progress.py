"""A progress line on standard error for long runs on a terminal (never when piped or quiet).

The core reports progress through a plain callback, ``progress(done, total)``, and never prints;
the CLI turns it into one self-erasing line that appears only after about a second, so short runs
and every pipe, file and CI log stay exactly as they were.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Callable, Optional, TextIO

from planner import i18n

ProgressCallback = Callable[[int, int], None]
"""Called with the units of work done so far and the total (files, business units)."""

DELAY = 1.0
"""Seconds before the line appears: runs shorter than this never show it."""
_INTERVAL = 0.1


class ProgressLine:
    """Writes ``label done/total`` over itself on ``stream``, after ``delay`` seconds."""

    def __init__(
        self,
        label: str,
        stream: TextIO,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.delay = delay
        self.shown = False
        self._last = float("-inf")

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < self.delay or (now - self._last < _INTERVAL and done < total):
            return
        self._last = now
        self.stream.write(f"\r{self.label} {done}/{total}\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Erase the line, so what follows starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def wanted(stream: TextIO, quiet: bool, environ: Mapping[str, str]) -> bool:
    """True on an interactive terminal, without ``--quiet``, outside CI and dumb terminals."""
    if quiet or environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress_line(
    stage: str, stream: TextIO, lang: Optional[str], quiet: bool, environ: Mapping[str, str]
) -> Iterator[Optional[ProgressCallback]]:
    """A callback for ``stage`` (``lint`` or ``compare``), or None when no line is wanted."""
    if not wanted(stream, quiet, environ):
        yield None
        return
    line = ProgressLine(i18n.fill(f"progress.{stage}", lang or i18n.DEFAULT_LANGUAGE), stream)
    try:
        yield line
    finally:
        line.close()
