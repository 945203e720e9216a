"""Format validation: every mismatch becomes a finding at its own line with a useful message."""

from __future__ import annotations

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
