"""The ``aeplan`` command group: one command per module of ``planner.cli``, one error boundary."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence
from gettext import gettext
from pathlib import Path
from typing import Any, Callable, Optional

import click

from planner import __version__
from planner.cli import language
from planner.cli.help_text import HelpContext, use_for
from planner.cli.options import EXIT_USAGE, boundary


def _loader(name: str) -> Callable[[], click.Command]:
    """What imports ``planner.cli.<name>`` and gives its ``command`` (on first use only)."""

    def load() -> click.Command:
        command: click.Command = importlib.import_module(f"planner.cli.{name}").command
        return command

    return load


COMMANDS: dict[str, Callable[[], click.Command]] = {
    name: _loader(name)
    for name in ("lint", "report", "compare", "init", "rules", "explain", "config", "schema")
}
"""Every subcommand (name → its loader), in the order `aeplan --help` lists them (the order a new
user needs). A command's module is imported only when that command runs (or completes), so
`aeplan lint` does not pay for `report`'s or `init`'s imports."""

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
    """Commands in :data:`COMMANDS` order, each inside :func:`~planner.cli.options.boundary`,
    each loaded on first use; usage errors and help pages in the run's language."""

    context_class = HelpContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Commands in the order of :data:`COMMANDS`, not alphabetically."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> Optional[click.Command]:
        """The command ``cmd_name``, its module imported now (the first time it is asked for)."""
        known = self.commands.get(cmd_name)
        if known is not None or cmd_name not in COMMANDS:
            return known
        command = COMMANDS[cmd_name]()
        gc.enable()  # see main(): the command's modules are imported
        command.short_help = SUMMARIES[cmd_name]
        self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of `aeplan --help`, as click writes it, from :data:`SUMMARIES`
        (no command module is imported to list them)."""
        with formatter.section(gettext("Commands")):
            formatter.write_dl([(name, SUMMARIES[name]) for name in self.list_commands(ctx)])

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
        language.warn_unknown(os.environ)
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, False, **extra)
        try:
            outcome = super().main(argv, prog_name, complete_var, False, **extra)
        except click.ClickException as error:
            from planner.cli import usage

            named = [word for word in argv if word in COMMANDS][:1]  # for the help hint
            command = " ".join([prog_name or "aeplan", *named])
            usage.show(error, language.current(os.environ), command)
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
@click.option(
    "--lang",
    type=click.Choice(("en", "ja"), case_sensitive=False),
    help="Language of every command's messages and help (as each command's --lang).",
)
@click.pass_context
def cli(ctx: click.Context, lang: Optional[str]) -> None:
    """Plan and lint the Salesforce <-> Account Engagement (Pardot) connector.

    Start with `aeplan init`, check with `aeplan lint`, share `aeplan report`.
    Shell completion: eval "$(_AEPLAN_COMPLETE=bash_source aeplan)" (zsh_source, fish_source).
    """
    if lang is not None:
        # `aeplan --lang ja report x`: the command's own --lang, unless it gives one itself
        ctx.default_map = {name: {"lang": lang.lower()} for name in COMMANDS}
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def main() -> None:
    """Console entry point: SIGTERM/SIGHUP clean up like Ctrl-C, then the command runs."""
    from planner.cli import signals

    signals.install()  # here, not in the boundary: a host process (tests) keeps its own handlers
    # Importing allocates some 100,000 objects that live until exit and hold no garbage: the
    # collector stays off until the command's modules are loaded (get_command), ~7% of a lint.
    gc.disable()
    try:
        cli(prog_name="aeplan")
    finally:
        gc.enable()
