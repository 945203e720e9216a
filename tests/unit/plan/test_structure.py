"""Format validation: every mismatch becomes a finding at its own line with a useful message."""

from __future__ import annotations

import pytest

from planner.lint.linter import Linter
from tests.conftest import analyse, codes

MINIMAL = "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units: [{name: Japan}]\n"


def messages(linter: Linter, text: str, lang: str = "en") -> list[tuple[str, int, str]]:
    from planner.lint.linter import LintOptions

    chosen = Linter(LintOptions(lang=lang)) if lang != "en" else linter
    analysis = analyse(chosen, text)
    return [(f.code, f.line, f.message) for f in analysis.findings]


def test_minimal_plan_is_valid(linter: Linter) -> None:
    analysis = analyse(linter, MINIMAL)
    assert analysis.plan is not None


def test_unknown_key_suggests_the_closest(linter: Linter) -> None:
    text = MINIMAL.replace("{name: Japan}", "{name: Japan, sync: {scop: all_records}}")
    [(code, line, message)] = [m for m in messages(linter, text) if m[0] == "AE003"]
    assert (code, line) == ("AE003", 3)
    assert "did you mean `scope`?" in message


def test_enum_message_lists_the_allowed_values(linter: Linter) -> None:
    text = MINIMAL.replace("{name: Japan}", "{name: Japan, edition: gold}")
    [message] = [m[2] for m in messages(linter, text) if m[0] == "AE002"]
    assert message == (
        "`gold` is not allowed here; use one of: growth, plus, advanced, premium, pro, ultimate"
    )


def test_yaml_11_word_for_none_is_taken_as_none(linter: Linter) -> None:
    text = MINIMAL.replace("{name: Japan}", "{name: Japan, sync: {person_accounts: no}}")
    analysis = analyse(linter, text)
    assert analysis.plan is not None
    assert analysis.plan.business_units[0].sync.person_accounts == "none"


def test_yaml_11_word_elsewhere_is_explained(linter: Linter) -> None:
    text = MINIMAL.replace("{name: Japan}", "{name: Japan, connector: {state: off}}")
    [message] = [m[2] for m in messages(linter, text) if m[0] == "AE002"]
    assert "`off` is read as true/false by YAML 1.1" in message
    assert "paused, active" in message


def test_type_errors_name_both_types(linter: Linter) -> None:
    text = MINIMAL.replace("{org: acme}", "{org: acme, crm_licenses_available: many}")
    [message] = [m[2] for m in messages(linter, text) if m[0] == "AE002"]
    assert message == "expected a whole number, found text"


def test_missing_required_key(linter: Linter) -> None:
    text = "aeplan: 1\nbusiness_units: [{name: Japan}]\n"
    assert ("AE002", 1, "required key `salesforce` is missing") in messages(linter, text)


def test_all_structural_problems_are_reported_at_once(linter: Linter) -> None:
    text = (
        "aeplan: 1\nsalesforce: {org: acme, colour: red}\n"
        "business_units:\n  - {name: A, edition: gold}\n  - {name: B, connector: {version: 3}}\n"
    )
    found = [(code, line) for code, line, _ in messages(linter, text)]
    assert found == [("AE003", 2), ("AE002", 4), ("AE002", 5)]


def test_format_version_missing_and_unsupported(linter: Linter) -> None:
    assert "AE005" in codes(analyse(linter, MINIMAL.replace("aeplan: 1\n", "")))
    analysis = analyse(linter, MINIMAL.replace("aeplan: 1", "aeplan: 7"))
    [finding] = [f for f in analysis.findings if f.code == "AE005"]
    assert (finding.line, finding.column) == (1, 9)
    assert "`7`" in finding.message


def test_top_level_list_and_scalar_and_empty(linter: Linter) -> None:
    assert "holds a list" in analyse(linter, "- a\n- b\n").findings[0].message
    assert "holds text" in analyse(linter, "just words\n").findings[0].message
    assert "the plan is empty" in analyse(linter, "# nothing\n").findings[0].message


def test_japanese_structural_messages(linter: Linter) -> None:
    text = MINIMAL.replace("{name: Japan}", "{name: Japan, edition: gold}")
    [message] = [m[2] for m in messages(linter, text, "ja") if m[0] == "AE002"]
    assert message.startswith("`gold` はここでは使用できません")


def test_connector_list_entries_are_validated_at_their_own_position(linter: Linter) -> None:
    text = MINIMAL.replace("{name: Japan}", "{name: Japan, connector: [{version: 9}, {}]}")
    [finding] = [f for f in analyse(linter, text).findings if f.code == "AE002"]
    assert finding.pointer == "/business_units/0/connector/0/version"


def test_the_plan_shape_module_is_current() -> None:
    """``planner/plan/shape_data.py`` is generated from the model (``make schema``)."""
    from pathlib import Path

    from planner.plan import shape_data
    from planner.plan.shape_export import module_text

    assert Path(shape_data.__file__).read_text(encoding="utf-8") == module_text()


