"""lint.heap: a batch keeps earlier files' results out of the collector's scans, then lets go."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.lint import heap
from planner.lint.linter import Analysis, Linter
from tests.conftest import SAMPLES


def test_what_is_kept_is_frozen_during_the_batch_and_released_after_it() -> None:
    before = gc.get_freeze_count()
    with heap.settled() as settle:
        kept = [[index] for index in range(1000)]
        settle()
        assert gc.get_freeze_count() >= before + len(kept)
    assert gc.get_freeze_count() == 0


def test_an_error_inside_the_batch_still_releases_everything() -> None:
    with pytest.raises(RuntimeError), heap.settled() as settle:
        settle()
        raise RuntimeError("stop")
    assert gc.get_freeze_count() == 0


def test_a_collector_switched_off_by_someone_else_is_left_alone() -> None:
    gc.disable()
    try:
        with heap.settled() as settle:
            settle()
            assert gc.get_freeze_count() == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_linting_many_files_leaves_nothing_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    plans = [str(path) for path in sorted((SAMPLES / "good").glob("*.yaml"))]
    linter = Linter()
    assert len(linter.lint_paths(plans).analyses) == len(plans)
    assert gc.get_freeze_count() == 0
    analysed: list[Path] = []
    original = linter.analyse_file

    def unreadable_second(path: Path) -> Analysis:
        analysed.append(path)
        if len(analysed) == 2:
            raise PlannerError("unreadable")
        return original(path)

    monkeypatch.setattr(linter, "analyse_file", unreadable_second)
    with pytest.raises(PlannerError):
        linter.lint_paths(plans)
    assert len(analysed) == 2 and gc.get_freeze_count() == 0


def test_one_small_plan_runs_without_the_collector_which_comes_back_after() -> None:
    plan = SAMPLES / "good" / "acme-japan.yaml"
    with heap.one_plan(plan) as settle:
        assert not gc.isenabled()
        settle()
        assert gc.get_freeze_count() == 0
    assert gc.isenabled()
    with pytest.raises(RuntimeError), heap.one_plan(plan):
        raise RuntimeError("stop")
    assert gc.isenabled()


def test_a_large_or_missing_plan_keeps_the_collector_and_freezes_what_is_kept(
    tmp_path: Path,
) -> None:
    large = tmp_path / "large.yaml"
    large.write_bytes(b"#" * (heap.SMALL_PLAN_BYTES + 1))
    for path in (large, tmp_path / "missing.yaml"):
        with heap.one_plan(path) as settle:
            assert gc.isenabled()
            kept = [[index] for index in range(100)]
            settle()
            assert gc.get_freeze_count() >= len(kept)
        assert gc.isenabled() and gc.get_freeze_count() == 0


def test_report_and_compare_leave_the_collector_on() -> None:
    from planner.comparison.building import compare_file
    from planner.report.document import build_report

    plan = SAMPLES / "good" / "acme-japan.yaml"
    assert build_report(plan, "markdown")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert compare_file(str(plan)).units
    assert gc.isenabled() and gc.get_freeze_count() == 0
