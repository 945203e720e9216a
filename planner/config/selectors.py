"""Rule selectors: a code, a code prefix or a rule name, the same wherever rules are chosen.

``--select``/``--ignore``, the configuration's ``select``, ``ignore``, ``extend-select``,
``severity`` and ``per-file-ignores``, and ``# aeplan: ignore[...]`` comments all take the same
selectors. A selector that matches no rule is a mistake that would make CI pass by accident, so
it is a one-line :class:`PlannerError` with the closest codes and names as suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Optional

from planner.config.settings import Settings
from planner.errors import PlannerError
from planner.rules.rulebook import Rulebook
from planner.suggestions import closest_rule

_LOOK_ALIKE_DIGITS = str.maketrans({"O": "0", "I": "1", "L": "1"})

_OPTIONS = {"select": "--select", "ignore": "--ignore"}


class Vocabulary:
    """The codes and names of the rules in force, for turning selectors into code prefixes."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.codes = tuple(rule.code for rule in rulebook.rules)
        self.names: Mapping[str, str] = {rule.name: rule.code for rule in rulebook.rules}

    def code_for(self, selector: str) -> Optional[str]:
        """The code prefix ``selector`` stands for, or None when it matches no rule.

        A selector is a code prefix (any case: ``AE4``, ``ae402``) or a rule name (any case).
        """
        upper = selector.upper()
        if upper and any(code.startswith(upper) for code in self.codes):
            return upper
        return self.names.get(selector.lower())

    def suggestion(self, selector: str) -> str:
        """The closest code or name to ``selector``, or ``""``."""
        upper = selector.upper()
        # Letters typed for look-alike digits (AE4O2, AE1l0) are the likeliest slip of all.
        digits = upper[:2] + upper[2:].translate(_LOOK_ALIKE_DIGITS)
        if digits != upper and self.code_for(digits) is not None:
            return digits
        return closest_rule(selector, self.codes, list(self.names))

    def resolved(self, selectors: Iterable[str], where: str, *, file: Optional[str] = None,
                 line: int = 0, written: Optional[Mapping[str, str]] = None,
                 ) -> tuple[str, ...]:  # fmt: skip
        """Each selector as a code prefix; the first that matches no rule is a PlannerError
        quoting the selector as the user wrote it (``written``: canonical → as written)."""
        out: list[str] = []
        for selector in selectors:
            code = self.code_for(selector)
            if code is None:
                close = self.suggestion(selector)
                key = "selector.unknown_in_config" if file is not None else "selector.unknown"
                key += "_close" if close else ""
                shown = (written or {}).get(selector, selector)
                raise PlannerError.keyed(
                    key, where=where, selector=shown, close=close, file=file, line=line
                )
            out.append(code)
        return tuple(out)


def resolve_selectors(settings: Settings, rulebook: Rulebook) -> Settings:
    """``settings`` with every selector turned into a code prefix; unknown ones are errors.

    Selectors from the configuration file are checked first and named with its file and line;
    then those from the command line, named with their option.
    """
    words = Vocabulary(rulebook)
    file, lines = settings.config_name, settings.lines
    for key, codes in settings.configured_codes:
        words.resolved(
            codes, f"`{key}`", file=file, line=lines.get(key, 0), written=settings.written
        )
    configured = {key: set(codes) for key, codes in settings.configured_codes}

    def command_line(key: str, selectors: tuple[str, ...]) -> tuple[str, ...]:
        mine = configured.get(key, set())
        for selector in selectors:
            if selector not in mine:
                words.resolved((selector,), f"`{_OPTIONS.get(key, key)}`", written=settings.written)
        return words.resolved(selectors, key)

    return replace(
        settings,
        select=command_line("select", settings.select),
        ignore=command_line("ignore", settings.ignore),
        extend_select=words.resolved(settings.extend_select, "extend-select"),
        severity=tuple(
            sorted(
                (words.resolved((code,), "severity")[0], level) for code, level in settings.severity
            )
        ),
        per_file_ignores=tuple(
            (glob, words.resolved(codes, "per-file-ignores"))
            for glob, codes in settings.per_file_ignores
        ),
    )
