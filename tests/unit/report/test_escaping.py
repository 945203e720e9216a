"""The escaping filters: user text stays text in Markdown, Mermaid labels and HTML."""

from __future__ import annotations

from planner.report import escaping


def test_markdown_escapes_markup_pipes_and_line_breaks() -> None:
    assert escaping.markdown("a|b") == "a\\|b"
    assert escaping.markdown("<script>") == "\\<script\\>"
    assert escaping.markdown("*x* _y_ [z](u) `c` $m$ ~s~ &amp;") == (
        "\\*x\\* \\_y\\_ \\[z\\](u) \\`c\\` \\$m\\$ \\~s\\~ \\&amp;"
    )
    assert escaping.markdown("one\ntwo\r\nthree") == "one two  three"
    assert escaping.markdown("back\\slash") == "back\\\\slash"
    assert escaping.markdown("日本語 Japan") == "日本語 Japan"


def test_markdown_rich_keeps_our_code_spans_only_when_balanced() -> None:
    assert escaping.markdown_rich("Set `sync.scope` for a_b") == "Set `sync.scope` for a\\_b"
    assert escaping.markdown_rich("odd ` tick <b>") == "odd \\` tick \\<b\\>"
    assert escaping.markdown_rich("x `<script>` y") == "x `<script>` y"


def test_mermaid_labels_use_entity_codes() -> None:
    assert escaping.mermaid('a"b') == "a#34;b"
    assert escaping.mermaid("<b>#1") == "#60;b#62;#35;1"
    assert escaping.mermaid("x\n```") == "x #96;#96;#96;"
    assert '"' not in escaping.mermaid('""')


def test_html_rich_escapes_first_then_marks_code() -> None:
    assert str(escaping.html_rich("use `a<b>`")) == "use <code>a&lt;b&gt;</code>"
    assert str(escaping.html_rich("<script>x</script>")) == "&lt;script&gt;x&lt;/script&gt;"
    assert str(escaping.html_rich("odd ` tick")) == "odd ` tick"


def test_code_spans_escape_their_contents_never_their_delimiters() -> None:
    from planner import markdown_spans

    assert markdown_spans.code_span("sync.scope") == "`sync.scope`"
    assert markdown_spans.code_span("a`b") == "``a`b``"
    assert markdown_spans.code_span("`x`") == "`` `x` ``"
    assert markdown_spans.code_span("a|b") == "`a|b`"
    assert markdown_spans.code_span("a|b", in_table=True) == "`a\\|b`"
    assert escaping.markdown_code("plans/a_b.yaml:3:5") == "`plans/a_b.yaml:3:5`"
    assert escaping.markdown_cell_code("Marketing_BU__c") == "`Marketing_BU__c`"
    assert escaping.markdown_cell("`x|y`: a|b") == "`x\\|y`: a\\|b"
    assert escaping.markdown_rich("`a*b` and *c*") == "`a*b` and \\*c\\*"


def test_a_markdown_report_keeps_code_spans_as_code() -> None:
    from click.testing import CliRunner

    from planner.cli import cli
    from tests.conftest import SAMPLES

    plan = str(SAMPLES / "good" / "two-bu-mds.yaml")
    text = CliRunner().invoke(cli, ["report", plan, "--format", "markdown"]).stdout
    assert "\\`" not in text  # no escaped backtick shows literally on GitHub
    assert "`connector.custom_user`" in text
    assert "| `Country` | `MailingCountry` |" in text


def test_one_line_breaks_exactly_unicode_s_control_and_separator_characters() -> None:
    """The character class is Unicode's Cc, Zl and Zp, over every code point."""
    import sys
    import unicodedata

    for point in range(sys.maxunicode + 1):
        char = chr(point)
        breaking = unicodedata.category(char) in ("Cc", "Zl", "Zp")
        assert (escaping.one_line(char) == " ") == breaking or char == " ", hex(point)


def test_markdown_and_mermaid_escape_each_special_character_and_nothing_else() -> None:
    import random

    chooser = random.Random(17)
    alphabet = '\\`*_[]<>|~&$!#"{}();aZ09 é日本\u2028\x85\x00'
    for _ in range(3000):
        text = "".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 12)))
        flat = "".join(" " if char in "\u2028\x85\x00" else char for char in text)
        assert escaping.markdown(text) == "".join(
            "\\" + char if char in "\\`*_[]<>|~&$!#" else char for char in flat
        )
        assert escaping.mermaid(text) == "".join(
            f"#{ord(char)};" if char in '"#&<>`|[]{}();\\' else char for char in flat
        )
