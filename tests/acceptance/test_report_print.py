"""The HTML report printed by headless Chromium ("Save as PDF"): nothing is lost and it is short.

pdftotext reads the PDF back; every piece of text the Sync method options section shows on screen
must be in the printed text (the old 10-column table lost its right-hand columns in print).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from planner.cli import cli
from tests.browser import (
    chromium_or_skip,
    japanese_font_or_skip,
    pdf_pages,
    pdf_text,
    print_to_pdf,
    tool_or_skip,
)
from tests.conftest import REPO, SAMPLES

pytestmark = pytest.mark.slow

_SPACE = re.compile(r"\s+")
FOOTERS = {
    lang: yaml.safe_load((REPO / "templates" / "i18n" / f"{lang}.yaml").read_text("utf-8"))[
        "document"]["footer"].replace("`", "")
    for lang in ("en", "ja")
}  # fmt: skip


class SectionText(HTMLParser):
    """The text nodes inside one ``<section id=...>`` of the report."""

    def __init__(self, section: str) -> None:
        super().__init__(convert_charrefs=True)
        self.section = section
        self.depth = 0
        self.pieces: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag == "section"
        elif tag == "section" and ("id", self.section) in attrs:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "section":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.pieces.append(data.strip())


def _flat(text: str) -> str:
    return _SPACE.sub("", text)


def _printed(plan: Path, lang: str, tmp_path: Path) -> tuple[str, str, int]:
    chromium = chromium_or_skip()
    tool_or_skip("pdftotext", "poppler-utils")
    if lang == "ja":
        japanese_font_or_skip()
    page = tmp_path / f"{plan.stem}.{lang}.html"
    result = CliRunner().invoke(cli, ["report", str(plan), "--lang", lang, "-o", str(page)])
    assert result.exit_code == 0, result.output
    pdf = print_to_pdf(chromium, page, tmp_path / f"{plan.stem}.{lang}.pdf")
    return page.read_text(encoding="utf-8"), pdf_text(pdf), pdf_pages(pdf)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("plan", ["acme-japan", "two-bu-mds"])
def test_every_sync_option_survives_printing(plan: str, lang: str, tmp_path: Path) -> None:
    html, text, _ = _printed(SAMPLES / "good" / f"{plan}.yaml", lang, tmp_path)
    seen = SectionText("sync_options")
    seen.feed(html)
    assert len(seen.pieces) > 40
    printed = _flat(text)
    # A header that wraps onto two lines is read back around its neighbours: then each word counts.
    lost = [
        piece
        for piece in seen.pieces
        if _flat(piece) not in printed and not all(word in printed for word in piece.split())
    ]
    assert not lost, lost[:5]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_clean_one_unit_plan_prints_short_without_empty_pages(lang: str, tmp_path: Path) -> None:
    _, text, pages = _printed(SAMPLES / "good" / "acme-japan.yaml", lang, tmp_path)
    assert pages <= 8
    filled = [len(page.strip()) for page in text.split("\f")[: pages - 1]]
    assert min(filled) > 600, filled  # no near-empty page before the last


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("plan", ["good/minimal", "good/two-bu-mds", "bad/multi-bu-overlaps"])
def test_the_closing_line_never_prints_on_a_page_of_its_own(
    plan: str, lang: str, tmp_path: Path
) -> None:
    _, text, pages = _printed(SAMPLES / f"{plan}.yaml", lang, tmp_path)
    last = _flat(text.split("\f")[pages - 1])
    footer = _flat(FOOTERS[lang])
    assert footer in last
    assert len(last) > len(footer) + 200, last  # it ends the references, not an empty page
