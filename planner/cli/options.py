"""Exit codes, the options several commands share (declared once here), and the error boundary."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable, Optional, TypeVar

import click

from planner.errors import PlannerError, os_reason
from planner.findings import Severity

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 3
LANGUAGES = ("en", "ja")
FAIL_ON = (*(severity.value for severity in Severity), "never")


F = TypeVar("F", bound=Callable[..., Any])


def configuration_options(command: F) -> F:
    """``--config PATH`` and ``--isolated``, shared by every command that reads configuration."""
    command = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")(
        command
    )
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Read this configuration file instead of searching for one.",
    )(command)


def lang_option(help: str, default: Optional[str] = None) -> Callable[[F], F]:
    """``--lang en|ja``; each command says in ``help`` what the language applies to."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=default,
        show_default=default is not None,
        help=help,
    )


def rules_option(help: str) -> Callable[[F], F]:
    """``--rules DIR`` (repeatable): folders of organisation rules."""
    return click.option("--rules", "rule_dirs", multiple=True, metavar="DIR", help=help)


def metadata_option(help: str) -> Callable[[F], F]:
    """``--metadata PATH``: the org's Salesforce metadata (a DX project or Metadata API folder)."""
    return click.option("--metadata", type=click.Path(), default=None, metavar="PATH", help=help)


def fail_on_option(help: str) -> Callable[[F], F]:
    """``--fail-on SEVERITY|never``."""
    return click.option("--fail-on", type=click.Choice(FAIL_ON), default=None, help=help)


def selection_options(select_help: str, ignore_help: str) -> Callable[[F], F]:
    """``--select CODES`` and ``--ignore CODES`` (comma-separated, repeatable)."""

    def decorate(command: F) -> F:
        command = click.option("--ignore", multiple=True, metavar="CODES", help=ignore_help)(
            command
        )
        return click.option("--select", multiple=True, metavar="CODES", help=select_help)(command)

    return decorate


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """Selectors from repeatable, comma-separated options, as written (settings normalise them,
    and messages quote what the user typed)."""
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


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
        click.echo(fill("cli.error", lang, message=printable(error.one_line(lang))), err=True)
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_FINDINGS)
    except OSError as error:
        # Raised by a write or flush to standard output (files have their own PlannerError).
        _silence_stdout()
        lang = current(os.environ)
        reason = os_reason(error)[0].in_language(lang)
        click.echo(fill("cli.stdout", lang, reason=reason), err=True)
        sys.exit(EXIT_USAGE)
    except signals.Cancelled as cancelled:
        click.echo(fill("cli.cancelled", current(os.environ), signum=cancelled.signum), err=True)
        sys.exit(128 + cancelled.signum)
    except KeyboardInterrupt:
        click.echo("", err=True)
        click.echo(fill("cli.interrupted", current(os.environ)), err=True)
        sys.exit(130)
    except (SystemExit, click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
        raise
    except Exception as error:
        if os.environ.get("AEPLAN_DEBUG"):
            raise
        detail = printable(str(error))
        message = fill(
            "cli.internal", current(os.environ), kind=type(error).__name__, detail=detail
        )
        click.echo(message, err=True)
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
