"""The rule catalogue for people: list the rules, find one by code or name, explain it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.catalogue.explanation import explain, label, render_text, severity_word
from planner.catalogue.factsheet import explain_fact, fact_id, fact_sheet_path, load_confidences
from planner.errors import PlannerError
from planner.i18n import fill
from planner.rules.loader import load_rulebook
from planner.rules.organisation import BUILTIN_PREFIX
from planner.terminal import printable, width

if TYPE_CHECKING:
    from planner.rules.rulebook import Rulebook, RuleSpec

LISTING_VERSION = 1


def load_catalogue(rule_dirs: Sequence[str] = ()) -> Rulebook:
    """The built-in rules plus the organisation rules in ``rule_dirs``."""
    return load_rulebook(tuple(Path(folder) for folder in rule_dirs))


def origin(rule: RuleSpec) -> str:
    """``built-in`` for aeplan's own rules, ``organisation`` for rules loaded with ``--rules``."""
    return "built-in" if rule.code.startswith(BUILTIN_PREFIX) else "organisation"


def lookup(rulebook: Rulebook, wanted: str, lang: str) -> RuleSpec:
    """The rule with this code or name; otherwise a one-line error naming the closest match."""
    rule = rulebook.find(wanted)
    if rule is not None:
        return rule
    given = wanted.strip()
    organisation_code = re.fullmatch(r"[A-Za-z][A-Za-z0-9]{1,7}[0-9]{3}", given) is not None
    organisation_code = organisation_code and not given.upper().startswith(BUILTIN_PREFIX)
    close = ""
    if organisation_code and all(origin(known) == "built-in" for known in rulebook.rules):
        hint = "rules.organisation_hint"
    else:
        close = closest(rulebook, given)
        hint = "rules.did_you_mean" if close else ""
    raise PlannerError.keyed(
        "rules.unknown", wanted=printable(wanted), close=close,
        hint=fill(hint, "en", close=close) if hint else "", hint_key=hint,
    )  # fmt: skip


def closest(rulebook: Rulebook, wanted: str) -> str:
    """The code or name most like ``wanted``, or ``""`` (as ``lint --select`` suggests it)."""
    from planner.suggestions import closest_rule

    return closest_rule(wanted, [rule.code for rule in rulebook.rules],
                        [rule.name for rule in rulebook.rules])  # fmt: skip


def listing(rulebook: Rulebook, lang: str) -> dict[str, Any]:
    """The documented JSON document of ``aeplan rules --format json`` (version 1)."""
    return {
        "version": LISTING_VERSION,
        "lang": lang,
        "rules": [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity.value,
                "summary": rule.summary.get(lang),
                "origin": origin(rule),
                "help": f"aeplan explain {rule.code}",
            }
            for rule in rulebook.rules
        ],
    }


def render_json(rulebook: Rulebook, lang: str) -> str:
    """The listing as indented UTF-8 JSON."""
    return json.dumps(listing(rulebook, lang), ensure_ascii=False, indent=2) + "\n"


def render_table(rulebook: Rulebook, lang: str) -> str:
    """The listing as an aligned table; text from organisation rule files is made printable."""
    header = [label(key, lang) for key in ("code", "name", "severity", "summary")]
    rows = [header] + [
        [
            printable(rule.code),
            printable(rule.name),
            severity_word(rule.severity.value, lang),
            printable(rule.summary.get(lang)),
        ]
        for rule in rulebook.rules
    ]
    widths = [max(width(row[column]) for row in rows) for column in range(3)]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row[:3])]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    return "\n".join(lines) + "\n"


LISTING_FORMATS: dict[str, Callable[[Rulebook, str], str]] = {
    "text": render_table,
    "json": render_json,
}


def explain_text(rulebook: Rulebook, wanted: str, lang: str) -> str:
    """``aeplan explain``: the rule's docs in fixed sections, ready for a terminal."""
    if fact_id(wanted) is not None and rulebook.find(wanted) is None:
        try:
            sheet = fact_sheet_path().read_text(encoding="utf-8")
        except OSError:
            sheet = ""
        found = explain_fact(sheet, wanted, lang)
        if found is None:
            raise PlannerError(fill("explain.fact.unknown", lang, wanted=wanted))
        return found
    rule = lookup(rulebook, wanted, lang)
    return render_text(explain(rule, lang, load_confidences()), lang)
