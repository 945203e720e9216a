"""``aeplan explain``: a rule's docs in fixed sections, or what a plan key means, EN or JA."""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from planner.commands import LANGUAGES, boundary


@click.command()
@click.argument("code_or_key")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the explanation [default: config `lang`, AEPLAN_LANG, the locale, en].",
)
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    metavar="DIR",
    help="Also look in organisation rules (CODE.rule.yaml) from DIR (repeatable).",
)
def command(code_or_key: str, lang: Optional[str], rule_dirs: tuple[str, ...]) -> None:
    """Explain a rule (AE305 or its name) or a plan key (business_units.sync.scope)."""
    with boundary():
        from planner import plan_keys
        from planner.catalogue import explain_text, load_catalogue
        from planner.commands.language import current

        lang = lang or current(os.environ)
        rulebook = load_catalogue(rule_dirs)
        if rulebook.find(code_or_key) is None:
            key = plan_keys.find(code_or_key)
            if key is not None:
                sys.stdout.write(plan_keys.explain_key(key, lang))
                return
            if any(mark in code_or_key for mark in "._/"):
                raise plan_keys.unknown(code_or_key)
        sys.stdout.write(explain_text(rulebook, code_or_key, lang))
