"""One module per ``aeplan`` subcommand, each exposing ``command``; plus the error boundary."""

from __future__ import annotations

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


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """Codes from repeatable, comma-separated options, upper-cased."""
    return tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )


@contextmanager
def boundary() -> Iterator[None]:
    """The one place where errors become exit codes and one-line messages."""
    from planner.errors import PlannerError

    try:
        yield
    except PlannerError as error:
        click.echo(f"aeplan: error: {error.one_line()}", err=True)
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_FINDINGS)
    except KeyboardInterrupt:
        click.echo("aeplan: interrupted", err=True)
        sys.exit(130)
    except (SystemExit, click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
        raise
    except Exception as error:
        if os.environ.get("AEPLAN_DEBUG"):
            raise
        click.echo(
            f"aeplan: internal error: {type(error).__name__}: {error} "
            "(this is a bug; set AEPLAN_DEBUG=1 to see the traceback)",
            err=True,
        )
        sys.exit(EXIT_BUG)
