"""The ``aeplan`` command group: each subcommand lives in ``planner.commands.<name>``."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

import click

from planner import __version__
from planner.commands import COMMANDS, EXIT_USAGE

# One line each in `aeplan --help`, in the order a new user needs them (lint first).
SUMMARIES = {
    "lint": "Check plans against the rules (CI-friendly exit codes and formats).",
    "report": "Render a plan's implementation report (Markdown or HTML).",
    "compare": "Compare the sync methods for each business unit and pick one.",
    "init": "Write a new plan by answering the Trailhead unit's questions.",
    "rules": "List every rule with its code, name and severity.",
    "explain": "Explain a rule (AE207) or a plan key (business_units.sync.scope).",
    "config": "Show the settings in force here and where each came from.",
    "schema": "Print the plan format's JSON Schema for editors.",
}


class AeplanGroup(click.Group):
    """Commands in :data:`SUMMARIES` order; usage errors in the run's language."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands in the order of :data:`SUMMARIES`, not alphabetically."""
        return [name for name in SUMMARIES if name in self.commands]

    def main(
        self,
        args: Optional[Sequence[str]] = None,
        prog_name: Optional[str] = None,
        complete_var: Optional[str] = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Choose the run's language first, then run; click's errors are shown in it."""
        from planner.commands import language, usage

        argv = list(sys.argv[1:] if args is None else args)
        language.reset()
        language.use(language.early(argv, os.environ, Path.cwd()))
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, False, **extra)
        try:
            outcome = super().main(argv, prog_name, complete_var, False, **extra)
        except click.ClickException as error:
            usage.show(error, language.current(os.environ))
            sys.exit(error.exit_code if error.exit_code is not None else EXIT_USAGE)
        except click.exceptions.Abort:
            click.echo(file=sys.stderr)
            sys.exit(130)
        sys.exit(outcome if isinstance(outcome, int) else 0)


@click.group(
    cls=AeplanGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="aeplan", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Plan and lint the Salesforce <-> Account Engagement (Pardot) connector.

    Start with `aeplan init`, check with `aeplan lint`, share `aeplan report`.
    Shell completion: eval "$(_AEPLAN_COMPLETE=bash_source aeplan)" (zsh_source, fish_source).
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


for _name in COMMANDS:
    _command = importlib.import_module(f"planner.commands.{_name}").command
    _command.short_help = SUMMARIES[_name]
    cli.add_command(_command, _name)


def main() -> None:
    """Console entry point."""
    cli(prog_name="aeplan")
