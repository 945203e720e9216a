"""The README's example output is the tool's real output (refresh with AEPLAN_UPDATE_README=1)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import REPO

README = REPO / "README.md"
PLAN = re.compile(r"```yaml\n(# plan\.yaml\n.*?)```", re.DOTALL)
EXAMPLE = re.compile(r"(```console\n\$ aeplan (lint [^\n]*plan\.yaml)\n)(.*?)(```)", re.DOTALL)


def test_readme_example_output_is_generated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = README.read_text(encoding="utf-8")
    plan = PLAN.search(text)
    example = EXAMPLE.search(text)
    assert plan and example
    (tmp_path / "plan.yaml").write_text(plan.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [*example.group(2).split(), "--isolated", "--color", "never"])
    assert result.exit_code == 1
    if os.environ.get("AEPLAN_UPDATE_README"):
        updated = text[: example.start(3)] + result.stdout + text[example.end(3) :]
        README.write_text(updated, encoding="utf-8")
        return
    assert example.group(3) == result.stdout
