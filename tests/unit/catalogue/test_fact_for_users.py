"""``aeplan explain F..`` shows users the fact, its confidence and citable sources only: the fact
sheet's notes for maintainers (review history, the seed's wording) stay in docs/facts.md."""

from __future__ import annotations

import re

import pytest

from planner.catalogue.factsheet import (
    SEED_URL,
    explain_fact,
    fact_blocks,
    fact_sheet_path,
    is_citable,
    parse_sources,
)

SHEET = fact_sheet_path().read_text(encoding="utf-8")
FACTS = sorted(fact_blocks(SHEET))
INTERNAL = re.compile(r"\bseed\b|\breview [a-d]\d|\d{4}-\d{2} review|\*\(|\)\*", re.IGNORECASE)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_fact_shows_maintainers_notes_or_home_pages(lang: str) -> None:
    assert len(FACTS) > 100
    for fact in FACTS:
        shown = explain_fact(SHEET, fact, lang)
        assert shown is not None
        assert not INTERNAL.search(shown), (fact, INTERNAL.search(shown))
        assert "note.com/inc_narcissus\n" not in shown
        sources = [line[4:] for line in shown.splitlines() if line.startswith("  - ")]
        assert sources, fact
        assert all(is_citable(url) for url in sources), fact


def test_f02_is_the_fact_its_confidence_and_its_sources() -> None:
    shown = explain_fact(SHEET, "F02", "en")
    assert shown is not None
    assert "the classic UI calls it Account Settings" in shown
    assert "Confidence: high (field) / medium (page labels)" in shown
    assert "https://note.com/inc_narcissus" not in shown
    japanese = explain_fact(SHEET, "F02", "ja")
    assert japanese is not None and "確度: 高（項目）/ 中（ページのラベル）" in japanese
    assert "*(The seed also calls it" in SHEET  # kept for maintainers


def test_a_fact_from_the_seed_names_the_trailhead_unit() -> None:
    shown = explain_fact(SHEET, "F17", "en")
    assert shown is not None and SEED_URL in shown


def test_home_pages_are_not_sources() -> None:
    assert not is_citable("https://note.com/inc_narcissus")
    assert not is_citable("https://example.com/")
    assert is_citable("https://note.com/inc_narcissus/n/n840901db9f0b")
    assert is_citable("https://salesforcelounge.com/?p=103")
    assert all(is_citable(url) for urls in parse_sources(SHEET).values() for url in urls)
