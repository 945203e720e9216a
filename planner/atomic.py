"""Write output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Union

from planner.errors import PlannerError, os_reason


def write_text_atomically(
    path: Union[str, Path], text: str, *, protected: tuple[Path, ...] = ()
) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so readers see the old file or the new one, never half.

    ``protected`` lists files that must never be overwritten (the plans being read): naming one of
    them as the output is a :class:`PlannerError`.
    """
    target = Path(path)
    resolved = target.resolve()
    if any(resolved == Path(other).resolve() for other in protected):
        raise PlannerError.keyed("file.refuse_input", file=str(target))
    folder = resolved.parent
    if not folder.is_dir():
        raise PlannerError.keyed("file.output_folder_missing", file=str(target))
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
        reason, key = os_reason(error)
        raise PlannerError.keyed(
            "file.unwritable", file=str(target), reason=reason, reason_key=key
        ) from None
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
    try:
        os.unlink(path)
    except OSError:
        pass
