"""The generated rule reference: current, complete, anchored per code, and the fact sheet parsed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.catalogue.explanation import explain, render_text
from planner.catalogue.factsheet import confidence_words, load_confidences, parse_confidences
from planner.catalogue.rules_docs import DOC_FILES, generated_docs, write_docs
from planner.rules.loader import load_rulebook
from tests.conftest import REPO

RULES = load_rulebook().rules
DOCS = generated_docs()


@pytest.mark.parametrize("name", sorted(DOC_FILES.values()))
def test_committed_rule_reference_is_current(name: str) -> None:
    committed = (REPO / "docs" / name).read_text(encoding="utf-8")
    if committed != DOCS[name]:
        pytest.fail(f"docs/{name} is stale: run `make docs` and commit it", pytrace=False)


@pytest.mark.parametrize("name", sorted(DOC_FILES.values()))
def test_every_rule_has_an_anchor_an_index_row_and_every_section(name: str) -> None:
    text = DOCS[name]
    lang = "ja" if name.endswith(".ja.md") else "en"
    titles = ["### 検出する内容", "### 重要な理由", "### 例", "### 修正方法", "### 根拠となる事実"]
    if lang == "en":
        titles = ["### What it checks", "### Why it matters", "### Example", "### How to fix"]
    for rule in RULES:
        anchor = f'<a id="{rule.code.lower()}"></a>'
        assert text.count(anchor) == 1
        assert f"| [{rule.code}](#{rule.code.lower()}) |" in text
        section = text.split(anchor)[1].split('<a id="')[0]
        for title in titles:
            assert title in section, (rule.code, title)
        assert rule.summary.get(lang) in section
        assert rule.examples.fail.rstrip("\n") in section


def test_generation_is_deterministic_and_writes_both_languages(tmp_path: Path) -> None:
    first = generated_docs()
    written = write_docs(tmp_path)
    assert sorted(path.name for path in written) == sorted(DOC_FILES.values())
    for path in written:
        assert path.read_text(encoding="utf-8") == first[path.name]


def test_caveats_appear_when_a_rule_has_one() -> None:
    with_caveat = [rule for rule in RULES if rule.docs.caveat]
    for rule in with_caveat:
        assert rule.docs.caveat is not None
        assert rule.docs.caveat.en in DOCS["rules.md"]
        assert rule.docs.caveat.ja in DOCS["rules.ja.md"]


def test_fact_sheet_confidences_are_parsed() -> None:
    sheet = (
        "- **F01** — a fact. *Seed:* no · *Conf:* high · *Src:* <x>\n"
        "- **F02** — another, over\n  two lines. *Conf:* high (a) / medium (b) · *Src:* <y>\n"
        "- **F03** — no confidence given.\n"
    )
    assert parse_confidences(sheet) == {"F01": ("high",), "F02": ("high", "medium")}
    assert confidence_words(("high", "medium"), "ja") == "高 / 中"
    confidences = load_confidences()
    known = set(re.findall(r"\*\*(F\d+)\*\*", (REPO / "docs" / "facts.md").read_text("utf-8")))
    assert set(confidences) == known
    assert confidences["F08"] == ("low",)


def test_explanations_show_fact_confidence_in_both_languages() -> None:
    rule = load_rulebook().by_code()["AE104"]
    confidences = {"F09": ("high",), "F102": ("medium",)}
    english = render_text(explain(rule, "en", confidences), "en")
    assert "  F09 (confidence: high)\n" in english
    assert "  F11\n" in english
    japanese = render_text(explain(rule, "ja", confidences), "ja")
    assert "  F102（確度: 中）\n" in japanese
