"""`aeplan lint --fix`, `--unsafe-fixes` and `--diff` on every sample, through the real CLI."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.lint.linter import Linter
from tests.conftest import SAMPLES

PLANS = sorted((SAMPLES / "good").glob("*.yaml")) + sorted((SAMPLES / "bad").glob("*.yaml"))


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["lint", "--isolated", *args])


def changed_lines(before: str, after: str) -> set[int]:
    """Line numbers (1-based, in ``before``) that the change touched; insertions count the line
    they were inserted above."""
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines())
    touched: set[int] = set()
    for tag, start, end, _, _ in matcher.get_opcodes():
        if tag != "equal":
            touched |= set(range(start + 1, max(end, start + 1) + 1))
    return touched


@pytest.mark.parametrize("sample", PLANS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fix_round_trips_every_sample(tmp_path: Path, linter: Linter, sample: Path) -> None:
    plan = tmp_path / sample.name
    shutil.copyfile(sample, plan)
    original = plan.read_bytes()
    before = linter.analyse_file(plan)
    fixable = {f.line for f in before.findings if f.edit is not None and f.edit.safe}

    diff = run("--diff", str(plan))
    assert plan.read_bytes() == original  # --diff changes nothing
    assert (diff.exit_code == 1) == bool(fixable), diff.output

    fixed = run("--fix", str(plan))
    assert fixed.exit_code in (0, 1), fixed.output
    after_text = plan.read_text(encoding="utf-8")
    if not fixable:
        assert plan.read_bytes() == original  # nothing to fix: the file is not even rewritten
        return
    touched = changed_lines(original.decode("utf-8"), after_text)
    assert touched <= fixable | {line + 1 for line in fixable}, (touched, fixable)
    after = linter.analyse_file(plan)
    assert not [f for f in after.findings if f.edit is not None and f.edit.safe]
    if all(f.edit is not None and f.edit.safe for f in before.findings):
        # Only fixable findings: nothing of them is left (a structural finding hid the other
        # rules, which now run; fixable.yaml below is clean of those too).
        assert not {f.code for f in after.findings} & {f.code for f in before.findings}


def test_fixable_sample_becomes_clean_and_keeps_comments(tmp_path: Path) -> None:
    plan = tmp_path / "fixable.yaml"
    shutil.copyfile(SAMPLES / "bad" / "fixable.yaml", plan)
    result = run("--fix", str(plan))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"aeplan: fixed 7 findings in {plan}\n"
    assert result.stdout == "No findings in 1 file.\n"
    text = plan.read_text(encoding="utf-8")
    assert "aeplan: 1\nsalesforce:   # expect: AE005\n" in text
    assert "    connector: {version: 2, state: paused, user: integration_user}   # expect" in text
    assert "  org: acme-production   # the production org\n" in text


def test_diff_prints_a_unified_diff_and_exits_one(tmp_path: Path) -> None:
    plan = tmp_path / "fixable.yaml"
    shutil.copyfile(SAMPLES / "bad" / "fixable.yaml", plan)
    result = run("--diff", str(plan))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- a/{plan}\n+++ b/{plan}\n")
    assert "-      scope: All Records   # expect: AE002\n" in result.stdout
    assert "+      scope: all_records   # expect: AE002\n" in result.stdout
    assert "7 findings would be fixed" in result.stderr


def test_unsafe_fixes_need_the_flag(tmp_path: Path) -> None:
    plan = tmp_path / "guess.yaml"
    plan.write_text(
        "aeplan: 1\nsalesforce: {org: x}\nbusiness_units:\n  - name: a\n    edition: adv\n",
        encoding="utf-8",
    )
    safe_only = run("--fix", str(plan))
    assert "edition: adv\n" in plan.read_text(encoding="utf-8")
    assert "[fixable with --unsafe-fixes]" in safe_only.stdout
    run("--fix", "--unsafe-fixes", str(plan))
    assert "edition: advanced\n" in plan.read_text(encoding="utf-8")


def test_json_and_sarif_carry_the_fix(tmp_path: Path) -> None:
    sample = str(SAMPLES / "bad" / "fixable.yaml")
    document = json.loads(run("--format", "json", sample).stdout)
    edits = [finding["edit"] for finding in document["findings"]]
    assert {"line": 9, "column": 22, "end_line": 9, "end_column": 28, "replacement": "weekly",
            "applicability": "safe"} in edits  # fmt: skip
    sarif = json.loads(run("--format", "sarif", sample).stdout)
    fixes = [result["fixes"][0] for result in sarif["runs"][0]["results"] if "fixes" in result]
    assert len(fixes) == 7
    replacement = fixes[0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"] == {"text": "aeplan: 1\n"}
    assert replacement["deletedRegion"] == {
        "startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 1,
    }  # fmt: skip


def test_fix_keeps_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    plan = tmp_path / "windows.yaml"
    text = (
        "aeplan: 1\r\nsalesforce: {org: x}\r\nbusiness_units:\r\n"
        "  - name: a\r\n    edition: Plus\r\n"
    )
    plan.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    run("--fix", str(plan))
    assert plan.read_bytes() == b"\xef\xbb\xbf" + text.replace("Plus", "plus").encode("utf-8")


def test_fix_refuses_standard_input() -> None:
    result = CliRunner().invoke(cli, ["lint", "--fix", "-"], input="aeplan: 1\n")
    assert result.exit_code == 2
    assert "--fix cannot rewrite standard input" in result.stderr
