"""`aeplan report` through the command line: formats, output files, errors, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import REPO, SAMPLES

GOOD = str(SAMPLES / "good" / "two-bu-mds.yaml")
JAPANESE = str(SAMPLES / "good" / "acme-japan.yaml")
BAD = str(SAMPLES / "bad" / "paused-imports.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_markdown_on_stdout_by_default() -> None:
    code, out, _ = run("report", GOOD)
    assert code == 0
    assert out.startswith("# Globex — Japan and Korea business units\n")
    for heading in (
        "Summary",
        "Decisions",
        "What syncs where",
        "Findings",
        "Implementation checklist",
        "Operations",
        "References",
    ):
        assert f"\n## {heading}\n" in out
    assert "```mermaid\nflowchart LR\n" in out
    assert "- [ ] **1. Check the connector version" in out
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_language_comes_from_the_plan_unless_given() -> None:
    assert "## 概要" in run("report", JAPANESE)[1]
    assert "## Summary" in run("report", JAPANESE, "--lang", "en")[1]
    out = run("report", GOOD, "--lang", "ja")[1]
    assert "Salesforce 組織: globex-production" in out
    assert "Salesforce 取引先" not in out


def test_plan_with_findings_gets_a_full_report() -> None:
    code, out, _ = run("report", BAD)
    assert code == 0
    assert "Not ready to unpause: " in out
    assert "### Errors (" in out and "**AE402**" in out
    assert f"{BAD}:27:9".replace("_", "\\_") in out
    assert "aeplan explain AE402" in out
    assert "## Implementation checklist" in out


def test_output_file_format_follows_the_suffix(tmp_path: Path) -> None:
    html, markdown = tmp_path / "report.html", tmp_path / "report.md"
    assert run("report", GOOD, "-o", str(html))[0] == 0
    assert run("report", GOOD, "-o", str(markdown))[0] == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert markdown.read_text(encoding="utf-8").startswith("# ")
    forced = tmp_path / "report.txt"
    assert run("report", GOOD, "--format", "html", "-o", str(forced))[0] == 0
    assert forced.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_output_replaces_a_file_atomically_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    assert run("report", GOOD, "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Globex")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.md"]


def test_refuses_to_overwrite_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    original = Path(GOOD).read_bytes()
    plan.write_bytes(original)
    code, _, err = run("report", str(plan), "-o", str(plan))
    assert code == 2
    assert "refusing to overwrite an input plan" in err
    assert plan.read_bytes() == original


@pytest.mark.parametrize("name", ["broken-yaml.yaml", "structure.yaml", "no-format-version.yaml"])
def test_unparseable_plan_is_one_line_exit_2(name: str) -> None:
    code, out, err = run("report", str(SAMPLES / "bad" / name))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"aeplan: error: {SAMPLES / 'bad' / name}:")
    assert "cannot build a report" in err
    assert "Traceback" not in err


def test_unparseable_plan_error_speaks_the_requested_language() -> None:
    _, _, err = run("report", str(SAMPLES / "bad" / "structure.yaml"), "--lang", "ja")
    assert "レポートを作成できません" in err


def test_missing_plan_and_missing_output_folder_are_exit_2(tmp_path: Path) -> None:
    code, _, err = run("report", str(tmp_path / "nope.yaml"))
    assert code == 2 and err.endswith("nope.yaml: no such file or folder\n")
    code, _, err = run("report", GOOD, "-o", str(tmp_path / "no" / "such" / "r.md"))
    assert code == 2 and "output folder does not exist" in err


def test_output_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    outputs = set()
    for seed in ("1", "2"):
        target = tmp_path / f"report-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "planner",
                "report",
                "--lang",
                "ja",
                JAPANESE,
                "-o",
                str(target),
            ],
            check=True,
            cwd=REPO,
            env=env,
        )
        outputs.add(target.read_bytes())
    outputs.add(run("report", "--lang", "ja", "--format", "html", JAPANESE)[1].encode("utf-8"))
    assert len(outputs) == 1


def test_report_sees_what_lint_sees_organisation_rules_and_configuration(tmp_path: Path) -> None:
    plan = str(SAMPLES / "good" / "acme-japan.yaml")
    code, out, _ = run("report", plan, "--lang", "en", "--rules", str(SAMPLES / "org-rules"))
    assert code == 0
    assert "**ACME001** every-bu-uses-mds" in out
    assert "Not ready to unpause: 1 blocking finding" in out
    config = tmp_path / "aeplan.toml"
    config.write_text('ignore = ["ACME001"]\n', encoding="utf-8")
    args = ("report", plan, "--lang", "en", "--rules", str(SAMPLES / "org-rules"))
    code, out, _ = run(*args, "--config", str(config))
    assert code == 0 and "ACME001" not in out
    assert run(*args, "--config", str(config), "--isolated")[0] == 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("r.pdf", "not PDF; write an .html file with -o, open it in a browser and print it to PDF"),
        ("r.txt", "not .txt; name the file with one of those extensions or give --format"),
    ],
)
def test_an_extension_aeplan_does_not_write_is_an_error(
    tmp_path: Path, name: str, expected: str
) -> None:
    """Newcomer #10: `-o r.pdf` once wrote Markdown under a PDF's name."""
    target = tmp_path / name
    code, out, err = run("report", GOOD, "-o", str(target))
    assert (code, out) == (2, "")
    assert err.startswith(f"aeplan: error: {target}: aeplan report writes Markdown (.md")
    assert expected in err and err.count("\n") == 1
    assert not target.exists()
    code, _, err = run("report", GOOD, "--lang", "ja", "-o", str(target))
    assert code == 2 and "書き出せるのは Markdown" in err
    code, _, _ = run("report", GOOD, "--format", "html", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("name", "start"), [("r.htm", "<!DOCTYPE html>"), ("r.MD", "# ")])
def test_the_format_follows_a_known_extension(tmp_path: Path, name: str, start: str) -> None:
    target = tmp_path / name
    code, _, _ = run("report", GOOD, "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith(start)
