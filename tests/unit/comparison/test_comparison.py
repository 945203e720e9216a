"""The comparison runs the real rules on each option, counts licences and recommends one option."""

from __future__ import annotations

import pytest

from planner.comparison.building import compare_analysis, compare_file
from planner.comparison.results import Comparison, Option, UnitComparison
from planner.errors import PlannerError
from planner.lint.linter import Linter
from tests.conftest import SAMPLES, analyse

TWO_BU = str(SAMPLES / "good" / "two-bu-mds.yaml")
ONE_BU_NO_LICENCES = """
aeplan: 1
salesforce: {org: acme, crm_licenses_available: 0}
team: {account_engagement_admins: [A], salesforce_admin: B, sync_error_owner: C}
business_units:
  - name: Main
    edition: advanced
    connector: {version: 2, state: paused, user: integration_user}
    rollout: {before_unpause: [review_settings]}
"""


def compare_text(linter: Linter, text: str, lang: str = "en") -> Comparison:
    return compare_analysis(analyse(linter, text), linter.engine, lang)


def option(unit: UnitComparison, option_id: str) -> Option:
    return next(candidate for candidate in unit.options if candidate.id == option_id)


def test_two_bus_block_the_integration_user_with_all_records_and_recommend_mds() -> None:
    comparison = compare_file(TWO_BU)
    assert [unit.name for unit in comparison.units] == ["Japan", "Korea"]
    for unit in comparison.units:
        all_records = option(unit, "integration_user+all_records")
        assert all_records.blocked
        assert "AE201" in [noted.code for noted in all_records.errors]
        assert unit.recommendation.option == "integration_user+marketing_data_sharing"
        assert unit.recommendation.as_written
        assert unit.written == "integration_user+marketing_data_sharing"
        assert {"F44", "F46", "F22"} <= set(unit.recommendation.facts)
        assert "already the best choice" in unit.recommendation.reason
        assert "several business units share" in unit.recommendation.reason.lower()


def test_no_free_licences_block_the_custom_user_options(linter: Linter) -> None:
    unit = compare_text(linter, ONE_BU_NO_LICENCES).units[0]
    for option_id in ("custom_user+all_records", "custom_user+marketing_data_sharing"):
        custom = option(unit, option_id)
        assert custom.licences.blocked and custom.blocked
        assert (custom.licences.needed, custom.licences.available) == (1, 0)
    assert not option(unit, "integration_user+all_records").blocked
    assert unit.recommendation.option == "integration_user+all_records"
    whys = {item.id: item.text for item in unit.recommendation.others}
    assert whys["custom_user+all_records"].startswith("blocked by licences")


def test_enough_licences_do_not_block(linter: Linter) -> None:
    text = ONE_BU_NO_LICENCES.replace("crm_licenses_available: 0", "crm_licenses_available: 1")
    custom = option(compare_text(linter, text).units[0], "custom_user+all_records")
    assert not custom.licences.blocked
    assert custom.licences.text == "1 needed, 1 free"


def test_unknown_licence_count_is_something_to_add(linter: Linter) -> None:
    text = ONE_BU_NO_LICENCES.replace(", crm_licenses_available: 0", "")
    custom = option(compare_text(linter, text).units[0], "custom_user+all_records")
    assert not custom.licences.blocked
    assert "licence_count" in [need.id for need in custom.needs]


def test_findings_caused_only_by_placeholders_are_left_out_and_named(linter: Linter) -> None:
    unit = compare_text(linter, ONE_BU_NO_LICENCES).units[0]
    mds = option(unit, "integration_user+marketing_data_sharing")
    assert "AE301" not in [noted.code for noted in mds.errors]
    assert [need.id for need in mds.needs] == ["mds_rules"]
    assert "lead and contact" in mds.needs[0].text
    custom = option(unit, "custom_user+all_records")
    assert "AE203" in custom.placeholder_codes
    assert "AE203" not in [noted.code for noted in custom.errors]
    assert [need.id for need in custom.needs] == ["custom_user"]


def test_a_custom_user_with_mds_raises_the_real_ae202(linter: Linter) -> None:
    # AE202 is information since the 2026-11 review: the combination is valid (Help documents it).
    unit = compare_text(linter, ONE_BU_NO_LICENCES).units[0]
    infos = option(unit, "custom_user+marketing_data_sharing").infos
    assert "AE202" in [noted.code for noted in infos]
    assert all(noted.name for noted in infos)


