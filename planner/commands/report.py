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
    help="Language of the report [default: config `lang`, AEPLAN_LANG, the plan's `language`, "
    "the locale, en].",
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
        from planner.commands.language import current, use
        from planner.i18n import fill
        from planner.lint_run import lint_options
        from planner.report import SUFFIXES
        from planner.report.document import build_report
        from planner.settings import Overrides, resolve

        settings = resolve(
            Overrides(lang=lang, rules=rule_dirs, config=config_path, isolated=isolated)
        )
        use(settings.lang)
        chosen = output_format or SUFFIXES.get(Path(output or "").suffix.lower(), "markdown")
        text = build_report(Path(plan), chosen, lint_options(settings))
        if output is None:
            sys.stdout.write(text)
        else:
            write_text_atomically(output, text, protected=(Path(plan),))
            click.echo(fill("cli.wrote_report", current(os.environ), path=output), err=True)
