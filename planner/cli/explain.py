"""``aeplan explain``: one rule's docs in fixed sections, in English or Japanese."""

from __future__ import annotations

import sys

import click

from planner.cli.options import lang_option, rules_option


@click.command()
@click.argument("code_or_name")
@lang_option("Language of the explanation.", default="en")
@rules_option("Also look in organisation rules (CODE.rule.yaml) from DIR (repeatable).")
def command(code_or_name: str, lang: str, rule_dirs: tuple[str, ...]) -> None:
    """Explain one rule, by code (AE305) or name, or one fact (F17): its source and confidence."""
    from planner.catalogue.listing import explain_text, load_catalogue

    sys.stdout.write(explain_text(load_catalogue(rule_dirs), code_or_name, lang))
