"""``aeplan rules``: list every rule with its code, name, default severity and summary."""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from planner.cli.options import lang_option, rules_option

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
@lang_option("Language of the summaries [default: config `lang`, AEPLAN_LANG, the locale, en].")
@rules_option("Also list organisation rules (CODE.rule.yaml) from DIR (repeatable).")
def command(output_format: str, lang: Optional[str], rule_dirs: tuple[str, ...]) -> None:
    """List the rules: built-in ones and organisation rules given with --rules."""
    from planner.catalogue.listing import LISTING_FORMATS, load_catalogue
    from planner.cli.language import configured

    lang = configured(lang, os.environ)

    rulebook = load_catalogue(rule_dirs)
    sys.stdout.write(LISTING_FORMATS[output_format](rulebook, lang))
