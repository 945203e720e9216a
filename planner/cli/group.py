"""The ``aeplan`` command group: one command per module of ``planner.cli``, one error boundary."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

import click

from planner import __version__
from planner.cli import compare, config, explain, init, language, lint, report, rules, schema, usage
from planner.cli.help_text import HelpContext, use_for
from planner.cli.options import EXIT_USAGE, boundary

COMMANDS: dict[str, click.Command] = {
    "lint": lint.command,
    "report": report.command,
    "compare": compare.command,
    "init": init.command,
    "rules": rules.command,
    "explain": explain.command,
    "config": config.command,
    "schema": schema.command,
}
"""Every subcommand, in the order `aeplan --help` lists them (the order a new user needs)."""

SUMMARIES = {
    "lint": "Check plans against the rules (CI-friendly exit codes and formats).",
    "report": "Render a plan's implementation report (Markdown or HTML).",
    "compare": "Compare the sync methods for each business unit and pick one.",
    "init": "Write a new plan by answering the Trailhead unit's questions.",
    "rules": "List every rule with its code, name and severity.",
    "explain": "Explain a rule (AE207), a fact (F17) or a plan key (business_units.sync.scope).",
    "config": "Show the settings in force here and where each came from.",
    "schema": "Print the plan format's JSON Schema for editors.",
}
"""One line each in `aeplan --help`."""


class _Group(click.Group):
    """Commands in :data:`COMMANDS` order, each inside :func:`~planner.cli.options.boundary`;
    usage errors and help pages in the run's language."""

    context_class = HelpContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands in the order of :data:`COMMANDS`, not alphabetically."""
        return [name for name in COMMANDS if name in self.commands]

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[Optional[str], Optional[click.Command], list[str]]:
        """The subcommand, whose help page is said in the run's language too."""
        name, command, rest = super().resolve_command(ctx, args)
        return name, use_for(command) if command is not None else None, rest

    def invoke(self, ctx: click.Context) -> Any:
        with boundary():
            return super().invoke(ctx)

    def main(
        self,
        args: Optional[Sequence[str]] = None,
        prog_name: Optional[str] = None,
        complete_var: Optional[str] = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Choose the run's language first, then run; click's errors are shown in it."""
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
    cls=_Group,
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


for _name, _command in COMMANDS.items():
    _command.short_help = SUMMARIES[_name]
    cli.add_command(_command, _name)


def main() -> None:
    """Console entry point: SIGTERM/SIGHUP clean up like Ctrl-C, then the command runs."""
    from planner.cli import signals

    signals.install()  # here, not in the boundary: a host process (tests) keeps its own handlers
    cli(prog_name="aeplan")
