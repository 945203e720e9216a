"""``aeplan explain``: a rule's docs, a fact, or what a plan key means, in English or Japanese."""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from planner.cli.options import lang_option, rules_option


@click.command()
@click.argument("code_or_key")
@lang_option("Language of the explanation [default: config `lang`, AEPLAN_LANG, the locale, en].")
@rules_option("Also look in organisation rules (CODE.rule.yaml) from DIR (repeatable).")
def command(code_or_key: str, lang: Optional[str], rule_dirs: tuple[str, ...]) -> None:
    """Explain a rule (AE305 or its name), a fact (F17) or a plan key (business_units.sync)."""
    from planner.catalogue import plan_keys
    from planner.catalogue.listing import explain_text, load_catalogue
    from planner.cli.language import configured

    lang = configured(lang, os.environ)
    rulebook = load_catalogue(rule_dirs)
    if rulebook.find(code_or_key) is None:
        key = plan_keys.find(code_or_key)
        if key is not None:
            sys.stdout.write(plan_keys.explain_key(key, lang))
            return
        if any(mark in code_or_key for mark in "._/"):
            raise plan_keys.unknown(code_or_key)
    sys.stdout.write(explain_text(rulebook, code_or_key, lang))
