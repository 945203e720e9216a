"""YAML syntax errors are reported at their cause, with a fix for that cause."""

from __future__ import annotations

import pytest

from planner.limits import Limits
from planner.phrases import structural_detail, structural_fix
from planner.plan.events import load_text

CASES = [
    ('a: 1\nb:\n  c: "abc\nd:\n  - e\n', (3, 6), "unclosed_quote",
     "the quoted string that starts at 3:6 never ends", 'close the string with a matching "'),
    ("a: 1\nb: {c: d, e: f\ng: 1\n", (2, 4), "unclosed_flow",
     "the `{` opened at 2:4 is never closed", "add the closing `}`"),
    ("a: [1, 2\nb: 3\n", (1, 4), "unclosed_flow", "the `[` opened at 1:4 is never closed", "`]`"),
    ("a: 1\nb:\n\tc: x\n", (3, 1), "tab", "a tab character at 3:1: YAML indents with spaces",
     "replace the tab with spaces"),
    ("a: 1\nb:\n  c: x\n   d: y\n", (4, 4), "indent",
     "line 4 is indented 3 spaces, the lines before it 2", "indent line 4 by 2 spaces"),
    ("a: 1\nb:\n    c: x\n  d: y\n", (4, 3), "indent",
     "line 4 is indented 2 spaces, the lines before it 4", "indent line 4 by 4 spaces"),
    ("a: 1\nb: c: d\n", (2, 5), "colon", "a key ends with `:`", "put a space after the colon"),
    # the next quote "closes" it lines later: said at the opening quote, not 3 lines late
    ('bu:\n  org: "globex\n  edition: advanced\n  state: paused\n  notes: "x"\n', (2, 8),
     "runaway_quote", 'starts at 2:8 is not closed on its line, so it runs on to the " at 5:10',
     'close the string with a matching " on line 2'),
    ("bu:\n  - org: 'globex\n    edition: advanced\n    notes: 'x'\n", (2, 10),
     "runaway_quote", "starts at 2:10 is not closed on its line, so it runs on to the ' at 4:12",
     "close the string with a matching ' on line 2"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "position", "cause", "message", "fix"), CASES)
def test_cause_position_message_and_fix(
    text: str, position: tuple[int, int], cause: str, message: str, fix: str
) -> None:
    [problem] = load_text(text, Limits()).problems
    assert problem.code == "AE001"
    assert problem.params["cause"] == cause
    assert tuple(problem.position) == position
    assert message in structural_detail("AE001", problem.params, "en")
    assert fix in structural_fix("AE001", problem.params, "en")


@pytest.mark.parametrize(("text", "position", "cause", "message", "fix"), CASES)
def test_every_cause_is_said_in_japanese(
    text: str, position: tuple[int, int], cause: str, message: str, fix: str
) -> None:
    [problem] = load_text(text, Limits()).problems
    said = structural_detail("AE001", problem.params, "ja") + structural_fix(
        "AE001", problem.params, "ja"
    )
    assert any("\u3040" <= char <= "\u30ff" for char in said)
    assert message not in said


def test_parser_wording_is_translated_where_known() -> None:
    from planner.phrases import translated_problem

    assert (
        translated_problem("found undefined alias 'x'", "ja")
        == "定義されていないエイリアスがあります"
    )
    assert translated_problem("found undefined alias 'x'", "en") == "found undefined alias 'x'"


def test_a_yaml_problem_without_a_translation_is_still_japanese() -> None:
    from planner.phrases import translated_problem

    said = translated_problem("found something PyYAML has never said before", "ja")
    assert said == "YAML の構文が正しくありません"
    assert (
        translated_problem("did not find expected ',' or ']'", "ja")
        == "`,` または `]` が見つかりません"
    )


def test_a_multi_line_quoted_string_that_parses_is_no_error() -> None:
    assert load_text('a: "one\n  two"\nb: 1\n', Limits()).problems == []


def test_a_generic_error_says_the_parser_problem_alone() -> None:
    """Never "while parsing a block mapping did not find expected key": two phrases joined."""
    [problem] = load_text("a:\n  b: 1\n c: 2\n", Limits()).problems
    said = structural_detail("AE001", problem.params, "en")
    assert "while parsing" not in said


@pytest.mark.parametrize("raw", [bytes(range(256)) * 2, b"\x7fELF\x02\x01\x01\x00" + bytes(300)])
def test_a_binary_file_is_not_called_shift_jis(raw: bytes) -> None:
    from planner.plan.source import decode

    text, problem = decode(raw)
    assert text is None and problem is not None
    assert problem.params["reason"] == "binary"
    for lang, words in (
        ("en", "this is not a text file"),
        ("ja", "テキストファイルではありません"),
    ):
        said = structural_detail("AE001", problem.params, lang)
        assert said.startswith(words) and "Shift_JIS" not in said
        assert "Shift" not in structural_fix("AE001", problem.params, lang)


def test_shift_jis_text_is_still_recognised() -> None:
    from planner.plan.source import decode

    _, problem = decode("aeplan: 1\n# 日本語のコメント\n".encode("cp932"))
    assert problem is not None and problem.params["reason"] == "shift_jis"
