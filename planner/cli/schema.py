"""``aeplan schema``: print the plan format as JSON Schema."""

from __future__ import annotations

import click

from planner.cli.options import LANGUAGES


@click.command()
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the descriptions editors show on hover.",
)
@click.option(
    "--draft",
    type=click.Choice(("2020-12", "7")),
    default="2020-12",
    show_default=True,
    help="JSON Schema dialect: 2020-12, or 7 (draft-07, as SchemaStore prefers).",
)
def command(lang: str, draft: str) -> None:
    """Print the plan format's JSON Schema (for editors and other validators)."""
    from planner.plan.schema_export import plan_schema_text

    click.echo(plan_schema_text(lang, draft), nl=False)
