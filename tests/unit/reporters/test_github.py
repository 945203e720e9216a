"""GitHub workflow commands: one injection-proof line per finding, and the job summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.findings import Finding, Severity
from planner.reporters import github
from tests.unit.reporters.support import HOSTILE, empty_result, hostile_result, rendered, results

CASES = results()
COMMAND = re.compile(
    r"^::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$"
)


def unescape(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_exactly_one_well_formed_command_line_per_finding(case: str) -> None:
    result = CASES[case]
    lines = rendered("github", result).splitlines(keepends=True)
    assert len(lines) == len(result.findings)
    for line, finding in zip(lines, result.findings):
        assert line.endswith("\n") and "\r" not in line and line.count("\n") == 1
        match = COMMAND.match(line.rstrip("\n"))
        assert match, line
        assert match.group(3, 4) == (str(finding.line), str(finding.column))
        assert unescape(match.group(5)) == f"{finding.code} {finding.name}"


def test_hostile_text_cannot_inject_a_second_command() -> None:
    result = hostile_result()
    output = rendered("github", result)
    hostile = [f for f in result.findings if "::error file=evil" in f.message]
    assert hostile
    for line in output.splitlines():
        assert line.startswith("::")
        assert line.count("::") >= 2
        message = COMMAND.match(line).group(6)  # type: ignore[union-attr]
        assert "\r" not in message and "\n" not in message and "\x1b" not in message
    shown = HOSTILE.replace("\x01", "\\x01").replace("\x1b", "\\x1b").replace("\x7f", "\\x7f")
    messages = [unescape(COMMAND.match(line).group(6)) for line in output.splitlines()]  # type: ignore[union-attr]
    assert any(shown in message for message in messages)


def test_severities_map_to_error_warning_and_notice() -> None:
    def finding(severity: Severity) -> Finding:
        return Finding("AE999", "x", severity, "m", "p.yaml", "/a", 1, 2)

    assert github.command(finding(Severity.ERROR), "en").startswith("::error ")
    assert github.command(finding(Severity.WARNING), "en").startswith("::warning ")
    assert github.command(finding(Severity.INFO), "en").startswith("::notice ")


def test_documented_escaping_of_data_and_properties() -> None:
    assert github.escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert github.escape_property("a,b:c%\r\n") == "a%2Cb%3Ac%25%0D%0A"
    assert github.escape_data("%0A") == "%250A"
    line = github.command(
        Finding("AE1", "n", Severity.ERROR, "m", "we:ird,na%me.yaml", "", 3, 4), "en"
    )
    assert line == "::error file=we%3Aird%2Cna%25me.yaml,line=3,col=4,title=AE1 n::m"


def test_the_fix_follows_the_message_in_the_plan_language() -> None:
    finding = Finding("AE1", "n", Severity.ERROR, "msg", "p.yaml", "", 1, 1, fix="do it")
    assert github.command(finding, "en").endswith("::msg%0Afix: do it")
    assert github.command(finding, "ja").endswith("::msg%0A修正方法: do it")


def test_step_summary_is_a_markdown_table_with_one_row_per_finding() -> None:
    result = hostile_result()
    summary = github.step_summary(result)
    lines = summary.split("\n")[:-2]
    assert lines[0] == "### aeplan findings"
    assert lines[2] == "| Location | Code | Severity | Message |"
    rows = [line for line in lines[4:] if line.startswith("| ")]
    assert len(rows) == len(result.findings)
    for row, finding in zip(rows, result.findings):
        cells = re.split(r"(?<!\\)\|", row)[1:-1]
        assert len(cells) == 4, row
        assert cells[0].strip() == f"plans/hostile.yaml:{finding.line}"
        assert cells[1].strip() == f"{finding.code} {finding.name}"
        assert "<" not in cells[3] and "\r" not in cells[3]
    assert "&lt;b&gt;&amp;amp;" in summary
    assert lines[-1].startswith("Found ")
    assert summary.endswith("\n\n")


def test_step_summary_in_japanese_and_when_clean() -> None:
    assert "| 場所 | コード | 重大度 | メッセージ |" in github.step_summary(hostile_result("ja"))
    clean = github.step_summary(empty_result())
    assert "|" not in clean
    assert "No findings in 0 files." in clean


def test_step_summary_appends_and_never_writes_into_a_plan(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    result = hostile_result()
    github.append_step_summary(result, str(target))
    github.append_step_summary(result, str(target))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")
    assert text.count("### aeplan findings") == 2
    plan = tmp_path / "plan.yaml"
    plan.write_text("aeplan: 1\n", encoding="utf-8")
    with pytest.raises(PlannerError, match="input plan"):
        github.append_step_summary(result, str(plan), protected=(plan,))
    assert plan.read_text(encoding="utf-8") == "aeplan: 1\n"
    with pytest.raises(PlannerError, match="cannot append"):
        github.append_step_summary(result, str(tmp_path / "missing" / "summary.md"))


def test_step_summary_stays_under_githubs_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    result = hostile_result()
    total = len(result.findings)
    monkeypatch.setattr(github, "SUMMARY_BUDGET", 900)
    summary = github.step_summary(result)
    rows = [line for line in summary.splitlines() if line.startswith("| plans/")]
    assert 0 < len(rows) < total
    assert f"… and {total - len(rows)} more findings" in summary
    assert summary.split("\n")[-3].startswith("Found ")
