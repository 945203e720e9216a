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


COMPARE = re.compile(r"(```console\n\$ aeplan (compare [^\n]*\.yaml)\n)(.*?)(```)", re.DOTALL)


def compare_excerpt(output: str) -> str:
    """The README's cut of `aeplan compare`: the title, the first unit's table and its
    recommendation, with ``...`` where lines are left out."""
    lines = output.splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("Business unit "))
    table_end = lines.index("", heading + 2)
    recommended = next(line for line in lines if line.startswith("Recommended: "))
    kept = [lines[0], "...", *lines[heading:table_end], "...", recommended]
    return "\n".join(kept) + "\n"


def test_readme_compare_example_is_generated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Newcomer #10: the compare example once showed AE202 where the tool says otherwise."""
    text = README.read_text(encoding="utf-8")
    example = COMPARE.search(text)
    assert example
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, [*example.group(2).split(), "--lang", "en"])
    assert result.exit_code == 0
    excerpt = compare_excerpt(result.stdout)
    if os.environ.get("AEPLAN_UPDATE_README"):
        updated = text[: example.start(3)] + excerpt + text[example.end(3) :]
        README.write_text(updated, encoding="utf-8")
        return
    assert example.group(3) == excerpt
