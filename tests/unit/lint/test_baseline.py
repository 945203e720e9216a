"""Baselines: fingerprints without lines, duplicates counted, stable files, clear errors."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from planner.config.settings import Settings
from planner.errors import PlannerError
from planner.findings import Finding, Severity
from planner.lint import baseline
from planner.lint.run import Adoption, run

PLAN = """\
aeplan: 1
salesforce: {org: acme-production}
team:
  account_engagement_admins: [Hanako Sato]
  salesforce_admin: Taro Suzuki
  sync_error_owner: Ops
business_units:
  - name: Japan
    connector: {version: 2, state: paused, user: integration_user}
    imports:
      - {name: Webinar leads, match_by: email, assign: false, expect_salesforce_records: true}
"""
SECOND_IMPORT = (
    "      - {name: Expo, match_by: email, assign: false, expect_salesforce_records: true}\n"
)


def finding(file: str, line: int = 1, code: str = "AE402", pointer: str = "/x") -> Finding:
    return Finding(code, "name", Severity.ERROR, "message", file, pointer, line, 1)


def test_the_fingerprint_ignores_the_line_and_uses_forward_slashes(tmp_path: Path) -> None:
    file = str(tmp_path / "plans" / "a.yaml")
    assert baseline.fingerprint(finding(file, 3), tmp_path) == ("plans/a.yaml", "AE402", "/x")
    assert baseline.fingerprint(finding(file, 30), tmp_path) == ("plans/a.yaml", "AE402", "/x")
    outside = baseline.fingerprint(finding(file), tmp_path / "elsewhere")
    assert outside[0] == "../plans/a.yaml"


def test_the_file_is_sorted_stable_json(tmp_path: Path) -> None:
    counts = Counter({("b.yaml", "AE1", "/"): 1, ("a.yaml", "AE2", "/y"): 2})
    text = baseline.render(counts)
    assert text == baseline.render(Counter(dict(reversed(list(counts.items())))))
    document = json.loads(text)
    assert document["aeplan_baseline"] == 1
    assert [entry["file"] for entry in document["findings"]] == ["a.yaml", "b.yaml"]
    assert document["findings"][0] == {"file": "a.yaml", "code": "AE2", "pointer": "/y", "count": 2}


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    findings = [finding(str(tmp_path / "a.yaml"), line) for line in (1, 2)]
    assert baseline.write(path, findings) == 2
    assert baseline.read(path) == Counter({("a.yaml", "AE402", "/x"): 2})


def test_subtract_counts_duplicates(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    settings = Settings(root=tmp_path, select=("AE402",))
    result = run([str(plan)], settings).result
    assert [f.code for f in result.findings] == ["AE402"]
    known = Counter({("plan.yaml", "AE402", "/business_units/0/imports/0/assign"): 1})
    left, matched = baseline.subtract(result, known, tmp_path)
    assert (left.findings, len(matched), left.baselined) == ([], 1, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "baseline is not valid JSON"),
        ("[]", "malformed baseline"),
        (
            '{"aeplan_baseline": 1, "findings": [{"file": "a", "code": "AE1"}]}',
            "malformed baseline",
        ),
        ('{"aeplan_baseline": 1, "findings": [], "extra": 1}', "malformed baseline"),
        ('{"aeplan_baseline": 9, "findings": []}', "version 9 is not supported"),
    ],
)
def test_malformed_baselines_are_one_line_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlannerError, match=message) as caught:
        baseline.read(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_invalid_json_names_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text('{\n  "aeplan_baseline": 1,\n  oops\n}', encoding="utf-8")
    with pytest.raises(PlannerError, match=r"baseline\.json:3:3: baseline is not valid JSON"):
        baseline.read(path)


def test_a_missing_baseline_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PlannerError, match="baseline file not found"):
        baseline.read(tmp_path / "nope.json")


def test_only_new_findings_survive_and_edits_above_do_not_matter(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text(PLAN, encoding="utf-8")
    settings = Settings(root=tmp_path, select=("AE402",))
    stored = tmp_path / "aeplan-baseline.json"
    written = run([str(plan)], settings, Adoption(write_baseline=stored))
    assert written.written == 1 and written.result.findings == []
    plan.write_text("# a new comment shifts every line\n" + PLAN + SECOND_IMPORT, encoding="utf-8")
    later = run([str(plan)], settings, Adoption(baseline=stored)).result
    assert [f.pointer for f in later.findings] == ["/business_units/0/imports/1/assign"]
    assert later.baselined == 1


def test_reading_and_writing_together_ratchets(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN + SECOND_IMPORT, encoding="utf-8")
    settings = Settings(root=tmp_path, select=("AE402",))
    stored = tmp_path / "baseline.json"
    run([str(plan)], settings, Adoption(write_baseline=stored))
    assert sum(baseline.read(stored).values()) == 2
    fixed_one = PLAN.replace("assign: false", "assign: true") + SECOND_IMPORT
    plan.write_text(fixed_one + SECOND_IMPORT.replace("Expo", "Fair"), encoding="utf-8")
    outcome = run([str(plan)], settings, Adoption(baseline=stored, write_baseline=stored))
    assert [f.pointer for f in outcome.result.findings] == ["/business_units/0/imports/2/assign"]
    assert outcome.written == 1
    assert list(baseline.read(stored)) == [
        ("plan.yaml", "AE402", "/business_units/0/imports/1/assign")
    ]


def test_a_baseline_never_overwrites_a_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    with pytest.raises(PlannerError, match="refusing to overwrite"):
        run([str(plan)], Settings(root=tmp_path), Adoption(write_baseline=plan))
    assert plan.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize(
    ("text", "english", "japanese"),
    [
        ('{"aeplan_baseline": 1,}', "a key in double quotes is expected", "二重引用符で囲んだキー"),
        ("[1 2]", "a `,` between two items", "項目を区切る `,`"),
        ('"open', "is never closed", "で閉じられていません"),
        ('"a\tb"', "a control character", "制御文字"),
        ("{} x", "more text follows the end of the JSON document", "さらにテキストがあります"),
        ("[" * 5000, "nested too deeply", "入れ子が深すぎます"),
        ("[" + "9" * 101 + "]", "an integer of 101 digits cannot be a count", "101 桁の整数"),
        ("[]", "malformed baseline: the whole file: expected an object", "ファイル全体"),
        ('{"aeplan_baseline": "1", "findings": []}', "aeplan_baseline: expected a whole number",
         "整数を指定してください"),
        ('{"aeplan_baseline": 1}', "findings: this key is missing", "このキーがありません"),
        ('{"aeplan_baseline": 1, "findings": [], "x": 1}', "x: this key is not part of a baseline",
         "ベースラインのキーではありません"),
        ('{"aeplan_baseline": 1, "findings": [{"file": "a", "code": "AE1", "pointer": "",'
         ' "count": 0}]}', "findings.0.count: expected a number of at least 1", "1 以上の数"),
    ],
)  # fmt: skip
def test_baseline_problems_are_said_in_aeplan_words_in_both_languages(
    tmp_path: Path, text: str, english: str, japanese: str
) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        baseline.read(path)
    said_in_japanese = caught.value.one_line("ja")
    assert english in caught.value.one_line("en")
    assert japanese in said_in_japanese
    # no word of json's or pydantic's own English is quoted back
    for library_words in ("Expecting", "Input should", "Field required", "Extra data", "Invalid"):
        assert library_words not in said_in_japanese and library_words not in str(caught.value)
