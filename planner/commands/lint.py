"""``aeplan lint``: check plans against the rule set."""

from __future__ import annotations

import sys
from typing import Optional

import click

from planner.commands import LANGUAGES, boundary, split_codes

FORMATS = ("text", "json")


@click.command()
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
def command(
    paths: tuple[str, ...],
    output_format: str,
    lang: Optional[str],
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    quiet: bool,
) -> None:
    """Lint integration plans (files, or folders of *.yaml / *.yml)."""
    with boundary():
        from planner.linting import Linter, LintOptions, Selection
        from planner.reporters import reporter

        options = LintOptions(
            lang=lang, selection=Selection(split_codes(select), split_codes(ignore))
        )
        result = Linter(options).lint_paths(paths or (".",))
        if not quiet:
            reporter(output_format).render(result, sys.stdout)
        sys.exit(result.exit_code(fail_on))
