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
