"""Guarantee 2, bounded work: hostile sizes end in a clear finding, never a hang or a crash."""

from __future__ import annotations

from pathlib import Path

from planner.lint.linter import Linter


def _codes(linter: Linter, path: Path) -> list[str]:
    return [finding.code for finding in linter.analyse_file(path).findings]


def test_billion_laughs_is_stopped(linter: Linter, tmp_path: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    analysis = linter.analyse_file(path)
    assert [f.code for f in analysis.findings] == ["AE006"]
    assert "1000000" in analysis.findings[0].message.replace(",", "")


def test_nesting_thousands_of_levels_deep(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 50_000 + "]" * 50_000 + "\n- " * 2 + "- " * 50_000 + "x\n")
    assert _codes(linter, path) == ["AE006"]
    block = tmp_path / "block.yaml"
    block.write_text("- " * 100_000 + "x\n", encoding="utf-8")
    assert _codes(linter, block) == ["AE006"]


def test_a_50_mb_file_is_refused_by_size(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"a: 1\n" * 10_000_000)
    [finding] = linter.analyse_file(path).findings
    assert finding.code == "AE006" and "16777216" in finding.message


def test_a_line_of_10_million_characters(linter: Linter, tmp_path: Path) -> None:
    path = tmp_path / "line.yaml"
    path.write_text("aeplan: 1\nname: " + "x" * 10_000_000 + "\n", encoding="utf-8")
    analysis = linter.analyse_file(path)
    assert {f.code for f in analysis.findings} == {"AE002"}
    assert all(len(f.message) < 500 for f in analysis.findings)


def test_100_000_keys_give_a_bounded_list_of_findings(linter: Linter, tmp_path: Path) -> None:
    keys = "".join(f"key{i}: {i}\n" for i in range(100_000))
    path = tmp_path / "keys.yaml"
    path.write_text("aeplan: 1\nsalesforce: {org: x}\nbusiness_units: [{name: A}]\n" + keys)
    findings = linter.analyse_file(path).findings
    assert len(findings) == 201
    assert findings[-1].code == "AE006" or any(f.code == "AE006" for f in findings)
    assert "100000 in all" in next(f.message for f in findings if f.code == "AE006")
