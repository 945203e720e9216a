"""Exit codes, the options several commands share (declared once here), and the error boundary."""

from __future__ import annotations

from typing import Any, Callable, Optional, TypeVar

import click

from planner.cli.exits import EXIT_BUG as EXIT_BUG
from planner.cli.exits import EXIT_FINDINGS as EXIT_FINDINGS
from planner.cli.exits import EXIT_USAGE as EXIT_USAGE
from planner.cli.exits import boundary as boundary
from planner.findings import Severity

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
    """Selectors from repeatable, comma-separated options: as written (settings normalise
    them, and messages quote what the user typed)."""
    from planner.config.settings import split_selectors

    return split_selectors(values)
