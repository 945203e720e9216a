"""``aeplan compare``: sync method options for each business unit of a plan, and one to pick."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from planner.cli.options import lang_option, metadata_option, rules_option
from planner.comparison.formats import FORMATS as COMPARISON_FORMATS

FORMATS = tuple(COMPARISON_FORMATS)


@click.command()
@click.argument("plan", type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@lang_option(
    "Language of the output [default: config `lang`, AEPLAN_LANG, the plan's `language`, "
    "the locale, en]."
)
@rules_option("Also check the options with organisation rules from DIR (repeatable).")
@metadata_option("Also check each option against the org's metadata (DX or Metadata API folder).")
def command(
    plan: str,
    output_format: str,
    lang: Optional[str],
    rule_dirs: tuple[str, ...],
    metadata: Optional[str],
) -> None:
    """Compare the sync methods for each business unit of PLAN and recommend one.

    Each option (integration user or custom user; all records or Marketing Data Sharing) is
    applied to a copy of the plan and checked with the same rules as `aeplan lint`.
    Exit code 0 unless the plan cannot be read (2).
    """
    from planner.cli.language import use
    from planner.comparison.building import compare_file
    from planner.comparison.formats import renderer
    from planner.config.settings import Overrides, resolve

    settings = resolve(Overrides(lang=lang))
    use(settings.lang)
    if metadata is not None:
        from planner.metadata.source import check_folder

        check_folder(Path(metadata), "--metadata", metadata)
    folders = tuple(Path(folder) for folder in rule_dirs)
    from planner.progress import progress_line

    with progress_line("compare", sys.stderr, settings.lang, False, os.environ) as progress:
        comparison = compare_file(
            plan,
            settings.lang,
            folders,
            metadata=Path(metadata) if metadata else None,
            fallback_lang=settings.locale_lang,
            progress=progress,
        )
    renderer(output_format).render(comparison, sys.stdout)
