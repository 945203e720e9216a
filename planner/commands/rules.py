"""``aeplan rules``: list every rule with its code, name, default severity and summary."""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from planner.commands import LANGUAGES, boundary

FORMATS = ("text", "json")


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="An aligned table, or the JSON document in docs/rules-cli.md.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the summaries [default: config `lang`, AEPLAN_LANG, the locale, en].",
)
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    metavar="DIR",
    help="Also list organisation rules (CODE.rule.yaml) from DIR (repeatable).",
)
def command(output_format: str, lang: Optional[str], rule_dirs: tuple[str, ...]) -> None:
    """List the rules: built-in ones and organisation rules given with --rules."""
    with boundary():
        from planner.catalogue import LISTING_FORMATS, load_catalogue
        from planner.commands.language import current

        lang = lang or current(os.environ)
        rulebook = load_catalogue(rule_dirs)
        sys.stdout.write(LISTING_FORMATS[output_format](rulebook, lang))
