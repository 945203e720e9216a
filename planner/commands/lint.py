"""``aeplan lint``: check plans against the rule set."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from planner.commands import LANGUAGES, boundary, split_codes
from planner.reporters import REPORTERS

FORMATS = tuple(REPORTERS)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="Terminal output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("--output", "outputs", multiple=True, metavar="FORMAT=PATH",
              help="Also write FORMAT to the file PATH, atomically (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of messages (default: the plan's `language`, else en).")
@click.option("--fail-on", type=click.Choice(("error", "warning", "info", "never")),
              default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rule codes or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Skip these rule codes or prefixes (comma-separated, repeatable).")
@click.option("--rules", "rule_dirs", multiple=True, metavar="DIR",
              help="Also load organisation rules (CODE.rule.yaml) from DIR (repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only the exit code speaks.")
def command(
    paths: tuple[str, ...],
    output_format: Optional[str],
    outputs: tuple[str, ...],
    lang: Optional[str],
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    rule_dirs: tuple[str, ...],
    quiet: bool,
) -> None:
    """Lint integration plans (files, or folders of *.yaml / *.yml)."""
    with boundary():
        from planner.linting import Linter, LintOptions, Selection
        from planner.reporters.destinations import deliver, parse_outputs, terminal_format

        files = parse_outputs(outputs)

        options = LintOptions(
            lang=lang,
            selection=Selection(split_codes(select), split_codes(ignore)),
            rule_dirs=tuple(Path(folder) for folder in rule_dirs),
        )
        result = Linter(options).lint_paths(paths or (".",))
        terminal = terminal_format(output_format, os.environ)
        deliver(result, sys.stdout, terminal, files, os.environ, quiet=quiet)
        sys.exit(result.exit_code(fail_on))
