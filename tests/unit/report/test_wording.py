"""The report wording: both languages complete, Japanese in Salesforce's own terms."""

from __future__ import annotations

import re

import pytest

from planner.errors import PlannerError
from planner.report import sources
from planner.report.wording import wording

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def test_english_and_japanese_define_the_same_keys_and_placeholders() -> None:
    english, japanese = wording("en"), wording("ja")
    assert english.keys() == japanese.keys()
    for key in sorted(english.keys()):
        expected = set(PLACEHOLDER.findall(english.template(key)))
        assert set(PLACEHOLDER.findall(japanese.template(key))) == expected, key


def test_every_source_has_a_title_in_both_languages() -> None:
    for lang in ("en", "ja"):
        for key in sources.names():
            assert wording(lang).has(f"source.{key}")


def test_japanese_uses_salesforce_terms() -> None:
    japanese = wording("ja")
    text = "\n".join(japanese.template(key) for key in sorted(japanese.keys()))
    assert "Salesforce 組織" in text
    assert "Salesforce 取引先" not in text  # the seed's mistranslation of "org"
    for term in (
        "ビジネスユニット",
        "インテグレーションユーザー",
        "マーケティングデータ共有",
        "一時停止を解除",
        "取引先責任者",
        "個人取引先",
        "同期エラー",
        "同期キュー",
        "Salesforceの値を使用する",
        "[Sync with CRM (CRM と同期)]",
        "[Send to Pardot (Pardot に送信)]",  # the label Help still shows (review a11)
    ):
        assert term in text, term


def test_unknown_key_is_a_planner_error() -> None:
    with pytest.raises(PlannerError, match="no entry"):
        wording("en")("no.such.key")
