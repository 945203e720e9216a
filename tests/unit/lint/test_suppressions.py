"""In-plan suppression comments: what they hide, and AE901/AE902 when they lack a reason or rot."""

from __future__ import annotations

import pytest

from planner.lint.linter import Analysis, Linter, LintOptions, Selection
from planner.lint.suppressions import scan

PLAN = """\
aeplan: 1
salesforce: {org: acme-production}
team:
  account_engagement_admins: [Hanako Sato]
  salesforce_admin: Taro Suzuki
  sync_error_owner: Ops
requirements:
  max_sync_delay_minutes: 1
business_units:
  - name: Japan
    allow_multiple_prospects_same_email: true
    connector: {version: 2, state: paused, user: integration_user}
    imports:
      - name: Expo 2026 list
        match_by: email
        assign: true
        updates_salesforce_records: true
        when: before_unpause
      - name: Webinar leads
        match_by: email
        assign: false
        expect_salesforce_records: true
"""
# Without comments: AE109 on line 8, AE401 on 15, AE108 on 18, AE402 on 21.
LINES = {"AE109": 8, "AE401": 15, "AE108": 18, "AE402": 21}


@pytest.fixture(scope="module")
def linter() -> Linter:
    codes = (*LINES, "AE9")
    return Linter(LintOptions(selection=Selection(codes)))


def lint(linter: Linter, text: str, lang: str = "en") -> Analysis:
    if lang != "en":
        linter = Linter(LintOptions(lang=lang, selection=linter.options.selection))
    return linter.analyse_bytes(text.encode("utf-8"), "plan.yaml")


def found(analysis: Analysis) -> list[tuple[str, int]]:
    return [(finding.code, finding.line) for finding in analysis.findings]


def with_line(number: int, text: str, plan: str = PLAN) -> str:
    """The plan with ``text`` after line ``number`` (or inserted above it, when unindented)."""
    lines = plan.splitlines()
    if text.lstrip().startswith("#") and text.startswith(" "):
        lines[number - 1] += text
    else:
        indent = len(lines[number - 1]) - len(lines[number - 1].lstrip())
        lines.insert(number - 1, " " * indent + text)
    return "\n".join(lines) + "\n"


def test_the_plan_has_the_four_findings_the_tests_rely_on(linter: Linter) -> None:
    assert sorted(found(lint(linter, PLAN))) == sorted(LINES.items())


def test_a_comment_on_the_line_suppresses_that_code_there(linter: Linter) -> None:
    analysis = lint(linter, with_line(21, "  # aeplan: ignore[AE402] scored later by a rule"))
    assert ("AE402", 21) not in found(analysis)
    assert len(analysis.findings) == 3 and analysis.suppressed == 1


def test_a_comment_alone_on_the_line_above_suppresses_the_next_line(linter: Linter) -> None:
    text = with_line(8, "# aeplan: ignore[AE109] near-real-time is not needed for go-live")
    analysis = lint(linter, text)
    assert [code for code, _ in found(analysis)] == ["AE401", "AE108", "AE402"]


def test_stacked_comments_above_a_line_all_apply(linter: Linter) -> None:
    text = with_line(21, "# aeplan: ignore[AE402] reviewed")
    text = with_line(21, "# aeplan: ignore[AE4] reviewed too", text)
    analysis = lint(linter, text)
    assert "AE402" not in [code for code, _ in found(analysis)]
    assert [f.code for f in analysis.findings if f.code.startswith("AE9")] == []


def test_codes_are_comma_separated_case_insensitive_and_may_be_prefixes(linter: Linter) -> None:
    text = with_line(15, "  # AEPLAN: ignore[ae4, AE109] matched by email on purpose")
    assert ("AE401", 15) not in found(lint(linter, text))


def test_ignore_file_suppresses_everywhere_in_the_file(linter: Linter) -> None:
    text = "# aeplan: ignore-file[AE1, AE402] legacy plan, replaced next quarter\n" + PLAN
    analysis = lint(linter, text)
    assert [code for code, _ in found(analysis)] == ["AE401"]
    assert analysis.suppressed == 3


