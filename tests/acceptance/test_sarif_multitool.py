"""Microsoft's SARIF multitool validates aeplan's SARIF with its SARIF and GitHub (Gh) rules:
no error and no warning, only advisory notes (snippets, reachability of URIs offline, …)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.browser import node_modules_or_skip
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow


def test_multitool_finds_no_error_or_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modules = node_modules_or_skip("@microsoft/sarif-multitool")
    monkeypatch.chdir(SAMPLES.parent)  # relative artifact URIs, as in CI
    log = tmp_path / "aeplan.sarif"
    plans = ["samples/bad/suppressions.yaml", "samples/bad/paused-imports.yaml"]
    result = CliRunner().invoke(cli, ["lint", *plans, "--output", f"sarif={log}", "--quiet"])
    assert result.exit_code == 1, result.output
    verdict = tmp_path / "validation.sarif"
    # The npm wrapper passes its arguments through a shell: the lists need their own quotes.
    ran = subprocess.run(
        [str(modules / ".bin" / "sarif-multitool"), "validate", str(log), "--output", str(verdict),
         "--level", '"Error;Warning;Note"', "--rule-kind", '"Sarif;Gh"'],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
    )  # fmt: skip
    assert ran.returncode == 0, (ran.stdout + ran.stderr)[-2000:]
    found = json.loads(verdict.read_text(encoding="utf-8"))["runs"][0]["results"]
    serious = [(r["ruleId"], r["message"].get("arguments")) for r in found if r["level"] != "note"]
    assert serious == []
    assert found, "the multitool reported nothing at all: did it run its rules?"
