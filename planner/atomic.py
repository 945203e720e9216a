"""Write output files safely: regular files atomically, special files in place, never an input."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path
from typing import Optional, Union

from planner.errors import PlannerError, os_reason
from planner.i18n import fill

#: The path that means standard output wherever aeplan takes a path for output.
STDOUT = "-"

# Paths that name one of this process's own streams: written in place, never renamed over.
_OWN_STREAMS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/")


def write_text_atomically(
    path: Union[str, Path], text: str, *, protected: tuple[Path, ...] = ()
) -> None:
    """Write ``text`` (UTF-8) to ``path`` without ever leaving a half-written or damaged file.

    * ``-`` is standard output.
    * A new path or an existing regular file is written to a temporary file in the same folder
      and renamed over it: readers see the old file or the new one, never half; the old file's
      mode is kept. Interrupted (SIGINT, SIGTERM, SIGHUP: see :mod:`planner.cli.signals`) or failed,
      the temporary file is removed.
    * Anything else (a FIFO, a device such as ``/dev/null``, ``/dev/stdout``) is opened and
      written in place: renaming over it would replace the device node or pipe with a file.
    * ``protected`` lists files that must never be written (the plans being read); the check
      compares the files themselves (device and inode), so symlinks, hard links and ``./``
      spellings are caught: naming one of them is a :class:`PlannerError`.

    Text that cannot be encoded (lone surrogates from a non-UTF-8 file name) is written as
    ``\\udcNN`` escapes, so output is always valid UTF-8. Every OS failure is a one-line
    :class:`PlannerError` naming the path.
    """
    if str(path) == STDOUT:
        sys.stdout.write(text)
        return
    target = Path(path)
    refuse_input(target, protected, "file.refuse_input")
    existing = _stat(target)
    if existing is not None and (
        not stat.S_ISREG(existing.st_mode) or str(path).startswith(_OWN_STREAMS)
    ):
        _write_in_place(target, text)
        return
    resolved = target.resolve()
    folder = resolved.parent
    if not folder.is_dir():
        raise PlannerError.keyed("file.output_folder_missing", file=str(target))
    try:
        import tempfile  # here: most runs write no file

        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{resolved.name}.", suffix=".tmp", dir=folder
        )
    except OSError as error:
        raise _unwritable(error, target) from None
    try:
        os.chmod(temporary, _mode_for(existing))
        with os.fdopen(
            descriptor, "w", encoding="utf-8", errors="backslashreplace", newline=""
        ) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, resolved)
    except OSError as error:
        _remove_quietly(temporary)
        reason, key = os_reason(error)
        raise PlannerError.keyed(
            "file.unwritable", file=str(target), reason=reason, reason_key=key
        ) from None
    except BaseException:
        _remove_quietly(temporary)
        raise


def refuse_input(target: Path, protected: tuple[Path, ...], key: str) -> None:
    """Raise :class:`PlannerError` (catalogue sentence ``key``) when ``target`` is one of
    ``protected`` (the same file on disk)."""
    if any(same_file(target, other) for other in protected):
        raise PlannerError.keyed(key, file=str(target))


def same_file(one: Union[str, Path], two: Union[str, Path]) -> bool:
    """True when both paths reach one file: by device and inode, else by resolved spelling."""
    first, second = _stat(Path(one)), _stat(Path(two))
    if first is not None and second is not None:
        return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)
    try:
        return Path(one).resolve() == Path(two).resolve()
    except (OSError, RuntimeError):
        return False


def _stat(path: Path) -> Optional[os.stat_result]:
    try:
        return path.stat()
    except (OSError, ValueError):
        return None


def _write_in_place(target: Path, text: str) -> None:
    """Write to a FIFO, device or own stream as it is: truncating open, no rename.

    The open does not block: a FIFO nobody reads is an error (``ENXIO``), not a hang.
    """
    flags = os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(target, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise PlannerError.keyed(
                "file.unwritable", file=str(target), reason_key="reason.no_reader",
                reason=fill("reason.no_reader", "en"),
            ) from None  # fmt: skip
        raise _unwritable(error, target) from None
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        with os.fdopen(
            descriptor, "w", encoding="utf-8", errors="backslashreplace", newline=""
        ) as handle:
            handle.write(text)
    except OSError as error:
        raise _unwritable(error, target) from None


def _unwritable(error: OSError, target: Path) -> PlannerError:
    reason, key = os_reason(error)
    return PlannerError.keyed("file.unwritable", file=str(target), reason=reason, reason_key=key)


def _mode_for(existing: Optional[os.stat_result]) -> int:
    """Keep an existing file's mode; a new file gets the usual 0666 less the umask (not 0600)."""
    if existing is not None:
        return existing.st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
