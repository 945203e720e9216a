"""Reports cite numbered references, never bare fact ids (issue 14, item 9)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import SAMPLES


@pytest.mark.parametrize("plan", ["two-bu-mds.yaml", "acme-japan.yaml"])
@pytest.mark.parametrize("suffix", ["md", "html"])
def test_reports_have_no_bare_fact_ids(tmp_path, plan: str, suffix: str) -> None:
    target = tmp_path / f"report.{suffix}"
    result = CliRunner().invoke(cli, ["report", str(SAMPLES / "good" / plan), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert re.findall(r"\bF\d{2,3}\b", text) == []
