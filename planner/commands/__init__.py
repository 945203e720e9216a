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
    """The one place where errors become exit codes and one-line messages in the run's language."""
    from planner.commands.language import current
    from planner.errors import PlannerError
    from planner.i18n import fill

    try:
        yield
    except PlannerError as error:
        lang = current(os.environ)
        click.echo(fill("cli.error", lang, message=error.one_line(lang)), err=True)
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_FINDINGS)
    except KeyboardInterrupt:
        click.echo("", err=True)
        click.echo(fill("cli.interrupted", current(os.environ)), err=True)
        sys.exit(130)
    except (SystemExit, click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
        raise
    except Exception as error:
        if os.environ.get("AEPLAN_DEBUG"):
            raise
        message = fill("cli.internal", current(os.environ), kind=type(error).__name__, detail=error)
        click.echo(message, err=True)
        sys.exit(EXIT_BUG)
