"""Where output goes: the terminal format, ``--output`` parsing and atomic report files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.reporters.destinations import (
    OutputFile,
    deliver,
    parse_outputs,
    terminal_format,
)
from tests.unit.reporters.support import hostile_result, rendered


def test_terminal_format_prefers_the_flag_then_github_actions() -> None:
    assert terminal_format(None, {}) == "text"
    assert terminal_format(None, {"GITHUB_ACTIONS": "true"}) == "github"
    assert terminal_format(None, {"GITHUB_ACTIONS": "1"}) == "text"
    assert terminal_format("json", {"GITHUB_ACTIONS": "true"}) == "json"


def test_outputs_parse_format_and_path() -> None:
    assert parse_outputs(["SARIF=out/a=b.sarif", "junit=j.xml"]) == (
        OutputFile("sarif", "out/a=b.sarif"),
        OutputFile("junit", "j.xml"),
    )
    for bad, message in (("sarif", "FORMAT=PATH"), ("=x", "unknown format"), ("pdf=x", "`pdf`")):
        with pytest.raises(PlannerError, match=message):
            parse_outputs([bad])


def test_deliver_writes_files_and_the_summary_only_for_github_then_the_terminal(
    tmp_path: Path,
) -> None:
    result = hostile_result()
    summary = tmp_path / "summary.md"
    stream = io.StringIO()
    files = (OutputFile("gitlab", str(tmp_path / "cq.json")),)
    deliver(result, stream, "text", files, {"GITHUB_STEP_SUMMARY": str(summary)})
    assert stream.getvalue() == rendered("text", result)
    assert (tmp_path / "cq.json").read_text(encoding="utf-8") == rendered("gitlab", result)
    assert not summary.exists()
    quiet = io.StringIO()
    deliver(result, quiet, "github", (), {"GITHUB_STEP_SUMMARY": str(summary)}, quiet=True)
    assert quiet.getvalue() == ""
    assert summary.read_text(encoding="utf-8").startswith("### aeplan findings\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cq.json", "summary.md"]
