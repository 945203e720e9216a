"""One module per ``aeplan`` subcommand, each exposing ``command``; plus the error boundary."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable, TypeVar

import click

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 3
LANGUAGES = ("en", "ja")

COMMANDS = ("lint", "schema", "init", "rules", "explain", "compare", "report", "config")


F = TypeVar("F", bound=Callable[..., Any])


def configuration_options(command: F) -> F:
    """``--config PATH`` and ``--isolated``, shared by every command that reads configuration."""
    command = click.option(
        "--isolated", is_flag=True, help="Ignore every configuration file."
    )(command)
    return click.option(
        "--config", "config_path", type=click.Path(dir_okay=False), default=None,
        help="Read this configuration file instead of searching for one.",
    )(command)  # fmt: skip


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """Codes from repeatable, comma-separated options, upper-cased."""
    return tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )


@contextmanager
def boundary() -> Iterator[None]:
    """The one place where errors become exit codes and one-line messages.

    It also makes the process safe to run in CI: SIGTERM/SIGHUP (turned into
    :class:`~planner.signals.Cancelled` by :func:`planner.cli.main`) clean up like Ctrl-C, standard
    output is flushed here (a full disk or a closed stdout is a one-line exit 2, not a bug), and
    every message is shown with control characters escaped (:func:`planner.terminal.printable`).
    """
    from planner import signals
    from planner.errors import PlannerError
    from planner.terminal import printable

    _prepare_streams()
    try:
        try:
            yield
        finally:
            sys.stdout.flush()
    except PlannerError as error:
        click.echo(f"aeplan: error: {printable(error.one_line())}", err=True)
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_FINDINGS)
    except OSError as error:
        # Raised by a write or flush to standard output (files have their own PlannerError).
        _silence_stdout()
        reason = printable(error.strerror or str(error))
        click.echo(f"aeplan: error: cannot write to standard output: {reason}", err=True)
        sys.exit(EXIT_USAGE)
    except signals.Cancelled as cancelled:
        click.echo(f"aeplan: cancelled by signal {cancelled.signum}", err=True)
        sys.exit(128 + cancelled.signum)
    except KeyboardInterrupt:
        click.echo("aeplan: interrupted", err=True)
        sys.exit(130)
    except (SystemExit, click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
        raise
    except Exception as error:
        if os.environ.get("AEPLAN_DEBUG"):
            raise
        click.echo(
            f"aeplan: internal error: {type(error).__name__}: {printable(str(error))} "
            "(this is a bug; set AEPLAN_DEBUG=1 to see the traceback)",
            err=True,
        )
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