def test_a_suppression_without_a_reason_still_works_and_is_reported(linter: Linter) -> None:
    analysis = lint(linter, with_line(21, "  # aeplan: ignore[AE402]"))
    [note] = [f for f in analysis.findings if f.code == "AE901"]
    assert (note.line, note.column, note.severity.value) == (21, 24, "info")
    assert note.pointer == "/business_units/0/imports/1/assign"
    assert "AE402" in note.message and "`# aeplan: ignore[AE402]" in (note.fix or "")
    assert ("AE402", 21) not in found(analysis)


def test_a_suppression_that_suppresses_nothing_is_unused(linter: Linter) -> None:
    analysis = lint(linter, with_line(20, "  # aeplan: ignore[AE402, AE401] old"))
    [note] = [f for f in analysis.findings if f.code == "AE902"]
    assert (note.line, note.severity.value) == (20, "warning")
    assert note.message.startswith("`AE402, AE401` suppresses nothing: no such finding on line 20")
    assert ("AE402", 21) in found(analysis)


def test_only_the_unused_codes_of_a_comment_are_named(linter: Linter) -> None:
    analysis = lint(linter, with_line(21, "  # aeplan: ignore[AE402, AE109] reviewed"))
    [note] = [f for f in analysis.findings if f.code == "AE902"]
    assert note.message.startswith("`AE109` suppresses nothing")


def test_unused_file_suppression(linter: Linter) -> None:
    calm = PLAN.replace("max_sync_delay_minutes: 1", "max_sync_delay_minutes: 60")
    analysis = lint(linter, "# aeplan: ignore-file[AE109] near-real-time\n" + calm)
    [note] = [f for f in analysis.findings if f.code == "AE902"]
    assert "in this file" in note.message and note.pointer == ""


@pytest.mark.parametrize(
    ("comment", "words"),
    [
        ("# aeplan: ignore[XX123] reason", "not the code or code prefix of any rule"),
        ("# aeplan: ignore[AE902] reason", "cannot be suppressed by a comment"),
        ("# aeplan: ignore AE402 reason", "is not understood"),
        ("# aeplan: ignore[] reason", "is not understood"),
        ("# aeplan: ingore[AE402] reason", "is not understood"),
    ],
)
def test_unknown_unsuppressible_and_malformed_comments(
    linter: Linter, comment: str, words: str
) -> None:
    analysis = lint(linter, with_line(21, "  " + comment))
    messages = [f.message for f in analysis.findings if f.code == "AE902"]
    assert len(messages) == 1 and words in messages[0]


def test_a_hash_inside_a_quoted_or_block_scalar_is_not_a_comment() -> None:
    text = (
        'a: "x # aeplan: ignore[AE402] quoted"\n'
        "b: |\n"
        "  # aeplan: ignore[AE401] inside a block scalar\n"
        "c: 1 # aeplan: ignore[AE109] a real comment\n"
        "d: x#aeplan: ignore[AE108] no space before the hash\n"
    )
    comments = scan(text)
    assert [(s.line, s.codes) for s in comments.suppressions] == [(4, ("AE109",))]
    assert comments.malformed == ()


def test_codes_switched_off_are_not_reported_as_unused() -> None:
    quiet = Linter(LintOptions(selection=Selection(("AE9", "AE402"))))
    analysis = lint(quiet, with_line(15, "  # aeplan: ignore[AE401] checked elsewhere"))
    assert [f.code for f in analysis.findings] == ["AE402"]


def test_files_with_structural_errors_report_no_unused_suppressions(linter: Linter) -> None:
    broken = with_line(15, "  # aeplan: ignore[AE401] reviewed").replace("aeplan: 1", "aeplan: one")
    assert [f.code for f in lint(linter, broken).findings if f.code == "AE902"] == []


def test_suppression_findings_in_japanese(linter: Linter) -> None:
    analysis = lint(linter, with_line(20, "  # aeplan: ignore[AE402]"), lang="ja")
    messages = {f.code: f.message for f in analysis.findings if f.code.startswith("AE9")}
    assert "理由が記載されていません" in messages["AE901"]
    assert "何も抑制していません" in messages["AE902"]


def test_ae901_and_ae902_cannot_be_suppressed_but_can_be_ignored() -> None:
    text = with_line(20, "  # aeplan: ignore[AE402]")
    ignoring = Linter(LintOptions(selection=Selection((*LINES, "AE9"), ("AE901", "AE902"))))
    assert [f.code for f in lint(ignoring, text).findings if f.code.startswith("AE9")] == []
