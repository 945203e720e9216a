"""The SVG layout: text wraps inside its box, boxes stay inside the picture and do not overlap."""

from __future__ import annotations

import pytest

from planner.lint.linter import Linter
from planner.report.context import Citations, ReportContext
from planner.report.drawing import Box, layout, text_width, wrap
from planner.report.flow import build
from planner.report.wording import wording
from tests.conftest import SAMPLES
from tests.unit.report.hostile import HOSTILE_PLAN


def test_wrap_breaks_at_spaces_and_between_japanese_characters() -> None:
    assert wrap("Integration user", 176, 14) == ["Integration user"]
    assert wrap("Custom connector user with a long name", 140, 14)[0] == "Custom connector"
    assert wrap("⇄ 接続済みキャンペーン（Salesforce が主）", 176, 12) == [
        "⇄ 接続済みキャンペーン",
        "（Salesforce が主）",
    ]
    assert len(wrap("x" * 500, 100, 14)) == 3
    assert wrap("x" * 500, 100, 14)[-1].endswith("…")
    for line in wrap("とても長い日本語のビジネスユニット名が続きます" * 3, 150, 14):
        assert text_width(line, 14) <= 150


def _overlap(a: Box, b: Box) -> bool:
    return (
        a.x < b.x + b.width
        and b.x < a.x + a.width
        and a.y < b.y + b.height
        and b.y < a.y + a.height
    )


@pytest.mark.parametrize(
    "text",
    [
        (SAMPLES / "good" / "two-bu-mds.yaml").read_text(encoding="utf-8"),
        (SAMPLES / "good" / "acme-japan.yaml").read_text(encoding="utf-8"),
        HOSTILE_PLAN,
    ],
)
def test_layout_keeps_boxes_apart_and_inside(linter: Linter, text: str) -> None:
    analysis = linter.analyse_bytes(text.encode("utf-8"), "plan.yaml")
    assert analysis.plan is not None
    context = ReportContext(analysis, analysis.plan, wording("en"), linter.rulebook, Citations())
    drawing = layout(build(context), ("a", "b", "c", "d"))
    for box in drawing.boxes:
        assert box.x >= 0 and box.x + box.width <= drawing.width
        assert box.y >= 0 and box.y + box.height <= drawing.height
        for line in box.lines:
            assert box.y < line.y < box.y + box.height
    outer = [box for box in drawing.boxes if box.kind in ("unit", "user", "filter", "org")]
    for index, first in enumerate(outer):
        for second in outer[index + 1 :]:
            assert not _overlap(first, second), (first, second)
    assert len(drawing.arrows) == 3 * len(analysis.plan.business_units)
