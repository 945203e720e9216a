"""Marketing Data Sharing rules: Python checks (AE302, AE304, AE306-AE308) and declarative ones."""

from __future__ import annotations

import re

import pytest

from planner.lint.linter import Linter, LintOptions
from planner.rules.checks import PlanContext
from planner.rules.checks.mds import mds_rules_overlap
from tests.conftest import SAMPLES, analyse

HEAD = "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units:\n"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]+\}")


def unit(name: str, *rules: str, extra: str = "") -> str:
    """A BU using MDS with the given flow-style rules, one per line."""
    lines = [f"  - name: {name}\n", "    sync:\n", "      scope: marketing_data_sharing\n"]
    lines.append("      marketing_data_sharing:\n")
    lines.extend(f"        - {{{rule}}}\n" for rule in rules)
    return "".join(lines) + extra


def found(linter: Linter, text: str, code: str) -> list[str]:
    """The pointers of each finding of ``code``, in report order."""
    analysis = analyse(linter, text)
    assert analysis.plan is not None, [f.message for f in analysis.findings]
    return [f.pointer for f in analysis.findings if f.code == code]


def message(linter: Linter, text: str, code: str, lang: str = "en") -> str:
    prefix = "language: ja\n" if lang == "ja" else ""
    (only,) = [f.message for f in analyse(linter, prefix + text).findings if f.code == code]
    return only


LEAD = "object: lead, field: Marketing_BU__c, value: {v}"
CONTACT = "object: contact, field: Marketing_BU__c, value: {v}"


def pair(name: str, value: str) -> str:
    return unit(name, LEAD.format(v=value), CONTACT.format(v=value))


def rule(index: int, rule_index: int, key: str) -> str:
    return f"/business_units/{index}/sync/marketing_data_sharing/{rule_index}/{key}"


# AE307 -------------------------------------------------------------------------------------


def test_overlap_is_reported_at_the_later_value_naming_the_earlier_bu(linter: Linter) -> None:
    text = HEAD + pair("Japan", "APAC") + pair("Korea", "APAC")
    assert found(linter, text, "AE307") == [rule(1, 0, "value"), rule(1, 1, "value")]
    assert 'business unit "Japan"' in message(
        linter, HEAD + pair("Japan", "X") + unit("Korea", LEAD.format(v="X")), "AE307"
    )


def test_values_are_case_sensitive(linter: Linter) -> None:
    text = HEAD + pair("Japan", "Japan") + pair("Korea", "japan")
    assert found(linter, text, "AE307") == []


def test_object_and_field_names_are_not_case_sensitive(linter: Linter) -> None:
    other = unit("Korea", "object: LEAD, field: marketing_bu__c, value: Japan")
    assert found(linter, HEAD + pair("Japan", "Japan") + other, "AE307") == [rule(1, 0, "value")]


def test_a_third_bu_is_compared_with_the_first_owner(linter: Linter) -> None:
    text = (
        HEAD
        + pair("Japan", "A")
        + unit("Korea", LEAD.format(v="A"))
        + unit("Taiwan", CONTACT.format(v="A"))
    )
    assert found(linter, text, "AE307") == [rule(1, 0, "value"), rule(2, 0, "value")]
    findings = [f for f in analyse(linter, text).findings if f.code == "AE307"]
    assert all('business unit "Japan"' in f.message for f in findings)


def test_only_lead_and_contact_rules_are_compared(linter: Linter) -> None:
    opportunity = "object: opportunity, field: Marketing_BU__c, value: A"
    text = HEAD + unit("Japan", opportunity) + unit("Korea", opportunity)
    assert found(linter, text, "AE307") == []


def test_different_fields_or_values_do_not_overlap(linter: Linter) -> None:
    other = unit("Korea", "object: lead, field: Region__c, value: A", CONTACT.format(v="B"))
    assert found(linter, HEAD + pair("Japan", "A") + other, "AE307") == []


def test_duplicate_rules_inside_one_bu_are_not_an_overlap(linter: Linter) -> None:
    text = HEAD + unit("Japan", LEAD.format(v="A"), LEAD.format(v="A"))
    assert found(linter, text, "AE307") == []
    assert found(linter, text, "AE304") == [rule(0, 1, "object")]


