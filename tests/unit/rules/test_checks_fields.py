"""Field-mapping checks: fixed behaviours (AE601), API names (AE602), most recent (AE603),
unsyncable types (AE604) and duplicates (AE605)."""

from __future__ import annotations

import pytest

from planner.lint.linter import Linter
from planner.rules.checks.fields import field_key
from tests.conftest import analyse

HEAD = "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units:\n  - name: Japan\n    field_mappings:\n"


def _plan(*mappings: str) -> str:
    return HEAD + "".join(f"      - {{{mapping}}}\n" for mapping in mappings)


def _hits(linter: Linter, code: str, *mappings: str) -> list[tuple[str, int, str]]:
    analysis = analyse(linter, _plan(*mappings))
    assert analysis.plan is not None
    return [(f.pointer, f.line, f.message) for f in analysis.findings if f.code == code]


def test_field_names_compare_without_case_or_separators() -> None:
    assert field_key("  Assigned_User ") == field_key("assigned-user") == "assigned user"
    assert field_key("Opted  Out") == "opted out"


@pytest.mark.parametrize("name", ["Score", "score", "GRADE", "Campaign"])
@pytest.mark.parametrize("behavior", ["salesforce", "most_recent"])
def test_account_engagement_fields_must_be_account_engagement(
    linter: Linter, name: str, behavior: str
) -> None:
    hits = _hits(linter, "AE601", f"prospect_field: {name}, behavior: {behavior}")
    assert [(pointer, line) for pointer, line, _ in hits] == [
        ("/business_units/0/field_mappings/0/behavior", 6)
    ]
    message = hits[0][2]
    assert '"Japan"' in message and f'"{name}"' in message and "`account_engagement`" in message


@pytest.mark.parametrize("name", ["Assigned User", "CRM Owner", "crm_owner"])
def test_the_crm_owner_cannot_be_account_engagement_owned(linter: Linter, name: str) -> None:
    assert len(_hits(linter, "AE601", f"prospect_field: {name}, behavior: account_engagement")) == 1
    assert _hits(linter, "AE601", f"prospect_field: {name}, behavior: salesforce") == []
    assert _hits(linter, "AE601", f"prospect_field: {name}, behavior: most_recent") == []


def test_other_fields_may_have_any_behavior(linter: Linter) -> None:
    assert _hits(linter, "AE601", "prospect_field: Scoring Notes, behavior: salesforce") == []
    assert _hits(linter, "AE601", "prospect_field: Score, behavior: account_engagement") == []


def test_custom_lead_and_contact_fields_must_share_an_api_name(linter: Linter) -> None:
    differ = (
        "prospect_field: Topic, lead_field: Topic__c, contact_field: Topic2__c, "
        "behavior: salesforce"
    )
    hits = _hits(linter, "AE602", differ)
    assert [pointer for pointer, _, _ in hits] == [
        "/business_units/0/field_mappings/0/contact_field"
    ]
    assert "`Topic__c`" in hits[0][2] and "`Topic2__c`" in hits[0][2]


@pytest.mark.parametrize(
    "fields",
    [
        "lead_field: Topic__c, contact_field: topic__C",  # API names are case-insensitive
        "lead_field: Title, contact_field: Job_Title__c",  # only one side is custom
        "lead_field: Topic__c",  # mapped on Lead only
    ],
)
def test_api_name_rule_needs_two_different_custom_fields(linter: Linter, fields: str) -> None:
    assert _hits(linter, "AE602", f"prospect_field: Topic, {fields}, behavior: salesforce") == []


@pytest.mark.parametrize("name", ["Title", "Opted Outs", "Do Not Email"])
def test_most_recent_beyond_opted_out_warns(linter: Linter, name: str) -> None:
    assert len(_hits(linter, "AE603", f"prospect_field: {name}, behavior: most_recent")) == 1


@pytest.mark.parametrize("name", ["Opted Out", "opted_out", "OPTED-OUT"])
def test_most_recent_on_opted_out_is_documented(linter: Linter, name: str) -> None:
    assert _hits(linter, "AE603", f"prospect_field: {name}, behavior: most_recent") == []


@pytest.mark.parametrize("kind", ["lookup", "geolocation"])
def test_lookup_and_geolocation_fields_cannot_sync(linter: Linter, kind: str) -> None:
    hits = _hits(linter, "AE604", f"prospect_field: Where, behavior: salesforce, type: {kind}")
    assert [pointer for pointer, _, _ in hits] == ["/business_units/0/field_mappings/0/type"]
    assert kind in hits[0][2]
    assert _hits(linter, "AE604", "prospect_field: Where, behavior: salesforce, type: text") == []


def test_duplicates_are_reported_at_each_repeat(linter: Linter) -> None:
    hits = _hits(
        linter,
        "AE605",
        "prospect_field: Industry, behavior: salesforce",
        "prospect_field: Country, behavior: salesforce",
        "prospect_field: industry, behavior: account_engagement",
        "prospect_field: INDUSTRY, behavior: salesforce",
    )
    assert [(pointer, line) for pointer, line, _ in hits] == [
        ("/business_units/0/field_mappings/2/prospect_field", 8),
        ("/business_units/0/field_mappings/3/prospect_field", 9),
    ]
    assert "(mappings 1 and 3)" in hits[0][2]


def test_duplicates_are_counted_per_business_unit(linter: Linter) -> None:
    text = (
        "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units:\n"
        "  - {name: Japan, field_mappings: [{prospect_field: Industry, behavior: salesforce}]}\n"
        "  - {name: Korea, field_mappings: [{prospect_field: Industry, behavior: salesforce}]}\n"
    )
    assert [f for f in analyse(linter, text).findings if f.code == "AE605"] == []


def test_japanese_messages_name_the_business_unit_and_field(linter: Linter) -> None:
    text = "language: ja\n" + _plan("prospect_field: Grade, behavior: salesforce")
    finding = next(f for f in analyse(linter, text).findings if f.code == "AE601")
    assert "ビジネスユニット「Japan」" in finding.message and "「Grade」" in finding.message
