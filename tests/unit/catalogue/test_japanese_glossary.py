"""Japanese texts use Salesforce's own Japanese terms (docs/facts.md glossary; 2026-11 review d)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from planner import i18n
from planner.rules.loader import load_rulebook
from tests.conftest import REPO

# Terms the review found wrong or outdated -> the official term (docs/facts.md, section 12).
REPLACED = {
    "最近更新したレコード値": "最近更新したレコード (Trailhead JA, review d2)",
    "Salesforce ユーザー同期": "Salesforce ユーザーの同期 (KB 000389098, review d5)",
    "参照項目": "参照関係項目 (review d8)",
    "有効なコネクタ": "一時停止されていない（同期中の）コネクタ (review d10)",
    "→ コネクタ →": "[コネクター] in quoted UI paths (KB 000389098, review d4)",
    "「コネクタ」>": "「コネクター」 in quoted UI paths (review d4)",
    "「Account Engagement Connector User」権限セット": "「Pardot コネクタユーザー」 (review d3)",
}
# Salesforce's Japanese labels that must appear wherever the English concept is named.
REQUIRED = {
    "Opted Out": "オプトアウト済み",
    "Field History Tracking": "項目履歴管理",
    "restricted picklist": "制限付き選択リスト",
    "Marketing Data Sharing": "マーケティングデータ共有",
    "business unit": "ビジネスユニット",
    "field-level security": "項目レベルセキュリティ",
    "lead conversion": "取引開始",
}


def _rule_texts() -> list[tuple[str, str, str]]:
    """(rule code, English, Japanese) for every bilingual text of every rule."""
    pairs = []
    for rule in load_rulebook().rules:
        texts = [rule.summary, rule.message, rule.fix, rule.docs.what, rule.docs.why, rule.docs.fix]
        texts += [rule.docs.caveat] if rule.docs.caveat else []
        pairs += [(rule.code, text.en, text.ja) for text in texts]
    return pairs


def _template_texts() -> list[str]:
    data = yaml.safe_load((REPO / "templates" / "i18n" / "ja.yaml").read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, str):
            found.append(node)

    walk(data)
    return found


def _japanese_everywhere() -> list[str]:
    texts = [ja for _, _, ja in _rule_texts()] + _template_texts()
    return texts + list(i18n.catalogue("ja").values())


@pytest.mark.parametrize("old", sorted(REPLACED))
def test_replaced_terms_are_gone(old: str) -> None:
    offending = [text[:80] for text in _japanese_everywhere() if old in text]
    assert offending == [], f"use {REPLACED[old]}"


@pytest.mark.parametrize("english", sorted(REQUIRED))
def test_japanese_rule_texts_use_the_salesforce_label(english: str) -> None:
    japanese = REQUIRED[english]
    pattern = re.compile(rf"(?<![`\w]){re.escape(english)}(?![`\w])", re.IGNORECASE)
    missing = [code for code, en, ja in _rule_texts() if pattern.search(en) and japanese not in ja]
    assert missing == [], f"{english} should read {japanese} in Japanese"


def test_the_glossary_lists_every_required_term() -> None:
    glossary = Path(REPO / "docs" / "facts.md").read_text(encoding="utf-8").split("## 12.", 1)[1]
    for japanese in ("オプトアウト済み", "項目履歴管理", "制限付き選択リスト", "参照関係"):
        assert japanese in glossary