def test_two_bus_with_the_same_name_are_still_compared(linter: Linter) -> None:
    text = HEAD + pair("Japan", "A") + pair("Japan", "A")
    assert len(found(linter, text, "AE307")) == 2


def test_boolean_values_overlap_and_are_shown_as_written(linter: Linter) -> None:
    flag = "object: lead, field: Sync_To_BU__c, value: true"
    text = HEAD + unit("Japan", flag) + unit("Korea", flag)
    assert 'equals "true"' in message(linter, text, "AE307")
    mixed = HEAD + unit("Japan", flag) + unit("Korea", flag.replace("true", "'true'"))
    assert found(linter, mixed, "AE307") == []


def test_overlap_check_scales_linearly_with_many_bus() -> None:
    units = [
        {
            "name": f"BU{i}",
            "sync": {
                "scope": "marketing_data_sharing",
                "marketing_data_sharing": [
                    {"object": "lead", "field": "BU__c", "value": f"v{i % 500}"},
                ],
            },
        }
        for i in range(2000)
    ]
    hits = list(mds_rules_overlap(PlanContext({"business_units": units}, None)))
    assert len(hits) == 1500
    assert hits[0].params["other"] == "BU0" and hits[0].params["bu"] == "BU500"


# AE304, AE305, AE306, AE308, AE309 -----------------------------------------------------------


def test_one_rule_per_object_reports_every_later_rule(linter: Linter) -> None:
    text = HEAD + unit(
        "Japan",
        LEAD.format(v="A"),
        "object: Lead, field: X__c, value: B",
        CONTACT.format(v="A"),
        "object: lead, field: Y__c, value: C",
    )
    assert found(linter, text, "AE304") == [rule(0, 1, "object"), rule(0, 3, "object")]
    assert "(the first is rule 1)" in message(
        linter, HEAD + unit("Japan", LEAD.format(v="A"), LEAD.format(v="B")), "AE304"
    )


def test_lead_without_contact_and_contact_without_lead(linter: Linter) -> None:
    assert found(linter, HEAD + unit("Japan", LEAD.format(v="A")), "AE306") == [
        rule(0, 0, "object")
    ]
    contact_only = HEAD + unit(
        "Japan", "object: opportunity, field: X__c, value: A", CONTACT.format(v="A")
    )
    assert found(linter, contact_only, "AE306") == [rule(0, 1, "object")]
    assert "`contact` but none for `lead`" in message(linter, contact_only, "AE306")


def test_lead_and_contact_in_any_case_satisfy_each_other(linter: Linter) -> None:
    text = HEAD + unit(
        "Japan", "object: Lead, field: A__c, value: A", "object: CONTACT, field: A__c, value: A"
    )
    assert found(linter, text, "AE306") == []
    opportunity = HEAD + unit("Japan", "object: opportunity, field: A__c, value: A")
    assert found(linter, opportunity, "AE306") == []


def test_mapped_rule_field_is_reported_per_object(linter: Linter) -> None:
    mappings = (
        "    field_mappings:\n"
        "      - {prospect_field: Region, lead_field: region__c, contact_field: Area__c,"
        " behavior: salesforce}\n"
    )
    lead = "object: lead, field: Region__c, value: A"
    contact = "object: contact, field: Region__c, value: A"
    text = HEAD + unit("Japan", lead, contact, extra=mappings)
    assert found(linter, text, "AE308") == [rule(0, 0, "field")]
    assert 'prospect field "Region"' in message(linter, text, "AE308")


def test_operator_equals_or_absent_is_accepted(linter: Linter) -> None:
    text = HEAD + unit(
        "Japan",
        "object: lead, field: A__c, operator: equals, value: A",
        "object: contact, field: A__c, operator: not_equals, value: A",
    )
    assert found(linter, text, "AE305") == [rule(0, 1, "operator")]
    assert '"not_equals"' in message(linter, text, "AE305")


