"""`aeplan rules`, `aeplan explain` and `aeplan lint --rules DIR`, as a new user would try them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.catalogue.explanation import label
from planner.catalogue.listing import explain_text
from planner.cli import cli
from planner.rules.loader import load_rulebook
from planner.terminal import printable, width
from tests.conftest import SAMPLES

ORG = str(SAMPLES / "org-rules")
ACME001 = (SAMPLES / "org-rules" / "ACME001.rule.yaml").read_text(encoding="utf-8")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_rules_lists_every_rule_as_an_aligned_table() -> None:
    code, out, _ = run("rules")
    rules = load_rulebook().rules  # loaded right after the CLI: other rule files may be landing
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["code", "name", "severity", "summary"]
    assert [line.split()[0] for line in lines[1:]] == [rule.code for rule in rules]
    column = lines[0].index("summary")
    for rule, line in zip(rules, lines[1:]):
        assert line[column:] == rule.summary.en
        assert line.split()[1:3] == [rule.name, rule.severity.value]


def test_rules_in_japanese_with_organisation_rules() -> None:
    code, out, _ = run("rules", "--lang", "ja", "--rules", ORG)
    assert code == 0
    assert out.splitlines()[0].split() == ["コード", "名前", "重大度", "概要"]
    rows = {line.split()[0]: line.split()[1:3] for line in out.splitlines()[1:]}
    assert rows["ACME001"] == ["every-bu-uses-mds", "エラー"]
    assert rows["ACME002"] == ["country-is-salesforce-primary", "警告"]
    columns = [re.match(r"\S+ +\S+ +\S+ +", line) for line in out.splitlines()]
    summaries = [width(match.group(0)) for match in columns if match]
    assert len(summaries) == len(columns)
    assert len(set(summaries)) == 1, "summaries start in one column"


def test_rules_json_is_documented_and_stable() -> None:
    code, out, _ = run("rules", "--format", "json", "--rules", ORG)
    document = json.loads(out)
    assert code == 0
    assert set(document) == {"version", "lang", "rules"}
    assert (document["version"], document["lang"]) == (1, "en")
    first = document["rules"][0]
    assert set(first) == {"code", "name", "severity", "summary", "origin", "help"}
    origins = {rule["code"]: rule["origin"] for rule in document["rules"]}
    assert origins["ACME001"] == "organisation" and origins["AE104"] == "built-in"
    assert [rule["code"] for rule in document["rules"]] == sorted(origins)
    assert run("rules", "--format", "json", "--rules", ORG)[1] == out


@pytest.mark.parametrize("wanted", ["AE104", "ae104", "unpause-before-review"])
def test_explain_by_code_or_name_prints_the_fixed_sections(wanted: str) -> None:
    code, out, _ = run("explain", wanted)
    assert code == 0
    assert out.startswith("AE104 · unpause-before-review · warning\n")
    titles = ["What it checks", "Why it matters", "Example", "How to fix", "Facts", "References"]
    positions = [out.index(f"\n{title}\n") for title in titles]
    assert positions == sorted(positions)
    assert "  Fails (finding at /business_units/0/rollout/before_unpause):\n" in out
    assert "    rollout: {before_unpause: [review_settings]}\n" in out
    assert "  F09 (confidence: high)\n" in out
    assert "  https://help.salesforce.com/" in out


def test_explain_in_japanese() -> None:
    code, out, _ = run("explain", "AE104", "--lang", "ja")
    assert code == 0
    for title in ("検出する内容", "重要な理由", "例", "修正方法", "根拠となる事実", "参考資料"):
        assert f"\n{title}\n" in out
    assert "一時停止" in out and "（確度: 高）" in out


def test_every_rule_explains_in_both_languages() -> None:
    rulebook = load_rulebook()
    for rule in rulebook.rules:
        for lang in ("en", "ja"):
            text = explain_text(rulebook, rule.code, lang)
            assert text.startswith(f"{rule.code} · {rule.name} · ")
            assert printable(rule.docs.why.get(lang)).rstrip() in text
            assert text.count(f"\n{label('references', lang)}\n") == 1


def test_explain_shows_a_caveat_when_the_rule_has_one() -> None:
    code, out, _ = run("explain", "ACME001", "--rules", ORG)
    assert code == 0
    assert "\nCaveat\n  This is a house policy" in out
    assert "\nFacts\n  (none)\n" in out


def test_unknown_rule_is_one_line_with_the_closest_code_or_name() -> None:
    code, out, err = run("explain", "AE1O4")
    assert (code, out) == (2, "")
    assert err == (
        "aeplan: error: unknown rule `AE1O4` (did you mean AE104?); `aeplan rules` lists them all\n"
    )
    assert "(did you mean unpause-before-review?)" in run("explain", "unpause-review")[2]
    assert "見つかりません" in run("explain", "nothing-like-it", "--lang", "ja")[2]
    assert "organisation rules need --rules DIR" in run("explain", "ACME001")[2]
    assert "(did you mean ACME001?)" in run("explain", "ACME003", "--rules", ORG)[2]


def test_organisation_rule_text_is_shown_harmlessly(tmp_path: Path) -> None:
    evil = ACME001.replace(
        "  en: Every business unit selects",
        '  en: "\\e[31mRED\\x07 \\u202e Every business unit selects',
    ).replace("(house policy).\n  ja:", '(house policy)."\n  ja:', 1)
    (tmp_path / "ACME001.rule.yaml").write_text(evil, encoding="utf-8")
    for args in (["rules"], ["explain", "ACME001"]):
        code, out, _ = run(*args, "--rules", str(tmp_path))
        assert code == 0
        assert "RED" in out and "\\x1b" in out
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_lint_with_organisation_rules_fires_and_passes() -> None:
    minimal = str(SAMPLES / "good" / "minimal.yaml")
    two_bu = str(SAMPLES / "good" / "two-bu-mds.yaml")
    code, out, _ = run("lint", "--rules", ORG, "--select", "ACME", "--format", "json", minimal)
    findings = json.loads(out)["findings"]
    assert code == 1
    assert [(f["code"], f["name"], f["severity"]) for f in findings] == [
        ("ACME001", "every-bu-uses-mds", "error")
    ]
    assert findings[0]["help"] == "aeplan explain ACME001"
    passing = run("lint", "--rules", ORG, "--select", "ACME", "--fail-on", "info", two_bu)
    assert passing == (0, "No findings in 1 file.\n", "")


def test_lint_with_a_broken_organisation_rule_is_exit_two(tmp_path: Path) -> None:
    (tmp_path / "ACME001.rule.yaml").write_text(ACME001.replace("ACME001", "AE999"), "utf-8")
    code, out, err = run("lint", "--rules", str(tmp_path), str(SAMPLES / "good"))
    assert (code, out) == (2, "")
    assert err.startswith(f"aeplan: error: {tmp_path / 'ACME001.rule.yaml'}: ")
    assert err.count("\n") == 1


def test_lint_of_the_samples_folder_does_not_read_rule_files_as_plans() -> None:
    _, out, _ = run("lint", "--format", "json", str(SAMPLES))
    files = {finding["file"] for finding in json.loads(out)["findings"]}
    assert not any(name.endswith(".rule.yaml") for name in files)
    plans = [p for p in SAMPLES.rglob("*.yaml") if not p.name.endswith(".rule.yaml")]
    assert json.loads(out)["summary"]["files"] == len(plans)
