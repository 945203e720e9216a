"""Output files are replaced atomically and plans are never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import atomic
from planner.errors import PlannerError


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    atomic.write_text_atomically(target, "one")
    atomic.write_text_atomically(target, "two ✓")
    assert target.read_text(encoding="utf-8") == "two ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")

    def fail(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_refuses_to_overwrite_a_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("aeplan: 1\n", encoding="utf-8")
    with pytest.raises(PlannerError, match="refusing to overwrite an input plan"):
        atomic.write_text_atomically(tmp_path / "." / "plan.yaml", "x", protected=(plan,))
    assert plan.read_text(encoding="utf-8") == "aeplan: 1\n"


def test_missing_folder_is_a_planner_error(tmp_path: Path) -> None:
    with pytest.raises(PlannerError, match="output folder does not exist"):
        atomic.write_text_atomically(tmp_path / "nope" / "out.md", "x")


def test_new_files_get_the_usual_permissions_not_0600(tmp_path: Path) -> None:
    import os

    target = tmp_path / "report.html"
    atomic.write_text_atomically(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    atomic.write_text_atomically(target, "y")
    assert target.stat().st_mode & 0o777 == 0o640
