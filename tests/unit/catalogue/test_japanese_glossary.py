"""Japanese texts use Salesforce's own Japanese terms (docs/facts.md glossary; 2026-11 review d)
and one house style: one word for each of aeplan's own concepts, one way to count, one set of
punctuation and one spacing rule, over every Japanese text a user reads (the message catalogue,
the report wording, the schema's hover texts, every rule, Japanese literals in ``planner/`` and the
generated documents).

The rules, each enforced below:

- Terms: severity is 重大度; the plan is the 連携プラン (プラン for short); the report is the
  導入レポート; the connector is コネクタ, except Salesforce's Japanese menu label quoted as a UI
  path, [コネクター] / 「コネクター」 (KB 000389098, review d4).
- Counting: findings, decisions, records, licences, problems and other listed items take 件
  (``指摘事項 3 件``); other things take つ after a written 1–9 (``1 つのビジネスユニット``) and no
  counter after a placeholder or a larger number, which つ cannot count
  (``複数のビジネスユニット（{count}）``, ``ビジネスユニット数 {count}``, ``最大 25``); never 個.
- Punctuation: full-width ？ and ！ after Japanese; 、 joins lists (never ``, `` next to Japanese or
  between code spans; fact citations such as ``[F01, F02]`` are codes and keep ASCII); no ；.
- Katakana: エディター and フォルダー with the long vowel, as the catalogue writes them.
- Spacing: one space between Japanese and an ASCII word, number or code span (``Salesforce 組織``,
  ``2 件``, ```aeplan lint` で``); none next to full-width punctuation, none between two Japanese
  words. Salesforce's own UI labels are quoted exactly as Salesforce writes them (UI_LABELS).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
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


# --- one house style over every Japanese source ------------------------------------------------

_JAPANESE = "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u4e00-\u9fff"  # kana, kanji (not ・)
JP = f"[{_JAPANESE}]"
# Modules whose Japanese literals are words to recognise in input, not text anyone reads.
_INPUT_WORDS = {"planner/plan/secrets.py", "planner/cli/replies.py", "planner/cli/help_text.py"}
# Salesforce's Japanese UI labels, quoted exactly as Salesforce writes them (docs/facts.md).
UI_LABELS = (
    "1つのメールアドレスに対して複数のプロスペクトを有効化",
    "Salesforceの値を使用する",
    "Account Engagementの値を使用する",
    "Pardot と Salesforce の インテグレーションを計画する",  # the Trailhead unit's title
)


def _walked(node: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walked(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walked(value, f"{where}[{index}]")
    elif isinstance(node, str):
        yield where, node


def _python_literals() -> Iterator[tuple[str, str]]:
    """Japanese string literals in ``planner/`` that are not docstrings or input words."""
    for path in sorted((REPO / "planner").rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        if name in _INPUT_WORDS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and re.search(JP, node.value)
            ):
                yield f"{name}:{node.lineno}", node.value


def japanese_sources() -> list[tuple[str, str]]:
    """(where, text) for every Japanese text aeplan shows, from the files it is written in."""
    sources = [(f"messages/ja.yaml {key}", text) for key, text in i18n.catalogue("ja").items()]
    folder = REPO / "templates" / "i18n"
    wording = yaml.safe_load((folder / "ja.yaml").read_text(encoding="utf-8"))
    sources += list(_walked(wording, "i18n/ja.yaml"))
    schema = yaml.safe_load((folder / "schema.yaml").read_text(encoding="utf-8"))
    sources += [(f"i18n/schema.yaml {key}", entry["ja"]) for key, entry in schema.items()]
    fields = ("summary", "message", "fix", "docs.what", "docs.why", "docs.fix", "docs.caveat")
    for rule in load_rulebook().rules:
        texts = [rule.summary, rule.message, rule.fix, rule.docs.what, rule.docs.why, rule.docs.fix]
        texts += [rule.docs.caveat] if rule.docs.caveat else []
        where = f"rules/{rule.code}.yaml"
        sources += [(f"{where} {field}", text.ja) for field, text in zip(fields, texts)]
    return sources + list(_python_literals())


def generated_sources() -> list[tuple[str, str]]:
    """The generated Japanese documents, line by line (terms only: they quote the sources)."""
    lines = (REPO / "docs" / "rules.ja.md").read_text(encoding="utf-8").splitlines()
    sources = [(f"docs/rules.ja.md:{number}", line) for number, line in enumerate(lines, 1)]
    schema = json.loads((REPO / "schema" / "plan.schema.ja.json").read_text(encoding="utf-8"))
    return sources + list(_walked(schema, "schema/plan.schema.ja.json"))


SOURCES = japanese_sources()
_CODE = re.compile(r"`[^`\n]+`")
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _prose(text: str) -> str:
    """The text with code spans as ``C``, placeholders as ``{}`` and UI labels as ``UI``."""
    for label in UI_LABELS:
        text = text.replace(label, "UI")
    return _PLACEHOLDER.sub("{}", _CODE.sub("C", text))


TERMS = {
    "重要度": "重大度 (severity)",
    "導入計画": "連携プラン (the plan)",
    "インテグレーション計画": "連携プラン (the plan)",
    "連携計画": "連携プラン (the plan)",
    "インテグレーションプラン": "連携プラン (the plan)",
    "導入プラン": "連携プラン (the plan)",
    "実装計画": "連携プラン (the plan)",
    "計画上": "プラン上 (the plan)",
    "計画ごと": "プランごと (the plan)",
    "実装レポート": "導入レポート (the report)",
    "コネクター": "コネクタ; コネクター only in a quoted UI path, [コネクター] or 「コネクター」",
}
_UI_CONNECTOR = re.compile(r"\[コネクター\]|「コネクター」")

# rule id -> (what it asks for, the pattern that breaks it, on prose as ``_prose`` leaves it)
RULES = {
    "no-ko": ("件 for listed items, つ after 1–9, else none; never 個", r"(\d|\{\})\s*個(?!人)"),
    "tsu-to-nine": ("つ counts 1–9 only: none after a placeholder or 10+", r"(\d\d|\{\})\s*つ"),
    "count-with-no": (
        "a bare count before の reads stiffly: 複数のビジネスユニット（{count}）",
        r"(\{\}|(?<![\w.])\d+) の(ビジネスユニット|コネクタ)",
    ),
    "units-not-ken": (
        "business units are not counted with 件",
        r"ビジネスユニット\s*(\d+|\{\})\s*件",
    ),
    "findings-ken": ("findings are counted with 件", r"指摘事項?\s*(\d+|\{\})\s*(個|つ)"),
    "full-width-question": ("full-width ？ and ！ after Japanese", rf"{JP}\s?[?!]"),
    "no-full-width-semicolon": ("no ； as a separator (use 。 or 、)", "；"),
    "list-comma": (
        "、 joins lists next to Japanese and between code spans",
        rf"({JP}|[」）C])\s*,|,\s*({JP}|[「（]|C[、。\s]|C$)",
    ),
    "space-ascii": ("one space between Japanese and ASCII", rf"{JP}[A-Za-z0-9]|[A-Za-z0-9]{JP}"),
    "space-code": ("one space between Japanese and a code span", rf"{JP}C|C{JP}"),
    "no-space-japanese": ("no space between two Japanese words", rf"{JP} +{JP}"),
    "long-vowel": (
        "エディター, フォルダー end in ー (コネクタ is Salesforce's)",
        "エディタ(?!ー)|フォルダ(?!ー)",
    ),
}


@pytest.mark.parametrize("term", sorted(TERMS))
def test_one_term_everywhere(term: str) -> None:
    sources = SOURCES + generated_sources()
    offending = [
        f"{where}: {text[:60]}" for where, text in sources if term in _UI_CONNECTOR.sub("", text)
    ]
    assert offending == [], f"write {TERMS[term]}"


# One form each for Salesforce's terms (newcomer 2, item 7), on prose (code spans are names).
ONE_FORM = {
    "マッピング": "対応付け for a field or user mapping (a YAML マッピング is a different thing)",
    "最近更新された": "「最近更新したレコードを使用する」 (docs/facts.md glossary)",
    "Metadata API": "メタデータ API",
    "B2BMA Integration": "B2BMA インテグレーションユーザー (docs/facts.md glossary)",
    "Trailhead モジュール": "the Trailhead 単元 (a unit) aeplan follows",
}
# A YAML mapping, which keeps the word マッピング.
_YAML_MAPPING = re.compile(
    r"キーと値のマッピング|リストやマッピング|C マッピング|マッピング(（|内|の値|のキー|を参照)"
)


@pytest.mark.parametrize("term", sorted(ONE_FORM))
def test_one_form_of_each_salesforce_term(term: str) -> None:
    offending = [
        f"{where}: {text[:60]}"
        for where, text in SOURCES + generated_sources()
        if term in _YAML_MAPPING.sub("", _prose(text))
    ]
    assert offending == [], f"write {ONE_FORM[term]}"


@pytest.mark.parametrize("rule", sorted(RULES))
def test_house_style(rule: str) -> None:
    asked, pattern = RULES[rule][0], re.compile(RULES[rule][1])
    offending = []
    for where, text in SOURCES:
        prose = _prose(text)
        match = pattern.search(prose)
        if match:
            offending.append(f"{where}: …{prose[max(0, match.start() - 20) : match.end() + 20]}…")
    assert offending == [], asked


def test_the_sources_are_all_read() -> None:
    """Every kind of source is scanned: a broken reader must not make the style tests vacuous."""
    kinds = {where.split(" ")[0].split(":")[0].split(".yaml")[0] for where, _ in SOURCES}
    assert {"messages/ja", "i18n/schema", "planner/phrases.py"} <= kinds
    assert any(where.startswith("i18n/ja.yaml") for where, _ in SOURCES)
    assert sum(where.startswith("rules/") for where, _ in SOURCES) > 500


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("ビジネスユニット 2 個", "no-ko"),
        ("{count} つのコネクタ", "tsu-to-nine"),
        ("ビジネスユニット 2 件", "units-not-ken"),
        ("{count} のビジネスユニットがこの組織を共有", "count-with-no"),
        ("指摘事項 3 個", "findings-ken"),
        ("`scope` のことですか?", "full-width-question"),
        ("手順 A；手順 B", "no-full-width-semicolon"),
        ("`a`, `b` のいずれか", "list-comma"),
        ("次のいずれか: 1, 2が必要です", "space-ascii"),
        ("`aeplan lint`で確認", "space-code"),
        ("先頭の数文字や はい/いいえ でも", "no-space-japanese"),
        ("エディタで補完", "long-vowel"),
    ],
)
def test_each_rule_catches_what_the_newcomer_saw(text: str, rule: str) -> None:
    assert re.search(RULES[rule][1], _prose(text))


def test_fact_citations_and_ui_labels_pass() -> None:
    label = "設定画面の「1つのメールアドレスに対して複数のプロスペクトを有効化」"
    for text in ("確認します [F01, F02]。", label, "ビジネスユニット数 {count}、指摘事項 3 件"):
        assert [
            rule for rule, (_, pattern) in RULES.items() if re.search(pattern, _prose(text))
        ] == []


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
    for japanese in ("オプトアウト済み", "項目履歴管理", "制限付き選択リスト", "参照関係", "重大度",
                     "連携プラン", "導入レポート"):  # fmt: skip
        assert japanese in glossary
