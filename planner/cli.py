"""The ``aeplan`` command line: parse options, call one application function, map exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Optional

import click

from planner import __version__

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BUG = 3
LANGUAGES = ("en", "ja")
FORMATS = ("text", "json")


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


@contextmanager
def _boundary() -> Iterator[None]:
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
    except (SystemExit, click.exceptions.Exit, click.ClickException):
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence: no raw traceback
        if os.environ.get("AEPLAN_DEBUG"):
            raise
        click.echo(
            f"aeplan: internal error: {type(error).__name__}: {error} "
            "(this is a bug; set AEPLAN_DEBUG=1 to see the traceback)",
            err=True,
        )
        sys.exit(EXIT_BUG)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="aeplan", message="%(prog)s %(version)s")
def cli() -> None:
    """Plan and lint the Salesforce <-> Account Engagement (Pardot) connector."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of messages (default: the plan's `language`, else en).")
@click.option("--fail-on", type=click.Choice(("error", "warning", "info", "never")),
              default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rule codes or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Skip these rule codes or prefixes (comma-separated, repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only the exit code speaks.")
def lint(
    paths: tuple[str, ...],
    output_format: str,
    lang: Optional[str],
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    quiet: bool,
) -> None:
    """Lint integration plans (files, or folders of *.yaml / *.yml)."""
    with _boundary():
        from planner.linting import Linter, LintOptions, Selection
        from planner.reporters import reporter

        options = LintOptions(lang=lang, selection=Selection(_codes(select), _codes(ignore)))
        result = Linter(options).lint_paths(paths or (".",))
        if not quiet:
            reporter(output_format).render(result, sys.stdout)
        sys.exit(result.exit_code(fail_on))


@cli.command()
def schema() -> None:
    """Print the plan format's JSON Schema (for editors and other validators)."""
    with _boundary():
        from planner.schema_export import plan_schema_text

        click.echo(plan_schema_text(), nl=False)


def main() -> None:
    """Console entry point."""
    cli(prog_name="aeplan")