def test_the_pydantic_free_reading_declines_what_only_the_model_may_judge() -> None:
    from planner.plan.shape import normalised

    base = {"aeplan": 1, "salesforce": {"org": "acme"}, "business_units": [{"name": "J"}]}
    assert normalised(base) is not None
    for odd in ({"business_units": []}, {"name": "\udc80"}, {"extra": 1}, {"language": "fr"},
                {"salesforce": {"org": ""}}, {"requirements": {"max_sync_delay_minutes": 1.5}},
                {"business_units": [{"name": "J", "sync": {"marketing_data_sharing": [
                    {"object": "lead", "field": "x", "value": float("nan")}]}}]}):  # fmt: skip
        assert normalised({**base, **odd}) is None, odd


MDS_VALUE = (
    "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units:\n  - name: Japan\n    sync:\n"
    "      scope: marketing_data_sharing\n      marketing_data_sharing:\n"
    "        - {object: lead, field: X__c, value: %s}\n"
)
# One plan per kind of pydantic error the plan model raises, and the catalogue sentence for it.
EVERY_ERROR_KIND = [
    ("missing", "aeplan: 1\nbusiness_units: [{name: Japan}]\n",
     "required key `salesforce` is missing", "必須キー `salesforce` がありません"),
    ("extra_forbidden", MINIMAL.replace("{org: acme}", "{org: acme, orgg: x}"),
     "unknown key `orgg`; did you mean `org`?", "不明なキー `orgg` です。`org` のことですか？"),
    ("string_type", MINIMAL.replace("{org: acme}", "{org: [a]}"),
     "expected text, found a list", "文字列が必要ですが、リストが指定されています"),
    ("int_type", MINIMAL.replace("{org: acme}", "{org: acme, crm_licenses_available: x}"),
     "expected a whole number, found text", "整数が必要ですが、文字列が指定されています"),
    ("bool_type", MINIMAL.replace("{org: acme}", "{org: acme, person_accounts: 3}"),
     "expected true or false, found a whole number",
     "真偽値（true または false）が必要ですが、整数が指定されています"),
    ("list_type", MINIMAL + "team: {account_engagement_admins: 3}\n",
     "expected a list, found a whole number", "リストが必要ですが、整数が指定されています"),
    ("model_type", MINIMAL.replace("{org: acme}", "acme"),
     "expected a mapping (key: value), found text",
     "マッピング（キー: 値）が必要ですが、文字列が指定されています"),
    ("literal_error", MINIMAL.replace("{name: Japan}", "{name: Japan, edition: gold}"),
     "`gold` is not allowed here; use one of: growth, plus, advanced, premium, pro, ultimate",
     "`gold` はここでは使用できません。次のいずれかを指定してください: "
     "growth、plus、advanced、premium、pro、ultimate"),
    ("int_parsing_size",
     MINIMAL.replace("{name: Japan}", "{name: Japan, connector: {version: 99999999999999999999}}"),
     "`99999999999999999999` is not allowed here; use one of: 1, 2",
     "`99999999999999999999` はここでは使用できません。次のいずれかを指定してください: 1、2"),
    ("greater_than_equal",
     MINIMAL.replace("{org: acme}", "{org: acme, crm_licenses_available: -1}"),
     "must be at least 0", "0 以上である必要があります"),
    ("string_too_short", MINIMAL.replace("{org: acme}", "{org: ''}"),
     "must not be empty", "空にできません"),
    ("too_short", "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units: []\n",
     "needs at least 1 entry (found none)", "少なくとも 1 件のエントリが必要です（0 件です）"),
    ("union of types", MDS_VALUE % "null",
     "expected true or false or a number or text, found an empty value (null)",
     "真偽値（true または false）または数値または文字列が必要ですが、"
     "空の値（null）が指定されています"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "text", "english", "japanese"), EVERY_ERROR_KIND)
def test_every_model_error_kind_has_a_catalogue_sentence(
    linter: Linter, kind: str, text: str, english: str, japanese: str
) -> None:
    for lang, expected in (("en", english), ("ja", japanese)):
        found = [m[2] for m in messages(linter, text, lang) if m[0] in ("AE002", "AE003")]
        assert found == [expected], (kind, lang, found)


@pytest.mark.parametrize("value", ["null", "[1]", "{a: 1}"])
def test_a_wrong_type_against_a_union_is_one_finding(linter: Linter, value: str) -> None:
    analysis = analyse(linter, MDS_VALUE % value)
    found = [f for f in analysis.findings if f.code == "AE002"]
    assert [f.pointer for f in found] == ["/business_units/0/sync/marketing_data_sharing/0/value"]
    assert "expected true or false or a number or text, found" in found[0].message


def test_a_kind_pydantic_adds_later_still_reads_from_the_catalogue() -> None:
    from planner import phrases

    params = {"reason": "invalid", "value": "x"}
    assert (
        phrases.structural_detail("AE002", params, "en") == "`x` is not a valid value for this key"
    )
    assert (
        phrases.structural_detail("AE002", params, "ja") == "`x` はこのキーの値として使用できません"
    )
    params = {"reason": "too_large", "value": "9" * 20}
    assert "too large" in phrases.structural_detail("AE002", params, "en")
    assert "大きすぎる" in phrases.structural_detail("AE002", params, "ja")


def test_language_jp_suggests_ja(linter: Linter) -> None:
    text = MINIMAL + "language: jp\n"
    [english] = [m[2] for m in messages(linter, text) if m[0] == "AE002"]
    [japanese] = [m[2] for m in messages(linter, text, "ja") if m[0] == "AE002"]
    assert "did you mean `ja`?" in english
    assert "`ja` のことですか？" in japanese
