"""``aeplan explain F17``: a fact with its statement, confidence and sources, in both languages."""

from __future__ import annotations

from click.testing import CliRunner

from planner.catalogue.factsheet import explain_fact, fact_blocks, fact_id, fact_sheet_path
from planner.cli import cli


def test_fact_ids_are_recognised_with_any_case_and_padding() -> None:
    assert (fact_id("F17"), fact_id("f7"), fact_id("F017"), fact_id("AE105")) == (
        "F17", "F07", "F17", None,
    )  # fmt: skip


def test_every_fact_of_the_sheet_can_be_explained() -> None:
    text = fact_sheet_path().read_text(encoding="utf-8")
    blocks = fact_blocks(text)
    assert {"F01", "F23", "F107", "F108", "F109"} <= set(blocks)
    for ident in blocks:
        shown = explain_fact(text, ident, "en")
        assert shown is not None and shown.startswith(f"Fact {ident}\n")
        assert "Confidence: " in shown and "Sources:" in shown


def test_explain_prints_a_fact_with_its_source_and_confidence() -> None:
    result = CliRunner().invoke(cli, ["explain", "F17"])
    assert result.exit_code == 0, result.stderr
    assert "Nobody can log in as it" in result.stdout
    assert "Confidence: high" in result.stdout
    assert "mktg.pardot_sf_connector_integration_user.htm" in result.stdout
    japanese = CliRunner().invoke(cli, ["explain", "F23", "--lang", "ja"]).stdout
    assert japanese.startswith("ファクト F23") and "確度: " in japanese and "出典:" in japanese


def test_an_unknown_fact_is_a_one_line_error() -> None:
    result = CliRunner().invoke(cli, ["explain", "F999"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "F999" in result.stderr


def test_every_confidence_is_said_in_japanese_with_its_qualifiers() -> None:
    """`確度: 高（項目）/ 中（ページのラベル）`, as AE207 says `確度: 高`: no English level word and
    no English qualifier; the English catalogue copy of each qualified confidence is the sheet's."""
    import re

    from planner.i18n import catalogue

    text = fact_sheet_path().read_text(encoding="utf-8")
    english = catalogue("en")
    for ident in fact_blocks(text):
        said_en = explain_fact(text, ident, "en")
        said_ja = explain_fact(text, ident, "ja")
        assert said_en is not None and said_ja is not None
        written = said_en.split("Confidence: ", 1)[1].split("\n", 1)[0]
        confidence = said_ja.split("確度: ", 1)[1].split("\n", 1)[0]
        assert not re.search(r"\b(high|medium|low)\b", confidence), (ident, confidence)
        if "(" in written:
            assert english[f"explain.fact.qualified.{ident}"] == written
            assert not re.search(r"[a-z]{3,} [a-z]{3,}", confidence), (ident, confidence)
    f02 = explain_fact(text, "F02", "ja")
    assert f02 is not None and "確度: 高（項目）/ 中（ページのラベル）\n" in f02
    f88 = explain_fact(text, "F88", "ja")
    assert f88 is not None and "確度: 低〜中\n" in f88
