"""Every way an organisation rule file can be wrong is said in aeplan's words, in English and
Japanese, never in pydantic's, jsonschema's or RE2's."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.rules.loader import load_rulebook
from planner.rules.rule_problems import pattern_problem, schema_problem
from tests.acceptance.test_personas import english_sentences
from tests.conftest import SAMPLES

ACME001 = (SAMPLES / "org-rules" / "ACME001.rule.yaml").read_text(encoding="utf-8")
WHEN = "{const: all_records}"
LIBRARY_WORDS = (
    "Input should", "Field required", "is not of type", "is not valid under",
    "less than the minimum", "invalid perl operator", "missing )", "String should",
)  # fmt: skip


def refused(folder: Path, text: str, name: str = "ACME001.rule.yaml") -> PlannerError:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        load_rulebook((folder,))
    return caught.value


@pytest.mark.parametrize(
    ("old", "new", "english", "japanese"),
    [
        (WHEN, '{pattern: "(?<=a)b"}', "(`(?<=`) needs backtracking", "先読み・後読み"),
        (WHEN, '{pattern: "(?=a)b"}', "look-around (`(?=`)", "バックトラックが必要"),
        (WHEN, "{pattern: '(a)\\1'}", "back-reference (`\\1`)", "後方参照"),
        (WHEN, '{pattern: "(a"}', "a `(` is never closed (`(a`)", "`(` が閉じられていません"),
        (WHEN, '{pattern: "a)"}', "a `)` has no `(` before it", "対応する `(` がありません"),
        (WHEN, '{pattern: "[a"}', "a `[` is never closed", "`[` が閉じられていません"),
        (WHEN, '{pattern: "[z-a]"}', "the character range `z-a` is not valid", "文字の範囲"),
        (WHEN, '{pattern: "a**"}', "`**` repeats a repetition", "繰り返しを繰り返して"),
        (WHEN, '{pattern: "x{2,1}"}', "the repetition count `{2,1}` is not valid", "繰り返し回数"),
        (WHEN, "{pattern: '\\q'}", "the escape `\\q` is not a known one", "エスケープ"),
        (WHEN, "{pattern: 'a\\'}", "ends with a lone backslash", "単独のバックスラッシュ"),
        (WHEN, '{patternProperties: {"(?!x)": {}}}', "a `patternProperties` that", "先読み"),
        (WHEN, '{"$ref": "#/x"}', "check.when uses `$ref`", "他のスキーマを参照できません"),
        (WHEN, "{type: colour}", "`type` takes JSON Schema type names", "JSON Schema の型名"),
        (WHEN, "{minLength: -1}", "expected a number of at least 0 (found -1)", "0 以上の数"),
        (WHEN, "{required: x}", 'expected a list (found "x")', "リストを指定してください"),
        (WHEN, "{items: 5}", "or true or false (found 5)", "マッピング"),
        (WHEN, "{allOf: []}", "expected a list that is not empty", "空でないリスト"),
        (WHEN, "{multipleOf: 0}", "expected a number greater than 0", "0 より大きい数"),
        ("for_each: /business_units/*", "for_each: business_units",
         "`check.for_each` is not a JSON pointer (RFC 6901): a JSON pointer is empty or starts",
         "JSON ポインター（RFC 6901）ではありません"),
        ("report_at: sync/scope", "report_at: sync/~2", "`~` is only allowed as `~0`",
         "`~` は `~0`"),
        ("severity: error", "severity: fatal", "`severity`: expected one of: error, warning, info",
         "次のいずれかを指定してください: error、warning、info"),
        ("code: ACME001", "code: acme1", "`code`: expected a rule code", "ルールコード（英大文字"),
        ("name: every-bu-uses-mds", "name: Every BU", "`name`: expected lower-case words",
         "ハイフンでつないだ小文字"),
        ("name: every-bu-uses-mds", "name: [x", "rule file is not valid YAML: the `[` opened",
         "YAML として正しくありません"),
        ("name: every-bu-uses-mds", "nam: every-bu-uses-mds", "`name`: this key is missing "
         "(2 problems in all)", "（問題は全部で 2 件）"),
        ("severity: error", "severity: error\ncolour: red", "`colour`: this key is not part of a "
         "rule file", "ルールファイルのキーではありません"),
        ("  - https", "facts: [X1]\nreferences:\n  - https", "`facts`: fact ids look like F01",
         "ファクト ID は F01"),
        ("  when:\n", "  whenn:\n", "`check.when`: this key is missing", "このキーがありません"),
        ("check:\n", "check: 5\nold_check:\n", "`check`: expected a mapping", "マッピング"),
        ("code: ACME001", "code: ACME009", "rule code ACME009 does not match the file name",
         "ファイル名と一致しません"),
        ("code: ACME001", "code: AE001", "", ""),
        ("  when:\n", "  python: x\n  when:\n", "", ""),
    ],
)  # fmt: skip
def test_rule_file_errors_in_both_languages(
    tmp_path: Path, old: str, new: str, english: str, japanese: str
) -> None:
    assert old in ACME001
    text = ACME001.replace(old, new, 1)
    if new == "code: AE001":
        error = refused(tmp_path, text, "AE001.rule.yaml")
        english, japanese = "uses the prefix AE, which is reserved", "組み込みルール用に予約"
    elif "python" in new:
        start, end = ACME001.index("check:\n"), ACME001.index("examples:\n")
        error = refused(tmp_path, ACME001[:start] + "check:\n  python: x\n" + ACME001[end:])
        english, japanese = (
            "`python:` and `structural:` checks are built-in only",
            "組み込みルール専用",
        )
    else:
        error = refused(tmp_path, text)
    assert english in error.one_line("en")
    said = error.one_line("ja")
    assert japanese in said
    assert english_sentences(said) == [], said
    assert not [words for words in LIBRARY_WORDS if words in error.one_line("en") + said]


def test_organisation_folder_errors_in_both_languages(tmp_path: Path) -> None:
    rule = tmp_path / "ACME001.rule.yaml"
    rule.write_text(ACME001, encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        load_rulebook((rule,))
    assert "--rules takes a folder" in caught.value.one_line()
    assert "フォルダーを指定します" in caught.value.one_line("ja")
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "ACME001.rule.yaml").write_text(ACME001, encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        load_rulebook((tmp_path, tmp_path / "two"))
    assert "rule code ACME001 is defined twice" in caught.value.one_line()
    assert "2 回定義されています" in caught.value.one_line("ja")


def test_a_case_name_used_twice_is_said_in_both_languages(tmp_path: Path) -> None:
    cases = "  cases:\n" + "    - name: same\n      plan: 'aeplan: 1'\n" * 2
    error = refused(tmp_path, ACME001 + cases)
    assert "two cases are named same; give each case its own name" in error.one_line()
    assert "same という名前のケースが 2 つあります" in error.one_line("ja")


@pytest.mark.parametrize(
    ("reason", "key_words"),
    [
        ("pattern too large - compile failed", "too large to compile"),
        ("invalid UTF-8", "not valid UTF-8"),
        ("invalid named capture group: (?P<1>", "named group `(?P<1>`"),
        ("no argument for repetition operator: *", "nothing before it to repeat"),
        ("invalid character class: [[:foo:]]", "character class `[[:foo:]]`"),
        ("something RE2 has never said", "RE2 cannot compile it"),
    ],
)
def test_every_re2_reason_has_words(reason: str, key_words: str) -> None:
    said = pattern_problem(reason)
    assert key_words in said and said.in_language("ja") != str(said)


def test_a_meta_schema_keyword_without_words_of_its_own_is_named() -> None:
    said = schema_problem("format", "regex", "(", ("pattern",))
    assert str(said) == 'the value does not follow JSON Schema\'s rules for `format` (found "(")'
    assert "`format`" in said.in_language("ja")


@pytest.mark.parametrize(
    ("when", "keyword"), [('$ref: "#/x"', "$ref"), ('pattern: "(?=a)"', "pattern")]
)
def test_a_refused_reference_or_pattern_is_reported_at_its_line(
    tmp_path: Path, when: str, keyword: str
) -> None:
    old = "            properties: {scope: {const: all_records}}"
    new = f"            properties:\n              scope:\n                {when}"
    assert old in ACME001
    line = ACME001.splitlines().index(old) + 3
    error = refused(tmp_path, ACME001.replace(old, new))
    assert f"ACME001.rule.yaml:{line}:17: " in error.one_line() and f"`{keyword}`" in str(error)
