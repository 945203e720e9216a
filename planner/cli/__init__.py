"""The command line, the only user of click: the group, shared options, one module per command.

May import every other stage; nothing imports it. ``aeplan lint``'s usual command lines run
without click (:mod:`planner.cli.quick`); the click group is imported on first use.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["cli", "main"]


def main() -> None:
    """Console entry point: ``aeplan lint``'s usual command lines run without click (a quicker
    start); everything else, and anything unusual, goes through the click group."""
    from planner.cli import quick

    quick.run(sys.argv[1:])  # exits when it ran the command
    from planner.cli.group import main as run_group

    run_group()


def __getattr__(name: str) -> Any:
    """``planner.cli.cli``: the click group, imported when asked for."""
    if name == "cli":
        from planner.cli.group import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