@pytest.mark.parametrize("name", ["lead", "Lead", "CONTACT", "Opportunity", "ns__Invoice__c"])
def test_supported_objects(linter: Linter, name: str) -> None:
    text = HEAD + unit("Japan", f"object: {name}, field: A__c, value: A")
    assert found(linter, text, "AE309") == []


@pytest.mark.parametrize("name", ["account", "Case", "campaign", "Invoice__x", "lead__c x"])
def test_unsupported_objects(linter: Linter, name: str) -> None:
    text = HEAD + unit("Japan", f"object: {name}, field: A__c, value: A")
    assert found(linter, text, "AE309") == [rule(0, 0, "object")]


# AE302 and the scope rules ---------------------------------------------------------------------


def test_mds_requires_v2_names_every_v1_bu(linter: Linter) -> None:
    v1 = "    connector: {version: 1}\n"
    text = HEAD + pair("Japan", "J") + f"  - name: Old\n{v1}" + f"  - name: Older\n{v1}"
    assert found(linter, text, "AE302") == ["/business_units/0/sync/scope"]
    assert "connector v1: Old, Older;" in message(linter, text, "AE302")
    assert "Old、Older" in message(linter, text, "AE302", "ja")


def test_mds_on_v1_itself_and_no_mds_at_all(linter: Linter) -> None:
    own = HEAD + pair("Japan", "J").replace("    sync:", "    connector: {version: 1}\n    sync:")
    assert found(linter, own, "AE302") == ["/business_units/0/sync/scope"]
    none = HEAD + "  - {name: Japan, connector: {version: 1}}\n  - {name: Korea}\n"
    assert found(linter, none, "AE302") == []


def test_object_change_log_in_the_same_bu_as_mds(linter: Linter) -> None:
    text = HEAD + pair("Japan", "J").replace(
        "      scope:", "      object_change_log_sync: true\n      scope:"
    )
    assert found(linter, text, "AE315") == ["/business_units/0/sync/object_change_log_sync"]
    alone = HEAD + "  - {name: Japan, sync: {object_change_log_sync: true}}\n"
    assert found(linter, alone, "AE315") == []


def test_mds_only_rules_on_a_single_bu_are_not_ae316(linter: Linter) -> None:
    text = HEAD + unit("Japan", "object: opportunity, field: A__c, value: A")
    assert found(linter, text, "AE316") == []


def test_edition_rule_ignores_a_missing_edition(linter: Linter) -> None:
    assert found(linter, HEAD + pair("Japan", "J"), "AE303") == []
    text = HEAD + pair("Japan", "J").replace(
        "  - name: Japan\n", "  - name: Japan\n    edition: plus\n"
    )
    assert found(linter, text, "AE303") == ["/business_units/0/edition"]


# Output -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("sample", ["mds-rules.yaml", "connector-v1.yaml"])
def test_every_placeholder_is_filled_in_both_languages(lang: str, sample: str) -> None:
    analysis = Linter(LintOptions(lang=lang)).analyse_file(SAMPLES / "bad" / sample)
    assert analysis.findings
    for finding in analysis.findings:
        assert not PLACEHOLDER.search(finding.message), finding.message
        assert not PLACEHOLDER.search(finding.fix or ""), finding.fix


def test_the_same_plan_gives_the_same_findings_twice(linter: Linter) -> None:
    path = SAMPLES / "bad" / "mds-rules.yaml"
    assert linter.analyse_file(path).findings == linter.analyse_file(path).findings


SECTION_CODES = {
    "AE105", "AE106", "AE107", "AE204", "AE205", "AE208", "AE209",
    "AE301", "AE302", "AE303", "AE304", "AE305", "AE306", "AE307", "AE308", "AE309",
    "AE311", "AE312", "AE313", "AE314", "AE315", "AE316",
}  # fmt: skip


def test_every_connector_and_mds_rule_is_marked_in_a_bad_sample() -> None:
    from tests.acceptance.test_samples import BAD, expected_findings

    marked = {code for path in BAD for code, _ in expected_findings(path)}
    assert SECTION_CODES - marked == set()
