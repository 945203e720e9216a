"""The ``aeplan`` command group: one command per module of ``planner.cli``, one error boundary."""

from __future__ import annotations

from typing import Any

import click

from planner import __version__
from planner.cli import compare, config, explain, init, lint, report, rules, schema
from planner.cli.options import boundary

COMMANDS: dict[str, click.Command] = {
    "lint": lint.command,
    "schema": schema.command,
    "init": init.command,
    "rules": rules.command,
    "explain": explain.command,
    "compare": compare.command,
    "report": report.command,
    "config": config.command,
}


class _Group(click.Group):
    """The group; every command runs inside :func:`~planner.cli.options.boundary`."""

    def invoke(self, ctx: click.Context) -> Any:
        with boundary():
            return super().invoke(ctx)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="aeplan", message="%(prog)s %(version)s")
def cli() -> None:
    """Plan and lint the Salesforce <-> Account Engagement (Pardot) connector."""


for _name, _command in COMMANDS.items():
    cli.add_command(_command, _name)


def main() -> None:
    """Console entry point."""
    cli(prog_name="aeplan")
