"""What users of ruff and yamllint expect: stdin, colour, statistics, exit-zero, -o, help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli
from tests.conftest import REPO, SAMPLES

MonkeyPatch = pytest.MonkeyPatch

FIXABLE = SAMPLES / "bad" / "fixable.yaml"
GOOD = SAMPLES / "good" / "minimal.yaml"


def lint(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["lint", "--isolated", *args], input=stdin, env=env)


def test_standard_input_with_a_name_for_positions() -> None:
    text = FIXABLE.read_text(encoding="utf-8")
    result = lint("-", "--stdin-filename", "plans/japan.yaml", stdin=text)
    assert result.exit_code == 1
    assert result.stdout.startswith("plans/japan.yaml:3:1: AE005")
    clean = lint("-", stdin=GOOD.read_text(encoding="utf-8"))
    assert clean.exit_code == 0
    assert clean.stdout == "No findings in 1 file.\n"


def test_stdin_name_selects_per_file_ignores(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "aeplan.toml").write_text('[per-file-ignores]\n"legacy/*" = ["AE0"]\n', "utf-8")
    text = FIXABLE.read_text(encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["lint", "-", "--stdin-filename", "legacy/old.yaml"], input=text
    )
    assert result.exit_code == 0, result.output


def test_colour_always_never_and_no_color() -> None:
    coloured = lint("--color", "always", str(FIXABLE))
    assert "\x1b[1;31merror\x1b[0m" in coloured.stdout
    assert "\x1b[" not in lint("--color", "never", str(FIXABLE)).stdout
    assert "\x1b[" not in lint(str(FIXABLE), env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in lint(str(FIXABLE)).stdout  # not a terminal


def test_statistics_count_per_rule() -> None:
    result = lint("--statistics", str(FIXABLE))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:4] == [
        "Findings per rule:",
        "5  AE002  schema-violation [*]",
        "1  AE003  unknown-key [*]",
        "1  AE005  unsupported-format-version [*]",
    ]


def test_exit_zero_and_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = lint("--exit-zero", "--format", "json", "-o", str(target), str(FIXABLE))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert '"code": "AE005"' in target.read_text(encoding="utf-8")


def test_help_lists_lint_first_with_whole_summaries_and_bare_aeplan_exits_zero() -> None:
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:\n", 1)[1].splitlines()
    assert commands[0].split()[0] == "lint"
    assert not any(line.rstrip().endswith("...") for line in commands)
    assert "_AEPLAN_COMPLETE=bash_source aeplan" in result.stdout


def test_shell_completion_works() -> None:
    environment = {
        "_AEPLAN_COMPLETE": "bash_complete",
        "COMP_WORDS": "aeplan li",
        "COMP_CWORD": "1",
        "PATH": "/usr/bin:/bin",
    }
    completed = subprocess.run(
        [sys.executable, "-c", "from planner.cli import main; main()"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert "plain,lint" in completed.stdout


def test_japanese_usage_errors() -> None:
    result = CliRunner().invoke(cli, ["lint", "--lang", "ja", "--fail-on", "x"])
    assert result.exit_code == 2
    assert "aeplan: エラー: '--fail-on' の値が正しくありません" in result.stderr
    assert "'cli lint --help' でオプションを確認できます" in result.stderr
    assert result.stderr.count("\n") == 1  # one line, as every other error


def test_lang_before_the_command_holds_for_the_command_and_its_own_wins() -> None:
    """`aeplan --lang ja lint …` speaks Japanese; `aeplan --lang ja lint --lang en …` English."""
    bad = str(SAMPLES / "bad" / "ampsea-turned-off.yaml")
    japanese = CliRunner().invoke(cli, ["--lang", "ja", "lint", bad])
    assert japanese.exit_code == 1
    assert "修正方法:" in japanese.stdout and "help: aeplan explain" not in japanese.stdout
    english = CliRunner().invoke(cli, ["--lang", "ja", "lint", "--lang", "en", bad])
    assert english.exit_code == 1
    assert "fix:" in english.stdout and "修正方法:" not in english.stdout
    page = CliRunner().invoke(cli, ["--lang", "ja", "--help"])
    assert page.exit_code == 0 and "--lang [en|ja]" in page.stdout and "使い方:" in page.stdout
