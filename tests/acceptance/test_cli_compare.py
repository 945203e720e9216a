"""`aeplan compare` through the real command line: formats, languages, determinism, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import REPO, SAMPLES

TWO_BU = str(SAMPLES / "good" / "two-bu-mds.yaml")
ACME_JA = str(SAMPLES / "good" / "acme-japan.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_two_bu_text_shows_ae201_blocking_and_recommends_mds() -> None:
    code, out, err = run("compare", TWO_BU)
    assert (code, err) == (0, "")
    assert out.startswith("Sync method options for ")
    assert "Legend:" in out.splitlines()[1]
    assert "Option" in out and "Blocked by" in out and "Salesforce licences" in out
    row = next(line for line in out.splitlines() if "integration user + all records  " in line)
    assert "AE201" in row
    assert "Blocked by: AE201 multi-bu-integration-user-without-mds" in out
    assert out.count("Recommended: integration user + MDS. The plan as written is already") == 2


def test_single_bu_without_licences_blocks_the_custom_user_in_japanese() -> None:
    code, out, _ = run("compare", ACME_JA)
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("   カスタムコネクタユーザー")]
    assert len(rows) == 2
    assert all("ライセンス（1 件必要、空き 0 件）" in row for row in rows)
    assert (
        "推奨：インテグレーションユーザー + 全レコード。現在のプランが既に最適な選択です。" in out
    )


def test_lang_flag_overrides_the_plan_language() -> None:
    _, out, _ = run("compare", "--lang", "en", ACME_JA)
    assert "custom user + all records" in out
    assert "licences (1 needed, 0 free)" in out


def test_json_format_is_parseable_and_stable() -> None:
    code, out, _ = run("compare", "--format", "json", TWO_BU)
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 1
    assert [unit["recommendation"]["option"] for unit in document["business_units"]] == [
        "integration_user+marketing_data_sharing"
    ] * 2
    blocked = document["business_units"][0]["options"][0]
    assert blocked["blocked"] and blocked["errors"][0]["code"] == "AE201"
    assert run("compare", "--format", "json", TWO_BU)[1] == out


def test_markdown_format_in_both_languages() -> None:
    _, english, _ = run("compare", "--format", "markdown", TWO_BU)
    _, japanese, _ = run("compare", "--format", "markdown", "--lang", "ja", TWO_BU)
    assert english.startswith("# Sync method options\n")
    assert "| | Option | Blocked by |" in english
    assert japanese.startswith("# 同期方法の選択肢\n")
    assert "| | 選択肢 | ブロック要因 |" in japanese


def test_broken_plan_exits_two_with_one_line_naming_file_and_position() -> None:
    broken = str(SAMPLES / "bad" / "broken-yaml.yaml")
    code, out, err = run("compare", broken)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"aeplan: error: {broken}:4:13: the plan cannot be read: AE001")


def test_invalid_plan_and_missing_file_exit_two(tmp_path: Path) -> None:
    code, _, err = run("compare", str(SAMPLES / "bad" / "structure.yaml"))
    assert code == 2 and ":6:3: the plan cannot be read: AE003" in err
    code, _, err = run("compare", str(tmp_path / "missing.yaml"))
    assert code == 2 and "missing.yaml" in err


def test_output_is_identical_across_hash_seeds() -> None:
    outputs = set()
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        process = subprocess.run(
            [sys.executable, "-m", "planner", "compare", "--format", "markdown", TWO_BU],
            capture_output=True,
            check=True,
            cwd=REPO,
            env=environment,
        )
        outputs.add(process.stdout)
    assert len(outputs) == 1


def test_organisation_rules_take_part_in_the_comparison() -> None:
    plan = str(SAMPLES / "good" / "minimal.yaml")
    code, out, _ = run("compare", "--format", "json", "--rules", str(SAMPLES / "org-rules"), plan)
    assert code == 0
    unit = json.loads(out)["business_units"][0]
    blocked = {option["id"] for option in unit["options"] if option["blocked"]}
    assert blocked == {"integration_user+all_records", "custom_user+all_records"}
    assert unit["recommendation"]["option"] == "integration_user+marketing_data_sharing"
    assert run("compare", "--format", "json", plan)[1] != out


def test_every_sample_compares_or_is_refused_cleanly() -> None:
    plans = sorted((SAMPLES / "good").glob("*.yaml")) + sorted((SAMPLES / "bad").glob("*.yaml"))
    for index, plan in enumerate(plans):
        output_format = ("text", "json", "markdown")[index % 3]
        code, out, err = run("compare", "--format", output_format, str(plan))
        assert code in (0, 2), (plan, err)
        assert (code == 0) == bool(out) and (code == 2) == bool(err), plan
        if plan.parent.name == "good":
            assert code == 0, err


def test_a_plan_holding_a_secret_is_refused_without_showing_it(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units:\n"
        '  - name: "-----BEGIN PRIVATE KEY----- abcdefabcdefabcdef"\n',
        encoding="utf-8",
    )
    code, out, err = run("compare", str(plan))
    assert code == 2 and out == ""
    assert err.startswith(f"aeplan: error: {plan}:4:") and "AE801" in err
    assert "abcdef" not in err


def test_the_report_has_the_sync_method_options_section() -> None:
    code, english, _ = run("report", "--isolated", "--format", "markdown", "--lang", "en", TWO_BU)
    assert code == 0
    section = english.split("## Sync method options\n", 1)[1].split("\n## ", 1)[0]
    assert "| integration user + MDS (as written) **Recommended** | none |" in section
    assert "#### integration user + MDS (as written) — recommended\n" in section
    assert "**Recommended:** integration user + MDS." in section
    _, japanese, _ = run("report", "--isolated", "--format", "html", "--lang", "ja", TWO_BU)
    assert '<section id="sync_options"' in japanese and "<h2>同期方法の選択肢</h2>" in japanese


def test_the_option_as_written_shows_lints_warning_in_text_json_and_report(tmp_path: Path) -> None:
    """Newcomer #1: a plan without `field_level_security` gets AE317 from lint, and the option
    as written says so everywhere, with nothing changed behind the user's back."""
    from planner.init.plan_writer import Answers, render_plan

    answers = Answers(business_units=("Japan", "Korea"), scope="marketing_data_sharing")
    plan = tmp_path / "good.yaml"
    plan.write_text(render_plan(answers).replace(", field_level_security", ""), encoding="utf-8")
    _, out, _ = run("lint", str(plan))
    assert out.count("AE317 [warning]") == 2
    _, out, _ = run("compare", str(plan))
    rows = [line for line in out.splitlines() if "integration user + MDS (as written)  " in line]
    assert len(rows) == 2 and all("AE317" in row for row in rows)
    assert "Changes from the plan: none (the plan as written)" in out
    _, out, _ = run("compare", "--format", "json", str(plan))
    document = json.loads(out)
    for unit in document["business_units"]:
        written = next(option for option in unit["options"] if option["as_written"])
        assert [item["code"] for item in written["warnings"]] == ["AE317"]
        assert written["changes"] == [] and written["steps"] == []
    _, out, _ = run("report", str(plan))
    rows = [line for line in out.splitlines() if "(as written)" in line and line.startswith("|")]
    assert rows and all("AE317" in row for row in rows)
