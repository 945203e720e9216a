"""``aeplan schema``: print the plan format as JSON Schema."""

from __future__ import annotations

import os
from typing import Optional

import click

from planner.cli.options import lang_option


@click.command()
@lang_option(
    "Language of the descriptions editors show on hover "
    "[default: config `lang`, AEPLAN_LANG, the locale, en]."
)
@click.option(
    "--draft",
    type=click.Choice(("2020-12", "7")),
    default="2020-12",
    show_default=True,
    help="JSON Schema dialect: 2020-12, or 7 (draft-07, as SchemaStore prefers).",
)
def command(lang: Optional[str], draft: str) -> None:
    """Print the plan format's JSON Schema (for editors and other validators)."""
    from planner.cli.language import configured
    from planner.plan.schema_export import plan_schema_text

    lang = configured(lang, os.environ)

    click.echo(plan_schema_text(lang, draft), nl=False)
