"""Loading keeps every position, and turns every YAML oddity into a precise problem."""

from __future__ import annotations

import codecs

from planner.limits import Limits
from planner.plan.events import load_text
from planner.plan.source import Position, decode

LIMITS = Limits()


def test_positions_of_keys_and_values_are_one_based() -> None:
    loaded = load_text("aeplan: 1\nsalesforce:\n  org: acme\n", LIMITS)
    assert loaded.keys["/salesforce/org"] == Position(3, 3)
    assert loaded.values["/salesforce/org"] == Position(3, 8)
    assert loaded.position("/salesforce/org/missing") == Position(3, 3)


def test_list_items_have_positions() -> None:
    loaded = load_text("items:\n  - a\n  - {b: 1}\n", LIMITS)
    assert loaded.values["/items/1"] == Position(3, 5)
    assert loaded.keys["/items/1/b"] == Position(3, 6)


def test_absent_pointer_falls_back_to_the_nearest_ancestor() -> None:
    loaded = load_text("team:\n  owner: x\n", LIMITS)
    assert loaded.position("/team/admins/0") == Position(1, 1)


def test_duplicate_keys_are_reported_at_the_second_key() -> None:
    loaded = load_text("a: 1\nb: 2\na: 3\n", LIMITS)
    assert [(p.code, p.pointer, p.position) for p in loaded.problems] == [
        ("AE004", "/a", Position(3, 1))
    ]
    assert loaded.data == {"a": 3, "b": 2}


def test_parse_error_is_reported_at_its_cause() -> None:
    loaded = load_text("a: [1, 2\nb: 3\n", LIMITS)
    assert loaded.data is None
    [problem] = loaded.problems
    assert problem.code == "AE001"
    assert problem.position == (1, 4)  # the `[` that is never closed, not where parsing stopped
    assert problem.params["cause"] == "unclosed_flow"


def test_several_documents_are_one_problem() -> None:
    loaded = load_text("a: 1\n---\nb: 2\n", LIMITS)
    [problem] = loaded.problems
    assert problem.code == "AE001"
    assert problem.params["reason"] == "documents"
    assert problem.position.line == 2


def test_python_tags_never_construct_anything() -> None:
    loaded = load_text("a: !!python/object/apply:os.system ['echo hi']\n", LIMITS)
    assert [p.code for p in loaded.problems] == ["AE001"]
    assert loaded.problems[0].params["tag"].startswith("tag:yaml.org,2002:python/object")


def test_yaml_11_boolean_words_are_remembered() -> None:
    loaded = load_text("state: off\nflag: true\n", LIMITS)
    assert loaded.data == {"state": False, "flag": True}
    assert loaded.bool_words == {"/state": "off"}


def test_aliases_share_data_and_merge_keys_work() -> None:
    text = "base: &b {x: 1, y: 2}\nuse: {<<: *b, y: 3}\nagain: *b\n"
    loaded = load_text(text, LIMITS)
    assert loaded.data["use"] == {"x": 1, "y": 3}
    assert loaded.data["again"] == {"x": 1, "y": 2}
    assert loaded.keys["/use/y"] == Position(2, 15)


def test_alias_bomb_is_stopped_before_expansion() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    loaded = load_text("\n".join(lines) + "\n", LIMITS)
    assert loaded.data is None
    assert [(p.code, p.params["limit"]) for p in loaded.problems] == [("AE006", "nodes")]


def test_nesting_limit() -> None:
    deep = "a: " + "[" * 100 + "]" * 100 + "\n"
    loaded = load_text(deep, LIMITS)
    assert any(p.code == "AE006" and p.params["limit"] == "depth" for p in loaded.problems)


def test_timestamps_stay_text() -> None:
    assert load_text("when: 2026-01-31\n", LIMITS).data == {"when": "2026-01-31"}


def test_decode_utf8_bom_and_utf16() -> None:
    assert decode(codecs.BOM_UTF8 + b"a: 1")[0] == "a: 1"
    assert decode("a: ア".encode("utf-16"))[0] == "a: ア"


def test_decode_reports_the_line_and_column_of_a_bad_byte() -> None:
    text, problem = decode(b"a: 1\nb: caf\xe9\n")
    assert text is None and problem is not None
    assert (problem.code, problem.position) == ("AE001", Position(2, 7))
    assert "0xe9" in problem.params["detail"]


def test_empty_and_comment_only_texts_have_no_data_and_no_problem() -> None:
    for text in ("", "# only a comment\n"):
        loaded = load_text(text, LIMITS)
        assert loaded.data is None and loaded.problems == []


def test_very_deep_flow_nesting_is_refused_before_libyaml_recurses() -> None:
    depth = 100_000
    loaded = load_text("a: " + "[" * depth + "]" * depth + "\n", LIMITS)
    assert loaded.data is None
    [problem] = loaded.problems
    assert (problem.code, problem.params["limit"]) == ("AE006", "depth")
    assert problem.position.line == 1


def test_a_control_character_is_reported_where_it_is_in_both_languages() -> None:
    from planner.phrases import structural_detail, structural_fix

    loaded = load_text('aeplan: 1\nx: "a\x07"\n', Limits())
    [problem] = loaded.problems
    assert (problem.code, problem.position) == ("AE001", Position(2, 6))
    assert structural_detail("AE001", problem.params, "en") == (
        "the character U+0007 is a control character, which YAML does not allow in a file"
    )
    assert "\\u0007" in structural_fix("AE001", problem.params, "en")
    assert "制御文字" in structural_detail("AE001", problem.params, "ja")
    assert "unacceptable" not in str(problem.params)


def test_a_plan_that_is_not_utf8_keeps_its_language_and_says_the_byte_in_words() -> None:
    from planner.lint.linter import Linter, LintOptions

    analysis = Linter(LintOptions()).analyse_bytes(b"aeplan: 1\nlanguage: ja\nx: \xff\n", "p.yaml")
    [finding] = analysis.findings
    assert finding.message == (
        "ファイルが UTF-8 のテキストではありません（バイト 0xff は UTF-8 として正しくありません）"
    )
