"""``aeplan schema``: print the plan format as JSON Schema."""

from __future__ import annotations

import click


@click.command()
def command() -> None:
    """Print the plan format's JSON Schema (for editors and other validators)."""
    from planner.plan.schema_export import plan_schema_text

    click.echo(plan_schema_text(), nl=False)
