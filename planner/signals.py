"""SIGTERM and SIGHUP end aeplan the way Ctrl-C does: cleanup runs, no temporary file is left."""

from __future__ import annotations

import signal
from types import FrameType
from typing import Optional

#: The signals a CI runner or a closed terminal sends to cancel a job (SIGHUP is POSIX only).
CANCELLING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Cancelled(KeyboardInterrupt):
    """Raised in the main thread when a cancelling signal arrives; ``signum`` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_cancelled(signum: int, frame: Optional[FrameType]) -> None:
    raise Cancelled(signum)


def install() -> None:
    """Turn SIGTERM/SIGHUP into :class:`Cancelled`, so ``finally``/``except`` blocks run.

    Python's default for these signals is to die at once, skipping the cleanup that removes an
    output's temporary file. A signal that was ignored when aeplan started (``nohup``) stays
    ignored. Call only from the main thread (the CLI boundary does).
    """
    for signum in CANCELLING:
        if signal.getsignal(signum) is signal.SIG_IGN:
            continue
        try:
            signal.signal(signum, _raise_cancelled)
        except ValueError:  # not the main thread (an embedding application): leave it alone
            return
