"""Reading untrusted files: regular files only, bounded by the bytes actually read."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Union

from planner.errors import PlannerError, os_reason
from planner.i18n import fill

#: The limit for configuration, baseline and organisation rule files (the same as a plan's).
DEFAULT_MAX_BYTES = 16 * 1024 * 1024

_CHUNK = 1024 * 1024


class TooLarge(Exception):
    """The file holds more than the limit; raised before more than ``limit + 1`` bytes are read."""


def read_bytes(path: Union[str, Path], limit: int = DEFAULT_MAX_BYTES) -> bytes:
    """At most ``limit`` bytes of the regular file at ``path`` (symlinks followed to their target).

    FIFOs, devices, sockets and pipes report size 0 to ``stat()``; they are refused before any
    read (the open never blocks: ``O_NONBLOCK``), and the limit counts the bytes really read, so
    a file that grows while being read cannot pass it either.
    Raises :class:`TooLarge` past ``limit`` and :class:`OSError` when the file cannot be read
    (``EINVAL``-style ``OSError`` with a plain message for a file that is not regular).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(os.fspath(path), flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotRegular(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge(path)
    finally:
        os.close(descriptor)


def read_head(path: Union[str, Path], size: int) -> bytes:
    """The first ``size`` bytes (or fewer) of the regular file at ``path``, never blocking.

    For cheap looks before the real read (a plan's ``language:``, a configuration's ``lang``):
    like :func:`read_bytes`, a FIFO, device or socket is refused without a read.
    Raises :class:`OSError` when the file cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(os.fspath(path), flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotRegular(path)
        return os.read(descriptor, size)
    finally:
        os.close(descriptor)


class NotRegular(OSError):
    """The path names a FIFO, device, socket or folder: aeplan reads regular files only."""

    not_regular = True

    def __init__(self, path: Union[str, Path]) -> None:
        super().__init__("not a regular file (FIFOs, devices and pipes are not read)")
        self.filename = os.fspath(path)


def read_text(path: Union[str, Path], what: str, limit: int = DEFAULT_MAX_BYTES) -> str:
    """The UTF-8 text of a small untrusted file (configuration, baseline, rule file).

    Every failure is one :class:`PlannerError` naming the file: missing, not regular, larger
    than ``limit`` bytes, unreadable or not UTF-8. ``what`` is the file's role, the catalogue
    section of its messages (``config``, ``baseline``, ``rule_file``: ``<what>.not_found``, …).
    """
    name = os.fspath(path)
    try:
        raw = read_bytes(path, limit)
    except FileNotFoundError:
        raise PlannerError.keyed(f"{what}.not_found", file=name) from None
    except TooLarge:
        raise PlannerError.keyed(f"{what}.too_large", file=name, limit=limit) from None
    except OSError as error:
        reason, key = os_reason(error)
        raise PlannerError.keyed(
            f"{what}.unreadable", file=name, reason=reason, reason_key=key
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte, offset = f"0x{raw[error.start]:02x}", error.start
        raise PlannerError.keyed(
            f"{what}.unreadable", file=name, reason_key="reason.not_utf8_at", byte=byte,
            offset=offset, reason=fill("reason.not_utf8_at", "en", byte=byte, offset=offset),
        ) from None  # fmt: skip
