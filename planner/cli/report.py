"""``aeplan report``: the implementation report of one plan, as Markdown or standalone HTML."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from planner.cli.options import (
    configuration_options,
    lang_option,
    metadata_option,
    rules_option,
)
from planner.report import FORMATS


@click.command()
@click.argument("plan", type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help=(
        "Output format (default: from the -o file's extension .md/.html/.htm, which must be one"
        " of those; markdown on standard output)."
    ),
)
@lang_option(
    "Language of the report [default: config `lang`, AEPLAN_LANG, the plan's `language`, "
    "the locale, en]."
)
@rules_option("Also load organisation rules (CODE.rule.yaml) from DIR (repeatable).")
@metadata_option("Check the plan against the org's metadata (DX project or Metadata API folder).")
@configuration_options
@click.option(
    "--audience",
    type=click.Choice(("team", "customer")),
    default="team",
    show_default=True,
    help="customer: a hand-over copy without aeplan hints or the plan's file name.",
)
@click.option(
    "--date",
    "issued_on",
    metavar="YYYY-MM-DD",
    default=None,
    help="Show this date in the header (none by default, so output stays byte-identical).",
)
@click.option(
    "--revision",
    metavar="TEXT",
    default=None,
    help="Show this revision label in the header (for example v3).",
)
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
    metadata: Optional[str],
    config_path: Optional[str],
    isolated: bool,
    audience: str,
    issued_on: Optional[str],
    revision: Optional[str],
    output: Optional[str],
) -> None:
    """Render the implementation report of PLAN: decisions, diagram, findings, checklist."""
    from planner.atomic import write_text_atomically
    from planner.cli.language import current, use
    from planner.config.settings import Overrides, resolve
    from planner.i18n import fill
    from planner.lint.run import lint_options
    from planner.report import SUFFIXES
    from planner.report.document import build_report
    from planner.report.presentation import presentation

    settings = resolve(
        Overrides(
            lang=lang, rules=rule_dirs, config=config_path, isolated=isolated, metadata=metadata
        )
    )
    use(settings.lang)
    suffix = Path(output or "").suffix.lower()
    if (
        output_format is None
        and suffix
        and suffix not in SUFFIXES
        and _a_file_to_write(output, plan)
    ):
        # An extension aeplan does not write (say r.pdf) would get Markdown under that name.
        from planner.errors import PlannerError

        key = "report_options.suffix_pdf" if suffix == ".pdf" else "report_options.suffix"
        raise PlannerError.keyed(key, file=output, suffix=suffix)
    chosen = output_format or SUFFIXES.get(suffix, "markdown")
    shown = presentation(audience, issued_on, revision)
    from planner.progress import progress_line

    with progress_line("compare", sys.stderr, settings.lang, False, os.environ) as progress:
        text = build_report(Path(plan), chosen, lint_options(settings), shown, progress)
    if output is None:
        sys.stdout.write(text)
    else:
        write_text_atomically(output, text, protected=(Path(plan),))
        click.echo(fill("cli.wrote_report", current(os.environ), path=output), err=True)


def _a_file_to_write(output: Optional[str], plan: str) -> bool:
    """A new or regular file other than the plan: a FIFO or device is not named by its extension,
    and writing over the plan has its own, clearer refusal."""
    target = Path(output or "")
    try:
        if not target.exists():
            return True
        return target.is_file() and not target.samefile(plan)
    except OSError:
        return True
