"""The GitLab Code Quality output of every sample type-checks against `codeclimate-types`.

The Code Climate spec publishes no JSON Schema (GitLab's own, checked in the unit tests, is lax:
no `check_name`, `categories` or `type`). The npm package `codeclimate-types` writes the spec's
issue as TypeScript types, so `tsc --strict` holds the report to it: `type: "issue"`, the eight
categories, a severity of the five, a location with a line range (`begin` and `end`) or positions.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.browser import node_modules_or_skip
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow


def typed(report: object, modules: Path) -> str:
    """A TypeScript module that assigns ``report`` to ``Issue[]`` (the JSON is a TS literal)."""
    return (
        f"import type {{ Issue }} from {json.dumps(str(modules / 'codeclimate-types'))};\n"
        f"export const report: Issue[] = {json.dumps(report, ensure_ascii=False, indent=2)};\n"
    )


def test_every_samples_report_type_checks_as_code_climate_issues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modules = node_modules_or_skip("typescript", "codeclimate-types")
    monkeypatch.chdir(SAMPLES.parent)  # relative paths, as in CI
    out = tmp_path / "gl-code-quality.json"
    plans = sorted(str(p.relative_to(SAMPLES.parent)) for p in SAMPLES.glob("*/*.yaml"))
    result = CliRunner().invoke(cli, ["lint", *plans, "--output", f"gitlab={out}", "--quiet"])
    assert result.exit_code == 1, result.output
    issues = json.loads(out.read_text(encoding="utf-8"))
    assert len(issues) > 20
    (tmp_path / "report.ts").write_text(typed(issues, modules), encoding="utf-8")
    # A control that must fail, so a passing run shows tsc really checked the report: a line range
    # without its end (what aeplan wrote before) and a category outside the spec's eight.
    control = [{**issues[0], "categories": ["Correctness"],
                "location": {"path": "p.yaml", "lines": {"begin": 1}}}]  # fmt: skip
    (tmp_path / "control.ts").write_text(typed(control, modules), encoding="utf-8")
    ran = subprocess.run(
        [str(modules / ".bin" / "tsc"), "--strict", "--noEmit", "--pretty", "false",
         "report.ts", "control.ts"],
        capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path,
    )  # fmt: skip
    lines = [line for line in ran.stdout.splitlines() if line.strip()]
    assert lines, ran.stdout + ran.stderr
    assert [line for line in lines if not line.startswith("control.ts")] == []
    assert any("Correctness" in line for line in lines), lines
