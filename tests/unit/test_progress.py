"""The progress line: only on a terminal, only after a second, erased when done."""

from __future__ import annotations

import io
from pathlib import Path

from planner.comparison.building import compare_file
from planner.lint.linter import Linter
from planner.progress import ProgressLine, progress_line, wanted
from tests.conftest import SAMPLES


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_line_appears_after_the_delay_and_is_erased() -> None:
    stream, clock = Terminal(), Clock()
    line = ProgressLine("aeplan: checking plans", stream, delay=1.0, clock=clock)
    line(1, 10)
    assert stream.getvalue() == ""  # short runs never show it
    clock.now = 1.5
    line(2, 10)
    clock.now = 1.55
    line(3, 10)  # throttled
    clock.now = 1.56
    line(10, 10)  # the last step always shows
    line.close()
    assert stream.getvalue() == (
        "\raeplan: checking plans 2/10\x1b[K\raeplan: checking plans 10/10\x1b[K\r\x1b[K"
    )


def test_no_line_when_piped_quiet_in_ci_or_on_a_dumb_terminal() -> None:
    assert wanted(Terminal(), quiet=False, environ={})
    assert not wanted(io.StringIO(), quiet=False, environ={})
    assert not wanted(Terminal(), quiet=True, environ={})
    assert not wanted(Terminal(), quiet=False, environ={"CI": "true"})
    assert not wanted(Terminal(), quiet=False, environ={"TERM": "dumb"})
    with progress_line("lint", io.StringIO(), None, False, {}) as callback:
        assert callback is None


def test_japanese_label() -> None:
    stream = Terminal()
    with progress_line("compare", stream, "ja", False, {}) as callback:
        assert isinstance(callback, ProgressLine)
        assert callback.label.startswith("aeplan: 同期方法を比較中")


def test_lint_and_compare_report_each_step(tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    Linter().lint_paths([str(SAMPLES / "good")], lambda done, total: steps.append((done, total)))
    total = len(list((SAMPLES / "good").glob("*.yaml")))
    assert steps == [(done, total) for done in range(1, total + 1)]
    units: list[tuple[int, int]] = []
    compare_file(
        str(SAMPLES / "good" / "two-bu-mds.yaml"), progress=lambda *step: units.append(step)
    )
    assert units == [(1, 2), (2, 2)]
