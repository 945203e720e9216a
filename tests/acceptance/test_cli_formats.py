"""`aeplan lint` formats through the CLI: --format choices, --output files, GitHub Actions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Optional

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.reporters import REPORTERS
from tests.conftest import REPO, SAMPLES

BAD = "samples/bad/paused-imports.yaml"
NO_GITHUB: dict[str, Optional[str]] = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None}


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def run(*args: str, env: Optional[Mapping[str, Optional[str]]] = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={**NO_GITHUB, **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def test_format_choices_come_from_the_registry() -> None:
    assert set(REPORTERS) >= {"text", "json", "sarif", "github", "gitlab", "junit"}
    _, out, _ = run("lint", "--help")
    assert "[text|json|sarif|github|gitlab|junit" in out.replace("\n", "").replace(" ", "")
    for name in REPORTERS:
        code, out, err = run("lint", "--format", name, BAD)
        assert code == 1, (name, err)
        assert out


def test_text_to_the_terminal_and_machine_formats_to_files(tmp_path: Path) -> None:
    sarif, junit = tmp_path / "aeplan.sarif", tmp_path / "junit.xml"
    code, out, err = run("lint", BAD, "--output", f"sarif={sarif}", "--output", f"JUNIT={junit}")
    assert (code, err) == (1, "")
    assert out.startswith(f"{BAD}:12:3: AE109 [warning]")
    assert sarif.read_text(encoding="utf-8") == run("lint", "--format", "sarif", BAD)[1]
    assert junit.read_text(encoding="utf-8") == run("lint", "--format", "junit", BAD)[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aeplan.sarif", "junit.xml"]


def test_quiet_silences_only_the_terminal(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    code, out, err = run("lint", "--quiet", BAD, "--output", f"json={target}")
    assert (code, out, err) == (1, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["total"] == 7


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("sarif", "--output takes FORMAT=PATH"),
        ("sarif=", "--output takes FORMAT=PATH"),
        ("html=out.html", "unknown format `html`"),
    ],
)
def test_bad_output_values_are_one_line_usage_errors(value: str, expected: str) -> None:
    code, out, err = run("lint", BAD, "--output", value)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("aeplan: error: ") and expected in err


def test_an_input_plan_is_never_overwritten(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    original = (SAMPLES / "bad" / "paused-imports.yaml").read_text(encoding="utf-8")
    plan.write_text(original, encoding="utf-8")
    code, out, err = run("lint", str(tmp_path), "--output", f"sarif={plan}")
    assert (code, out) == (2, "")
    assert "refusing to overwrite an input plan" in err and err.count("\n") == 1
    assert plan.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]
    code, _, err = run("lint", str(plan), "--output", f"json={tmp_path / 'missing' / 'x.json'}")
    assert code == 2 and "the output folder does not exist" in err


def test_github_actions_selects_the_github_format_and_writes_the_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("before\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    code, out, _ = run("lint", BAD, env=env)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 7 and all(line.startswith("::") for line in lines)
    assert lines[0].startswith(f"::warning file={BAD},line=12,col=3,title=AE109 ")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("before\n### aeplan findings\n")
    assert text.count(f"| {BAD}:") == 7
    code, out, _ = run("lint", "--format", "text", BAD, env=env)
    assert out.startswith(f"{BAD}:12:3: AE109")
    assert summary.read_text(encoding="utf-8") == text
    assert run("lint", BAD, env={"GITHUB_ACTIONS": "false"})[1].startswith(f"{BAD}:12:3:")


def test_every_format_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("0", "12345"):
        folder = tmp_path / seed
        folder.mkdir()
        args = [f"--output={name}={folder / name}" for name in sorted(REPORTERS)]
        env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
        env["PYTHONHASHSEED"] = seed
        completed = subprocess.run(
            [sys.executable, "-m", "planner", "lint", "--quiet", "samples", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (completed.returncode, completed.stdout, completed.stderr) == (1, "", "")
        outputs.append({name: (folder / name).read_bytes() for name in sorted(REPORTERS)})
    assert outputs[0] == outputs[1]
    assert all(outputs[0].values())
