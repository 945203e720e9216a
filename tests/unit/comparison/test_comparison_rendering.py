"""Comparison output: Markdown escaping, the documented JSON, text tables, both languages."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest

from planner.comparison import json_document, markdown, text, wording
from planner.comparison.building import compare_analysis
from planner.comparison.results import Comparison
from planner.lint.linter import Linter
from tests.conftest import REPO, analyse

HOSTILE = """
aeplan: 1
salesforce: {org: "org|<b>`x`"}
business_units:
  - name: "A|B <script>`tick`"
    edition: advanced
    connector: {version: 2, user: integration_user}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {object: lead, field: BU__c, value: "x|y"}
        - {object: contact, field: BU__c, value: "<i>"}
    rollout: {before_unpause: [marketing_data_sharing, field_level_security]}
  - name: Second
    edition: advanced
    connector: {version: 2, user: integration_user}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {object: lead, field: BU__c, value: two}
        - {object: contact, field: BU__c, value: two}
"""


def hostile(linter: Linter, lang: str = "en") -> Comparison:
    return compare_analysis(analyse(linter, HOSTILE, "pl|an.yaml"), linter.engine, lang)


def rendered(module: Any, comparison: Comparison) -> str:
    stream = io.StringIO()
    module.render(comparison, stream)
    return stream.getvalue()


def test_markdown_escapes_pipes_backticks_and_html() -> None:
    assert markdown.escape("a|b `c` <d> & e\nf") == r"a\|b \`c\` &lt;d&gt; &amp; e f"
    assert markdown.escape("Marketing_BU__c [x] *y*") == r"Marketing\_BU\_\_c \[x\] \*y\*"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_markdown_tables_keep_their_shape_with_hostile_names(linter: Linter, lang: str) -> None:
    document = rendered(markdown, hostile(linter, lang))
    assert "<script>" not in document and "<i>" not in document and "<b>" not in document
    assert r"A\|B &lt;script&gt;\`tick\`" in document
    tables = [line for line in document.splitlines() if line.startswith("|")]
    assert len(tables) == 2 * 6  # header, rule and four options, for each business unit
    for line in tables:
        assert len(re.findall(r"(?<!\\)\|", line)) == len(tables[0].split(" | ")) + 1


def test_markdown_marks_the_recommended_option_and_has_a_legend(linter: Linter) -> None:
    document = rendered(markdown, hostile(linter))
    assert document.startswith("# Sync method options\n")
    assert "Legend:" in document
    assert "| \\* | integration user + MDS (as written) |" in document
    assert "**Recommended:** integration user + MDS." in document


def test_markdown_body_is_a_report_section_with_chosen_heading_level(linter: Linter) -> None:
    body = markdown.body(hostile(linter, "ja"), level=4)
    assert "\n#### ビジネスユニット「A\\|B" in body
    assert "| 選択肢 |" in body


def test_json_document_is_complete_and_documented(linter: Linter) -> None:
    document = json.loads(rendered(json_document, hostile(linter)))
    assert document["version"] == 1
    assert document["file"] == "pl|an.yaml"
    unit = document["business_units"][0]
    assert unit["name"] == "A|B <script>`tick`"
    assert unit["as_written"] == "integration_user+marketing_data_sharing"
    assert unit["recommendation"]["option"] == "integration_user+marketing_data_sharing"
    first = unit["options"][0]
    assert first["id"] == "integration_user+all_records" and first["blocked"] is True
    assert first["errors"][0]["code"] == "AE201"
    assert set(first["errors"][0]) == {"code", "name", "severity", "message", "pointer"}
    documented = (REPO / "docs" / "compare.md").read_text(encoding="utf-8")
    for key in sorted(_keys(document)):
        assert f"`{key}`" in documented, f"docs/compare.md does not describe `{key}`"


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_text_table_is_aligned_and_names_every_option(linter: Linter, lang: str) -> None:
    output = rendered(text, hostile(linter, lang))
    lines = output.splitlines()
    assert lines[1].startswith(wording.text("legend", lang)[:6])
    star = next(line for line in lines if line.startswith("*"))
    assert wording.text("option.integration_user+marketing_data_sharing", lang) in star
    assert wording.text("recommended", lang) + wording.colon(lang) in output
    assert "\x1b" not in output


def test_every_sentence_exists_in_both_languages_with_the_same_placeholders() -> None:
    for key, (english, japanese) in wording.keys().items():
        assert english.strip() and japanese.strip(), key
        assert set(re.findall(r"\{(\w+)\}", english)) == set(re.findall(r"\{(\w+)\}", japanese))
        assert "取引先に" not in japanese and "Salesforce 取引先" not in japanese, key


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_report_section_data_and_markdown(linter: Linter, lang: str) -> None:
    from planner.comparison.section import section_data

    analysis = analyse(linter, HOSTILE, "plan.yaml")
    data = section_data(analysis, lang, linter.engine)
    assert data.title == wording.text("section", lang)
    assert len(data.headers) == 9 and len(data.units) == 2
    first = data.units[0]
    assert [row.recommended for row in first.rows] == [False, True, False, False]
    assert first.rows[0].cells[1] == "AE201"
    assert "A|B <script>" in first.heading  # plain text: the report template escapes it
    assert "#### " not in data.markdown and "\n### " in data.markdown
    deeper = section_data(analysis, lang, linter.engine, level=4).markdown
    assert deeper.count("\n#### ") == 2


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_report_cards_say_in_words_what_blocks_or_warns(linter: Linter, lang: str) -> None:
    """The summary row shows rule codes only; the option's card says what each one means."""
    from planner.comparison.section import section_data

    analysis = analyse(linter, HOSTILE, "plan.yaml")
    data = section_data(analysis, lang, linter.engine)
    blocked_label, warnings_label = data.summary_headers[1:3]
    all_records = data.units[0].rows[0]  # integration user + all records, on a shared org
    details = dict(all_records.details)
    assert all_records.cells[1] == "AE201"
    assert details[blocked_label].startswith("AE201: " if lang == "en" else "AE201 ")
    assert "A|B <script>" in details[blocked_label]  # the finding's own words, for this unit
    assert list(details)[:1] == [blocked_label]
    recommended = next(row for row in data.units[0].rows if row.recommended)
    assert blocked_label not in dict(recommended.details)
    assert warnings_label not in dict(recommended.details)
    assert len(recommended.details) == 5  # the five detail columns, nothing to explain
