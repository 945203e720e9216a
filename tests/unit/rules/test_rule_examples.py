"""Every rule file's examples are tests: the failing one fires where it says, the pass one not."""

from __future__ import annotations

import pytest

from planner.lint.linter import Linter
from planner.rules.loader import load_rulebook
from planner.rules.rulebook import RuleSpec
from tests.conftest import analyse

RULES = load_rulebook().rules


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_failing_example_fires_at_the_documented_pointers(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(linter, rule.examples.fail)
    pointers = [finding.pointer for finding in analysis.findings if finding.code == rule.code]
    assert pointers == rule.examples.fail_at


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_passing_example_does_not_fire(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(linter, rule.examples.pass_)
    assert [f.code for f in analysis.findings if f.code == rule.code] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_passing_example_is_a_valid_plan(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(linter, rule.examples.pass_)
    assert analysis.plan is not None, [f.message for f in analysis.findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_finding_line_matches_the_example_text(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(linter, rule.examples.fail)
    lines = rule.examples.fail.splitlines()
    for finding in (f for f in analysis.findings if f.code == rule.code):
        assert 1 <= finding.line <= max(len(lines), 1)
        assert finding.column >= 1


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_messages_of_the_failing_example_are_fully_filled(rule: RuleSpec, lang: str) -> None:
    import re

    analysis = analyse(_linter(lang), rule.examples.fail)
    for finding in (f for f in analysis.findings if f.code == rule.code):
        for text in (finding.message, finding.fix or ""):
            assert not re.search(r"\{[A-Za-z0-9_]+\}", text), text


_LINTERS: dict[str, Linter] = {}


def _linter(lang: str) -> Linter:
    from planner.lint.linter import LintOptions

    if lang not in _LINTERS:
        _LINTERS[lang] = Linter(LintOptions(lang=lang))
    return _LINTERS[lang]
