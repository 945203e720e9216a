"""Write output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Union

from planner.errors import PlannerError


def write_text_atomically(
    path: Union[str, Path], text: str, *, protected: tuple[Path, ...] = ()
) -> None:
    """Replace ``path`` with ``text`` (UTF-8): readers see the old file or the new one, never half.

    ``protected`` lists files that must never be overwritten (the plans being read): naming one of
    them as the output is a :class:`PlannerError`.
    """
    target = Path(path)
    resolved = target.resolve()
    if any(resolved == Path(other).resolve() for other in protected):
        raise PlannerError("refusing to overwrite an input plan with output", file=str(target))
    folder = resolved.parent
    if not folder.is_dir():
        raise PlannerError("the output folder does not exist", file=str(target))
    descriptor, temporary = tempfile.mkstemp(prefix=f".{resolved.name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(temporary, _mode_for(resolved))
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, resolved)
    except OSError as error:
        _remove_quietly(temporary)
        raise PlannerError(f"cannot write: {error.strerror or error}", file=str(target)) from None
    except BaseException:
        _remove_quietly(temporary)
        raise


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0666 less the umask (not 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
