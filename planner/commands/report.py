"""``aeplan report``: the implementation report of one plan, as Markdown or standalone HTML."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from planner.commands import LANGUAGES, boundary, configuration_options
from planner.report import FORMATS


@click.command()
@click.argument("plan", type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: from the -o file's suffix .md/.html, else markdown).",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the report (default: the plan's `language`, else en).",
)
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    metavar="DIR",
    help="Also load organisation rules (CODE.rule.yaml) from DIR (repeatable).",
)
@configuration_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file (atomically) instead of standard output.",
)
def command(
    plan: str,
    output_format: Optional[str],
    lang: Optional[str],
    rule_dirs: tuple[str, ...],
    config_path: Optional[str],
    isolated: bool,
    output: Optional[str],
) -> None:
    """Render the implementation report of PLAN: decisions, diagram, findings, checklist."""
    with boundary():
        from planner.atomic import write_text_atomically
        from planner.lint_run import lint_options
        from planner.report import SUFFIXES
        from planner.report.document import build_report
        from planner.settings import Overrides, resolve

        settings = resolve(
            Overrides(lang=lang, rules=rule_dirs, config=config_path, isolated=isolated)
        )
        chosen = output_format or SUFFIXES.get(Path(output or "").suffix.lower(), "markdown")
        from planner.progress import progress_line

        with progress_line("compare", sys.stderr, settings.lang, False, os.environ) as progress:
            text = build_report(Path(plan), chosen, lint_options(settings), progress)
        if output is None:
            sys.stdout.write(text)
        else:
            write_text_atomically(output, text, protected=(Path(plan),))
