"""``aeplan compare``: sync method options for each business unit of a plan, and one to pick."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from planner.commands import LANGUAGES, boundary

FORMATS = ("text", "json", "markdown")


@click.command()
@click.argument("plan", type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the output (default: the plan's `language`, else en).")
@click.option("--rules", "rule_dirs", multiple=True, metavar="DIR",
              help="Also check the options with organisation rules from DIR (repeatable).")
def command(
    plan: str, output_format: str, lang: Optional[str], rule_dirs: tuple[str, ...]
) -> None:
    """Compare the sync methods for each business unit of PLAN and recommend one.

    Each option (integration user or custom user; all records or Marketing Data Sharing) is
    applied to a copy of the plan and checked with the same rules as `aeplan lint`.
    Exit code 0 unless the plan cannot be read (2).
    """
    with boundary():
        from planner.comparison.building import compare_file
        from planner.comparison.formats import renderer

        from planner.progress import progress_line

        folders = tuple(Path(folder) for folder in rule_dirs)
        with progress_line("compare", sys.stderr, lang, False, os.environ) as progress:
            comparison = compare_file(plan, lang, folders, progress)
        renderer(output_format).render(comparison, sys.stdout)
