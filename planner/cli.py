"""The ``aeplan`` command group: each subcommand lives in ``planner.commands.<name>``."""

from __future__ import annotations

import importlib

import click

from planner import __version__
from planner.commands import COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="aeplan", message="%(prog)s %(version)s")
def cli() -> None:
    """Plan and lint the Salesforce <-> Account Engagement (Pardot) connector."""


for _name in COMMANDS:
    cli.add_command(importlib.import_module(f"planner.commands.{_name}").command, _name)


def main() -> None:
    """Console entry point: SIGTERM/SIGHUP clean up like Ctrl-C, then the command runs."""
    from planner import signals

    signals.install()  # here, not in the boundary: a host process (tests) keeps its own handlers
    cli(prog_name="aeplan")
