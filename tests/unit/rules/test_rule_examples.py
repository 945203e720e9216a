"""Every rule file's examples are tests: the failing one fires where it says, the pass one not,
and each of its ``cases`` fires exactly at its ``fires_at`` (nowhere, for a plan that passes)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest

from planner.errors import PlannerError
from planner.lint.linter import Linter, LintOptions
from planner.rules.loader import load_rulebook
from planner.rules.rulebook import (
    Case,
    RuleSpec,
    builtin_rules_dir,
    read_rule_yaml,
    rule_from_raw,
)
from tests.conftest import SAMPLES, analyse
from tests.metadata_formats import convert

RULES = load_rulebook().rules
METADATA_RULES = [rule for rule in RULES if rule.examples.metadata is not None]
CASES = [(rule, case) for rule in RULES for case in rule.examples.cases]


def _with_metadata(linter: Linter, folder: Optional[str], lang: Optional[str] = None) -> Linter:
    """The shared linter, or one that checks against ``samples/metadata/<folder>``."""
    if folder is None:
        return linter
    key = (folder, lang)
    if key not in _METADATA_LINTERS:
        options = LintOptions(lang=lang, metadata=SAMPLES / "metadata" / folder)
        _METADATA_LINTERS[key] = Linter(options)
    return _METADATA_LINTERS[key]


_METADATA_LINTERS: dict[tuple[str, Optional[str]], Linter] = {}


def _folders(rule: RuleSpec) -> tuple[Optional[str], Optional[str]]:
    metadata = rule.examples.metadata
    return (metadata.fail, metadata.pass_) if metadata is not None else (None, None)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_failing_example_fires_at_the_documented_pointers(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(_with_metadata(linter, _folders(rule)[0]), rule.examples.fail)
    pointers = [finding.pointer for finding in analysis.findings if finding.code == rule.code]
    assert pointers == rule.examples.fail_at


@pytest.mark.parametrize(
    ("rule", "case"), CASES, ids=[f"{rule.code}-{case.name}" for rule, case in CASES]
)
def test_each_case_in_a_rule_file_fires_exactly_where_it_says(
    linter: Linter, rule: RuleSpec, case: Case
) -> None:
    """A case is linted like the failing example (against its metadata, if the rule names any)."""
    analysis = analyse(_with_metadata(linter, _folders(rule)[0]), case.plan)
    pointers = [finding.pointer for finding in analysis.findings if finding.code == rule.code]
    assert pointers == case.fires_at


def test_rule_files_carry_cases_beyond_their_two_examples() -> None:
    assert any(case.fires_at for _, case in CASES) and any(not case.fires_at for _, case in CASES)


def test_a_rule_file_with_two_cases_of_one_name_is_refused(tmp_path: Path) -> None:
    raw = read_rule_yaml(builtin_rules_dir() / "AE401.yaml")
    raw["examples"]["cases"].append(dict(raw["examples"]["cases"][0]))
    with pytest.raises(PlannerError, match="two cases are named"):
        rule_from_raw(raw, tmp_path / "AE401.yaml")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_passing_example_does_not_fire(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(_with_metadata(linter, _folders(rule)[1]), rule.examples.pass_)
    assert [f.code for f in analysis.findings if f.code == rule.code] == []


@pytest.mark.parametrize("rule", METADATA_RULES, ids=lambda rule: rule.code)
def test_metadata_examples_give_the_same_findings_in_metadata_api_format(
    rule: RuleSpec, tmp_path: Path
) -> None:
    """The same org retrieved in Metadata API format gives the same findings as its DX source."""
    fail, passing = _folders(rule)
    assert fail is not None and passing is not None
    for folder, plan, expected in ((fail, rule.examples.fail, rule.examples.fail_at),
                                   (passing, rule.examples.pass_, [])):  # fmt: skip
        converted = convert(SAMPLES / "metadata" / folder, tmp_path / folder)
        analysis = analyse(Linter(LintOptions(metadata=converted)), plan)
        assert [f.pointer for f in analysis.findings if f.code == rule.code] == expected


@pytest.mark.parametrize("rule", METADATA_RULES, ids=lambda rule: rule.code)
def test_metadata_findings_name_the_metadata_file(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(_with_metadata(linter, _folders(rule)[0]), rule.examples.fail)
    for finding in (f for f in analysis.findings if f.code == rule.code):
        assert finding.related or rule.severity.value == "info", finding
        for place in finding.related:
            assert f"metadata/{_folders(rule)[0]}/" in place.file, place


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_passing_example_is_a_valid_plan(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(_with_metadata(linter, _folders(rule)[1]), rule.examples.pass_)
    assert analysis.plan is not None, [f.message for f in analysis.findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_finding_line_matches_the_example_text(linter: Linter, rule: RuleSpec) -> None:
    analysis = analyse(_with_metadata(linter, _folders(rule)[0]), rule.examples.fail)
    lines = rule.examples.fail.splitlines()
    for finding in (f for f in analysis.findings if f.code == rule.code):
        assert 1 <= finding.line <= max(len(lines), 1)
        assert finding.column >= 1


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_messages_of_the_failing_example_are_fully_filled(rule: RuleSpec, lang: str) -> None:
    import re

    folder = _folders(rule)[0]
    chosen = _with_metadata(_linter(lang), folder, lang) if folder else _linter(lang)
    analysis = analyse(chosen, rule.examples.fail)
    for finding in (f for f in analysis.findings if f.code == rule.code):
        for text in (finding.message, finding.fix or ""):
            assert not re.search(r"\{[A-Za-z0-9_]+\}", text), text


_LINTERS: dict[str, Linter] = {}


def _linter(lang: str) -> Linter:
    from planner.lint.linter import LintOptions

    if lang not in _LINTERS:
        _LINTERS[lang] = Linter(LintOptions(lang=lang))
    return _LINTERS[lang]
