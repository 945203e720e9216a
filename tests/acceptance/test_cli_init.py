"""`aeplan init` through click: interactive and scripted answers, no overwriting, Japanese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from planner.findings import Severity
from planner.lint.linter import Linter

TEAM = (
    "--ae-admins",
    "Hanako Sato, Mina Park",
    "--salesforce-admin",
    "Taro Suzuki",
    "--owner",
    "Marketing Ops",
)


def init(tmp_path: Path, *args: str, answers: str | None = None) -> tuple[Result, Path]:
    target = tmp_path / "aeplan.yaml"
    result = CliRunner().invoke(cli, ["init", "-o", str(target), *args], input=answers)
    return result, target


def errors(linter: Linter, path: Path) -> list[str]:
    analysis = linter.analyse_file(path)
    assert analysis.plan is not None
    return [f.code for f in analysis.findings if f.severity is Severity.ERROR]


def test_scripted_one_bu_all_records_lints_clean(tmp_path: Path, linter: Linter) -> None:
    result, target = init(tmp_path, "--no-input", "--org", "acme-production", *TEAM)
    assert result.exit_code == 0, result.output
    assert "It lints clean." in result.stdout
    assert linter.analyse_file(target).findings == ()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=plan.schema.json\n")
    assert "scope: all_records" in text
    schema = tmp_path / "plan.schema.json"
    assert json.loads(schema.read_text(encoding="utf-8"))["title"]
    assert f"Wrote {schema}," in result.stdout


def test_scripted_two_bu_mds_has_no_errors(tmp_path: Path, linter: Linter) -> None:
    result, target = init(
        tmp_path, "--no-input", "--bus", "Japan,Korea", "--scope", "marketing_data_sharing",
        "--mds-lead-field", "Lead_BU__c", "--mds-contact-field", "Contact_BU__c",
        "--partner", "Example Partners KK", "--connector-version", "2", *TEAM,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert errors(linter, target) == []
    plan = linter.analyse_file(target).data
    assert plan is not None
    japan, korea = plan["business_units"]
    assert japan["sync"]["marketing_data_sharing"][0] == {
        "object": "lead", "field": "Lead_BU__c", "operator": "equals", "value": "Japan",
    }  # fmt: skip
    assert korea["sync"]["marketing_data_sharing"][1]["field"] == "Contact_BU__c"
    assert "marketing_data_sharing" in korea["rollout"]["before_unpause"]


def test_interactive_answers_one_by_one(tmp_path: Path, linter: Linter) -> None:
    answers = "\n".join([
        "en", "globex-production", "2", "2", "Japan", "Korea", "integration_user",
        "marketing_data_sharing", "Marketing_BU__c", "", "yes", "no",
        "Mina Park", "Kenji Ito", "Revenue Operations", "daily", "Example Partners KK",
    ]) + "\n"  # fmt: skip
    result, target = init(tmp_path, answers=answers)
    assert result.exit_code == 0, result.output
    assert "Connector version" in result.stdout
    assert "Account Settings" in result.stdout
    assert errors(linter, target) == []
    plan = linter.analyse_file(target).data
    assert plan is not None
    assert [unit["name"] for unit in plan["business_units"]] == ["Japan", "Korea"]
    assert plan["team"]["sync_error_review"] == "daily"


def test_interactive_custom_user_and_person_accounts(tmp_path: Path, linter: Linter) -> None:
    answers = "\n".join([
        "globex", "1", "1", "Initech", "custom_user", "connector@initech.example", "sales_cloud",
        "all_records", "no", "yes", "instead_of_leads", "", "Peter", "Samir", "Sales Ops", "weekly",
        "",
    ]) + "\n"  # fmt: skip
    result, target = init(tmp_path, "--lang", "en", answers=answers)
    assert result.exit_code == 0, result.output
    plan = linter.analyse_file(target).data
    assert plan is not None
    unit = plan["business_units"][0]
    assert unit["connector"]["custom_user"]["username"] == "connector@initech.example"
    assert unit["connector"]["state"] == "active"
    assert unit["sync"]["default_person_account_record_type"] == "Person Account"
    assert plan["salesforce"]["person_accounts"] is True
    assert unit["allow_multiple_prospects_same_email"] is False


def test_undecided_answers_are_listed_with_the_linters_findings(tmp_path: Path) -> None:
    result, target = init(
        tmp_path, "--no-input", "--connector-version", "unknown", "--connector-user", "undecided"
    )
    assert result.exit_code == 0
    assert target.exists()
    assert "Left to decide (the decisions `aeplan report` counts as still open):" in result.stdout
    assert "Main: the connector version (connector.version)" in result.stdout
    assert "AE101 [error]" in result.stdout
    assert "AE701 [warning]" in result.stdout
    assert "      |" in result.stdout


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "aeplan.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result, _ = init(tmp_path, "--no-input")
    assert result.exit_code == 2
    assert result.stderr == f"aeplan: error: {target}: already exists; use --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced, _ = init(tmp_path, "--no-input", "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server:")


def test_japanese_prompts_comments_and_summary(tmp_path: Path) -> None:
    answers = "ja\n" + "\n" * 20
    result, target = init(tmp_path, answers=answers)
    assert result.exit_code == 0, result.output
    assert "コネクタバージョン" in result.stdout
    assert "アカウント設定" in result.stdout
    assert "Salesforce 組織の名前" in result.stdout
    assert "未決定の項目（`aeplan report` が未決定として数える項目）：" in result.stdout
    text = target.read_text(encoding="utf-8")
    assert "language: ja" in text
    assert "インテグレーションユーザー" in text
    assert "Salesforce 組織です。" in text


@pytest.mark.parametrize(
    "name", ['Acme "KK"', "yes", "a: b # c", "line\nbreak", "tab\there", "x\u2028y"]
)
def test_user_text_is_quoted_safely(tmp_path: Path, linter: Linter, name: str) -> None:
    result, target = init(tmp_path, "--no-input", "--org", name, "--bus", name, *TEAM)
    assert result.exit_code == 0, result.output
    plan = linter.analyse_file(target).data
    assert plan is not None
    assert plan["salesforce"]["org"] == name.strip()
    assert plan["business_units"][0]["name"] == name.strip()


def test_missing_output_folder_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", "--no-input", "-o", str(tmp_path / "no" / "p.yaml")])
    assert result.exit_code == 2
    assert "the output folder does not exist" in result.stderr


def test_input_ending_mid_interview_is_a_one_line_error(tmp_path: Path) -> None:
    result, target = init(tmp_path, "--lang", "ja", answers="acme\n")
    assert result.exit_code == 2
    assert "ファイルは作成されていません" in result.stderr
    assert "`aeplan init --no-input`" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    assert not target.exists()


def test_empty_input_suggests_no_input(tmp_path: Path) -> None:
    result, target = init(tmp_path, "--lang", "en", answers="")
    assert result.exit_code == 2
    assert result.stderr.startswith("aeplan: error: input ended before every question")
    assert "use `aeplan init --no-input`" in result.stderr
    assert not target.exists()


def test_answers_accept_prefixes_aliases_japanese_words_and_full_width_digits(
    tmp_path: Path, linter: Linter
) -> None:
    answers = "\n".join([
        "acme", "２", "２", "Japan", "Korea", "int", "MDS", "Marketing_BU__c", "", "はい",
        "いいえ", "Mina", "Kenji", "Ops", "d", "",
    ]) + "\n"  # fmt: skip
    result, target = init(tmp_path, "--lang", "en", answers=answers)
    assert result.exit_code == 0, result.output
    plan = linter.analyse_file(target).data
    assert plan is not None
    japan = plan["business_units"][0]
    assert japan["connector"]["version"] == 2
    assert japan["connector"]["user"] == "integration_user"
    assert japan["sync"]["scope"] == "marketing_data_sharing"
    assert japan["allow_multiple_prospects_same_email"] is True
    assert plan["salesforce"]["person_accounts"] is False
    assert plan["team"]["sync_error_review"] == "daily"


def test_person_accounts_are_asked_not_assumed(tmp_path: Path, linter: Linter) -> None:
    result, target = init(tmp_path, "--no-input", "--person-accounts-enabled", "yes", *TEAM)
    assert result.exit_code == 0, result.output
    plan = linter.analyse_file(target).data
    assert plan is not None
    assert plan["salesforce"]["person_accounts"] is True


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--bus", "Japan,Korea,Japan"), "repeated: Japan"),
        (
            ("--connector-user", "integration_user", "--custom-username", "x@y"),
            "--custom-username applies only when --connector-user is custom_user",
        ),
        (
            ("--scope", "all_records", "--mds-lead-field", "BU__c"),
            "--mds-lead-field applies only when --scope is marketing_data_sharing",
        ),
    ],
)
def test_contradicting_flags_are_rejected(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    result, target = init(tmp_path, "--no-input", *args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert not target.exists()


def test_output_onto_a_folder_and_old_version_flag(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", "--no-input", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in result.stderr
    clash = CliRunner().invoke(cli, ["init", "--no-input", "--version", "2"])
    assert clash.exit_code == 2  # only --connector-version; --version is the tool's own
    assert "--version" in clash.stderr


def test_schema_reference_goes_into_the_modeline(tmp_path: Path) -> None:
    result, target = init(tmp_path, "--no-input", "--schema", "../schema/plan.schema.json")
    assert result.exit_code == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/plan.schema.json"
    broken, _ = init(tmp_path, "--no-input", "--force", "--schema", "x\naeplan: 2")
    assert broken.exit_code == 2
    assert "must be one line" in broken.stderr


def test_a_wrong_answer_is_explained_in_japanese_and_asked_again(tmp_path: Path) -> None:
    answers = "ｊａ\nacme\n7\n2\n0\n1\n" + "\n" * 20
    result, target = init(tmp_path, answers=answers)
    assert result.exit_code == 0, result.output
    assert "`7` は次のいずれでもありません: 1、2、unknown" in result.stderr
    assert "`0` は 1 から 25 までの整数ではありません" in result.stderr
    assert "language: ja" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("--bus", "Japan,Korea", "--scope", "marketing_data_sharing"),
        (
            "--connector-version",
            "unknown",
            "--connector-user",
            "undecided",
            "--same-email",
            "unknown",
        ),
        ("--connector-user", "custom_user", "--custom-username", "c@acme.example", *TEAM),
    ],
)
def test_left_to_decide_lists_what_the_report_counts_as_open(
    tmp_path: Path, linter: Linter, args: tuple[str, ...]
) -> None:
    """Newcomer #7: one source for init's "Left to decide" and the report's open decisions."""
    from planner.plan.open_decisions import open_decisions

    result, target = init(tmp_path, "--no-input", *args)
    assert result.exit_code == 0, result.output
    plan = linter.analyse_file(target).plan
    assert plan is not None
    still_open = open_decisions(plan)
    assert still_open
    lines = result.stdout.splitlines()
    start = lines.index("Left to decide (the decisions `aeplan report` counts as still open):")
    listed = [line for line in lines[start + 1 :] if line.startswith("  - ")][: len(still_open)]
    assert [line.split(": ")[0][4:] for line in listed] == [item.unit for item in still_open]
    assert all(f"({item.key})" in line for line, item in zip(listed, still_open))
    assert not lines[start + 1 + len(still_open)].startswith("  - ")  # those, and no others
    report = CliRunner().invoke(cli, ["report", str(target)])
    if "Not ready to unpause" not in report.stdout:
        count = len(still_open)
        assert f"Ready to unpause once {count} decisions are made" in report.stdout
    assert "AE317" not in result.stdout  # init plans field_level_security where MDS needs it
