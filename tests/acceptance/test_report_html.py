"""The HTML report is one valid, self-contained, script-free page; hostile names stay text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import SAMPLES
from tests.unit.report.hostile import HOSTILE_PLAN, SCRIPT

VOID = {"meta", "br", "input", "path", "rect", "img", "link"}


class Page(HTMLParser):
    """Collects tags, attributes, style text and visible text, and checks nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.stack: list[str] = []
        self.style = ""
        self.text = ""
        self.problems: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data
        elif "title" not in self.stack[-1:]:
            self.text += data


def report(plan: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["report", plan, "--format", "html", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_html_is_one_valid_self_contained_page(lang: str) -> None:
    html = report(str(SAMPLES / "good" / "acme-japan.yaml"), "--lang", lang)
    page = parse(html)
    assert page.doctype.lower() == "doctype html"
    assert page.tags.count("html") == 1 and page.tags.count("body") == 1
    assert page.problems == [] and page.stack == []
    assert ("lang", lang) in page.attributes
    assert ("name", "viewport") in page.attributes
    assert "script" not in page.tags
    assert "@media print" in page.style and "@media (max-width" in page.style
    assert not [
        value
        for name, value in page.attributes
        if name in ("src", "href")
        and value.startswith(("http://", "https://", "//"))
        and "help.salesforce.com" not in value
    ]
    assert "<link" not in html and "@import" not in html and "url(http" not in html
    assert "<svg" in html and 'type="checkbox"' in html


def test_hostile_names_render_as_text_in_html(hostile: Path) -> None:
    html = report(str(hostile))
    page = parse(html)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert page.problems == []
    assert SCRIPT in page.text
    assert "<img src=x onerror=alert(1)>" in page.text
    assert 'Korea" onmouseover="alert(1)' in page.text
    assert "Pipe | Field" in page.text


def _cells(line: str) -> int:
    """How many cells a GFM table row has (backslash escapes hide a pipe)."""
    count, escaped = 0, False
    for char in line.strip():
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count - 1


def test_hostile_names_keep_markdown_valid(hostile: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(hostile)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    lines = text.splitlines()
    assert "<script" not in text.replace("\\<script", "")
    assert "<img" not in text.replace("\\<img", "")
    fences = [number for number, line in enumerate(lines) if line.startswith("```")]
    assert [lines[n] for n in fences] == ["```mermaid", "```"]
    start, end = fences
    for line in lines[start + 1 : end]:
        if '["' in line:
            label = line.split('["', 1)[1].rsplit('"]', 1)[0]
            assert '"' not in label and "<script" not in label and "`" not in label, line
    index = 0
    while index < len(lines):
        if (
            lines[index].startswith("|")
            and index + 1 < len(lines)
            and lines[index + 1].startswith("|---")
        ):
            width = _cells(lines[index])
            index += 1
            while index < len(lines) and lines[index].startswith("|"):
                assert _cells(lines[index]) == width, lines[index]
                index += 1
        index += 1
    assert "Plan \\<script\\>document.title='pwned'\\</script\\> \\| \\`tick\\`" in text
