"""`aeplan lint` through the real command line: output, formats, languages and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner import __version__
from planner.cli import cli
from tests.conftest import REPO, SAMPLES

GOOD = str(SAMPLES / "good" / "minimal.yaml")
BAD = str(SAMPLES / "bad" / "paused-imports.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_clean_plan_exits_zero() -> None:
    code, out, _ = run("lint", GOOD)
    assert code == 0
    assert out == "No findings in 1 file.\n"


def test_findings_exit_one_with_position_source_and_caret() -> None:
    code, out, _ = run("lint", BAD)
    assert code == 1
    assert f"{BAD}:27:9: AE402 [warning] unassigned-import-creates-nothing: " in out
    assert "   27 |         assign: false" in out
    assert "      |         ^" in out
    assert "fix: Set `assign: true`" in out
    assert "help: aeplan explain AE402" in out
    assert out.rstrip().endswith("1 error, 4 warnings, 2 info.")


def test_fail_on_thresholds() -> None:
    assert run("lint", "--fail-on", "never", BAD)[0] == 0
    assert run("lint", "--ignore", "AE403", BAD)[0] == 0
    assert run("lint", "--ignore", "AE403", "--fail-on", "warning", BAD)[0] == 1
    assert run("lint", "--select", "AE109", "--fail-on", "info", BAD)[0] == 1
    assert run("lint", "--select", "AE7", "--fail-on", "info", BAD)[0] == 0


def test_select_and_ignore_take_prefixes_and_lists() -> None:
    _, out, _ = run("lint", "--format", "json", "--select", "AE1,AE4", "--ignore", "AE401", BAD)
    assert sorted(f["code"] for f in json.loads(out)["findings"]) == [
        "AE108",
        "AE109",
        "AE402",
        "AE403",
        "AE414",
        "AE414",
    ]


def test_json_output_is_stable_and_one_based() -> None:
    code, out, _ = run("lint", "--format", "json", BAD)
    document = json.loads(out)
    assert code == 1
    assert document["version"] == 1
    first = document["findings"][0]
    assert set(first) == {
        "code", "name", "severity", "message", "file", "line", "column", "pointer", "fix", "help",
        "related",
        "edit",
    }  # fmt: skip
    assert (first["code"], first["line"], first["column"]) == ("AE109", 12, 3)
    assert first["pointer"] == "/requirements/max_sync_delay_minutes"
    assert document["summary"] == {
        "files": 1, "total": 7, "errors": 1, "warnings": 4, "infos": 2,
        "files_with_structural_errors": 0, "suppressed": 0, "baselined": 0,
    }  # fmt: skip
    assert run("lint", "--format", "json", BAD)[1] == out


def test_japanese_messages_from_flag_and_from_the_plan() -> None:
    _, out, _ = run("lint", "--lang", "ja", BAD)
    assert "割り当てユーザー（または Salesforce の有効な割り当てルール）がない場合" in out
    assert "修正方法:" in out
    assert "件の指摘事項" in out
    _, plan_lang, _ = run("lint", str(SAMPLES / "good" / "acme-japan.yaml"))
    assert plan_lang == "1 ファイルで指摘事項はありません。\n"


def test_folders_are_searched_for_yaml_files_in_sorted_order() -> None:
    _, out, _ = run("lint", "--format", "json", str(SAMPLES / "bad"))
    files = [f["file"] for f in json.loads(out)["findings"]]
    assert files == sorted(files)
    assert json.loads(out)["summary"]["files"] == len(list((SAMPLES / "bad").glob("*.yaml")))


def test_quiet_prints_nothing() -> None:
    code, out, _ = run("lint", "--quiet", BAD)
    assert (code, out) == (1, "")


def test_missing_file_is_a_one_line_usage_error() -> None:
    code, out, err = run("lint", "does/not/exist.yaml")
    assert code == 2
    assert err == "aeplan: error: does/not/exist.yaml: no such file or folder\n"
    assert out == ""


def test_bad_option_is_exit_two() -> None:
    code, _, err = run("lint", "--format", "xml", GOOD)
    assert code == 2
    assert err == (
        "aeplan: error: invalid value for '--format': `xml` is not one of text, json, sarif, "
        "github, gitlab, junit; 'cli lint --help' shows the options\n"
    )


def test_unreadable_file_is_exit_two(tmp_path: Path) -> None:
    folder = tmp_path / "plan.yaml"
    folder.mkdir()
    code, _, err = run("lint", str(tmp_path / "plan.yaml" / "x.yaml"))
    assert code == 2 and "no such file or folder" in err


def test_terminal_control_characters_in_a_plan_are_shown_harmlessly(tmp_path: Path) -> None:
    plan = tmp_path / "evil.yaml"
    plan.write_text(
        "aeplan: 1\nsalesforce: {org: x}\nbusiness_units:\n"
        '  - {name: "\\e[31mRED\\x07", colour: 1}\n',
        encoding="utf-8",
    )
    _, out, _ = run("lint", str(plan))
    assert "\x1b" not in out and "\x07" not in out


def test_version_and_python_dash_m() -> None:
    assert run("--version")[1] == f"aeplan {__version__}\n"
    completed = subprocess.run(
        [sys.executable, "-m", "planner", "lint", BAD],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert completed.returncode == 1
    assert "AE402" in completed.stdout
    assert "Traceback" not in completed.stderr


def test_lint_does_not_import_report_machinery() -> None:
    code = (
        "import sys\nfrom planner.cli import main\nsys.argv=['aeplan','lint','" + GOOD + "']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe')))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert completed.stdout.strip().endswith("[]")


# What `aeplan lint` on valid plans must not import (issue 18: cold start ahead of yamllint).
# Each is imported on first use by what needs it: the plan model and pydantic by a plan that fails
# validation (or a report), a configuration table or baseline model by a file of that kind.
NOT_ON_THE_LINT_PATH = (
    "pydantic", "pydantic_core", "jinja2", "markupsafe", "jsonschema", "wcwidth", "defusedxml",
    "importlib.metadata", "tempfile", "hashlib", "planner.plan.model",
    "planner.config.table", "planner.rules.rule_file", "planner.cli.report", "planner.cli.compare",
    "planner.cli.init", "planner.cli.rules", "planner.cli.explain", "planner.cli.config",
    "planner.cli.schema", "planner.cli.usage", "planner.report", "planner.comparison",
    "planner.init", "planner.catalogue", "planner.metadata.documents", "click",
    "planner.cli.group", "planner.cli.options", "planner.cli.lint",
)  # fmt: skip


@pytest.mark.parametrize("configured", [False, True], ids=["no-config", "valid-config"])
def test_lint_on_valid_plans_imports_only_what_it_needs(tmp_path: Path, configured: bool) -> None:
    if configured:  # a valid configuration table is read without pydantic too
        text = 'select = ["AE1", "secret-in-plan"]\nfail-on = "warning"\n[severity]\nAE2 = "info"\n'
        (tmp_path / ".aeplan.toml").write_text(text, encoding="utf-8")
    plans = sorted(str(path) for path in (SAMPLES / "good").glob("*.yaml"))
    code = (
        "import sys\nfrom planner.cli import main\n"
        f"sys.argv = ['aeplan', 'lint', *{plans!r}]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    print('exit', exit.code)\n"
        "print(sorted(sys.modules))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no configuration file above it (the repository's names aeplan)
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    *_, exit_line, modules_line = completed.stdout.strip().splitlines()
    assert exit_line == "exit 0", completed.stdout
    loaded = eval(modules_line)  # a list literal printed by the child
    unwanted = [
        name
        for name in loaded
        if any(name == root or name.startswith(root + ".") for root in NOT_ON_THE_LINT_PATH)
    ]
    assert unwanted == []
    assert ("tomllib" in loaded) is configured  # no configuration file: no TOML parser


@pytest.mark.parametrize(
    ("text", "fix_en", "fix_ja"),
    [
        ("", "fix: run `aeplan init` to write a plan", "修正方法: `aeplan init` でいくつかの質問"),
        ("# nothing yet\n", "start the file with `aeplan: 1`", "ファイルの先頭に `aeplan: 1`"),
        (
            "- a\n- b\n",
            "fix: start each top-level key at the left margin",
            "最上位のキーは行頭から",
        ),
    ],
)
def test_an_empty_or_list_plan_gets_a_specific_fix(
    tmp_path: Path, text: str, fix_en: str, fix_ja: str
) -> None:
    """Newcomer #10: not the generic "use the type or one of the values" line."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    code, out, _ = run("lint", str(plan), "--isolated")
    assert code == 1 and fix_en in out and "Use the type or one of the values" not in out
    code, out, _ = run("lint", str(plan), "--isolated", "--lang", "ja")
    assert code == 1 and fix_ja in out
