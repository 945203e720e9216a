"""Exit codes, the options several commands share (declared once here), and the error boundary."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable, Optional, TypeVar

import click

from planner.errors import PlannerError
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
    """Codes from repeatable, comma-separated options, upper-cased."""
    return tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )


@contextmanager
def boundary() -> Iterator[None]:
    """The one place where errors become exit codes and one-line messages."""
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
