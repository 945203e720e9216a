"""The command line, the only user of click: the group, shared options, one module per command.

May import every other stage; nothing imports it.
"""

from __future__ import annotations

from planner.cli.group import cli, main

__all__ = ["cli", "main"]