def test_partner_advice_is_an_info_and_a_step_not_a_warning(linter: Linter) -> None:
    mds = option(
        compare_text(linter, ONE_BU_NO_LICENCES).units[0], "integration_user+marketing_data_sharing"
    )
    assert "AE310" in [noted.code for noted in mds.infos]
    assert "engage_partner" in [step.id for step in mds.steps]


def test_findings_every_option_shares_are_listed_once_per_business_unit(linter: Linter) -> None:
    text = ONE_BU_NO_LICENCES.replace("sync_error_owner: C", "sync_error_owner: ''")
    text = text.replace("rollout: {before_unpause: [review_settings]}", "rollout: {}")
    unit = compare_text(linter, text).units[0]
    shared = [noted.code for noted in unit.in_every_option]
    assert "AE104" in shared
    for candidate in unit.options:
        assert "AE104" not in [noted.code for noted in candidate.warnings]


def test_v1_business_unit_lists_the_upgrade_as_a_prerequisite() -> None:
    unit = compare_file(str(SAMPLES / "good" / "legacy-v1.yaml")).units[0]
    assert unit.written == "custom_user+all_records"
    for option_id in ("integration_user+all_records", "custom_user+marketing_data_sharing"):
        assert option(unit, option_id).steps[0].id == "upgrade_to_v2"
        assert "F07" in option(unit, option_id).steps[0].facts
    assert option(unit, "custom_user+all_records").steps == ()


def test_japanese_wording_uses_salesforce_terms(linter: Linter) -> None:
    comparison = compare_text(linter, ONE_BU_NO_LICENCES, "ja")
    unit = comparison.units[0]
    assert comparison.lang == "ja"
    assert option(unit, "integration_user+marketing_data_sharing").label == (
        "インテグレーションユーザー + マーケティングデータ共有"
    )
    assert option(unit, "custom_user+all_records").licences.text == "1 件必要、空き 0 件"
    assert unit.recommendation.reason.startswith("現在のプランが既に最適な選択です。")
    two = compare_file(TWO_BU, "ja").units[0].recommendation.reason
    assert "Salesforce 組織" in two and "取引先を" not in two


def test_the_plan_language_is_the_default(linter: Linter) -> None:
    assert compare_file(str(SAMPLES / "good" / "acme-japan.yaml")).lang == "ja"


def test_a_plan_that_cannot_be_read_is_a_planner_error_with_a_position(linter: Linter) -> None:
    with pytest.raises(PlannerError) as raised:
        compare_analysis(analyse(linter, "aeplan: 1\nsalesforce: {org: [\n", "broken.yaml"))
    message = raised.value.one_line()
    assert message.startswith("broken.yaml:")
    assert raised.value.line > 0
    assert "AE001" in message


def test_a_plan_that_fails_validation_names_the_first_problem(linter: Linter) -> None:
    with pytest.raises(PlannerError) as raised:
        empty = "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units: []\n"
        compare_analysis(analyse(linter, empty))
    assert raised.value.one_line().startswith("plan.yaml:3:")


MIXED = """
aeplan: 1
salesforce: {org: globex, crm_licenses_available: 1}
team: {account_engagement_admins: [A], salesforce_admin: B, sync_error_owner: C}
business_units:
  - name: Japan
    edition: advanced
    connector: {version: 2, user: integration_user}
  - name: Korea
    edition: advanced
    connector:
      version: 2
      user: custom_user
      custom_user: {license: sales_cloud, permission_sets: [Account Engagement Connector User]}
"""


def test_licences_count_every_business_unit_that_uses_a_custom_user(linter: Linter) -> None:
    japan, korea = compare_text(linter, MIXED).units
    custom = option(japan, "custom_user+all_records")
    assert (custom.licences.total, custom.licences.available, custom.blocked) == (2, 1, True)
    assert not option(korea, "custom_user+all_records").licences.blocked


def test_findings_of_other_business_units_that_the_plan_already_has_are_not_counted(
    linter: Linter,
) -> None:
    japan, korea = compare_text(linter, MIXED).units
    assert option(japan, "integration_user+all_records").errors[0].code == "AE201"
    korea_mds = option(korea, "integration_user+marketing_data_sharing")
    assert "AE201" not in [noted.code for noted in korea_mds.errors]
    assert not korea_mds.blocked
    assert (
        japan.recommendation.option
        == korea.recommendation.option
        == ("integration_user+marketing_data_sharing")
    )
