"""The HTML report in a real browser: headless Chromium shows the text, runs no script, and a
screenshot is kept in the test's tmp dir for a human to look at."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.browser import browse, chromium_or_skip
from tests.conftest import SAMPLES
from tests.unit.report.hostile import HOSTILE_PLAN

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium() -> Path:
    return chromium_or_skip()


class VisibleText(HTMLParser):
    """The text a reader sees (not style or title), and the document's title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text = ""
        self.title = ""

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "title" in self.stack[-1:] and "svg" not in self.stack:
            self.title += data
        elif not {"style", "script"} & set(self.stack[-1:]):
            self.text += data


def render(plan: Path, target: Path, *args: str) -> Path:
    result = CliRunner().invoke(cli, ["report", str(plan), "-o", str(target), *args])
    assert result.exit_code == 0, result.output
    return target


def test_japanese_report_in_chromium(chromium: Path, tmp_path: Path) -> None:
    page = render(SAMPLES / "good" / "acme-japan.yaml", tmp_path / "acme-japan.html")
    dom = browse(chromium, page, tmp_path / "profile-dom", "--dump-dom")
    seen = VisibleText()
    seen.feed(dom)
    assert seen.title == "Acme KK — Account Engagement rollout"
    assert "Japan" in seen.text
    assert "一時停止を解除できる状態です" in seen.text
    assert "Salesforce 組織" in seen.text
    shot = tmp_path / "acme-japan.png"
    browse(
        chromium, page, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1200,2000"
    )
    assert shot.stat().st_size > 10_000


def test_hostile_plan_runs_no_script_in_chromium(chromium: Path, tmp_path: Path) -> None:
    plan = tmp_path / "hostile.yaml"
    plan.write_text(HOSTILE_PLAN, encoding="utf-8")
    page = render(plan, tmp_path / "hostile.html")
    dom = browse(chromium, page, tmp_path / "profile-dom", "--dump-dom")
    seen = VisibleText()
    seen.feed(dom)
    # The plan's <script> would set the title to exactly "pwned" had it run.
    assert seen.title != "pwned"
    assert seen.title.startswith("Plan <script>document.title='pwned'</script>")
    assert "<script>document.title='pwned'</script>" in seen.text
    assert 'Korea" onmouseover="alert(1)' in seen.text
    assert "Not ready to unpause" in seen.text or "Ready to unpause" in seen.text
    shot = tmp_path / "hostile.png"
    browse(
        chromium, page, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1200,2000"
    )
    assert shot.stat().st_size > 10_000
