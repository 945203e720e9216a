"""Exit codes and the error boundary, without click: ``aeplan lint``'s quick path uses them too.

``planner.cli.options`` re-exports them for the commands.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from planner.errors import PlannerError, os_reason

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 3


@contextmanager
def boundary() -> Iterator[None]:
    """The one place where errors become exit codes and one-line messages.

    It also makes the process safe to run in CI: SIGTERM/SIGHUP (turned into
    :class:`~planner.cli.signals.Cancelled` by :func:`planner.cli.main`) clean up like Ctrl-C,
    standard output is flushed here (a full disk or a closed stdout is a one-line exit 2, not a
    bug), and every message is shown with control characters escaped
    (:func:`planner.terminal.printable`).
    """
    from planner.cli import signals
    from planner.cli.language import current
    from planner.i18n import fill
    from planner.terminal import printable

    _prepare_streams()
    try:
        try:
            yield
        finally:
            sys.stdout.flush()
    except PlannerError as error:
        lang = current(os.environ)
        _say(fill("cli.error", lang, message=printable(error.one_line(lang))))
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_FINDINGS)
    except OSError as error:
        # Raised by a write or flush to standard output (files have their own PlannerError).
        _silence_stdout()
        lang = current(os.environ)
        _say(fill("cli.stdout", lang, reason=os_reason(error)[0].in_language(lang)))
        sys.exit(EXIT_USAGE)
    except signals.Cancelled as cancelled:
        _say(fill("cli.cancelled", current(os.environ), signum=cancelled.signum))
        sys.exit(128 + cancelled.signum)
    except KeyboardInterrupt:
        _say("")
        _say(fill("cli.interrupted", current(os.environ)))
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:
        if _from_click(error) or os.environ.get("AEPLAN_DEBUG"):
            raise
        detail = printable(str(error))
        message = fill(
            "cli.internal", current(os.environ), kind=type(error).__name__, detail=detail
        )
        _say(message)
        sys.exit(EXIT_BUG)


class _ClosedStream(io.TextIOBase):
    """Stands in for a standard output the shell closed (``>&-``): writing is an OSError."""

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        return None


def _prepare_streams() -> None:
    """Wrap stdout/stderr in :class:`~planner.terminal.SafeStream`; a closed stdout fails on write.

    Unencodable text (lone surrogates) is written as backslash escapes.
    """
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # lone surrogates (non-UTF-8 file names) become \udcNN: output stays valid text
            reconfigure(errors="backslashreplace")
    from planner.terminal import SafeStream

    # no control character from a plan, file name or configuration reaches a terminal raw
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)  # type: ignore[arg-type]
    if sys.stderr is not None and not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at the null device so Python's flush at exit cannot fail a second time."""
    try:
        descriptor = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descriptor, sys.stdout.fileno())
        os.close(descriptor)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _say(message: str) -> None:
    """One line on standard error, exactly as ``click.echo(message, err=True)`` writes it."""
    import click  # here: loaded already on click's path; on lint's quick path only for an error

    click.echo(message, err=True)


def _from_click(error: Exception) -> bool:
    """True for click's own exceptions, which click reports (none exist while it is unloaded)."""
    click = sys.modules.get("click")
    if click is None:
        return False
    return isinstance(error, (click.exceptions.Exit, click.exceptions.Abort, click.ClickException))
