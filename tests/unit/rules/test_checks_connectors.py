"""Connector and connector-user rules: AE105-AE107, AE204, AE205, AE208, AE209, AE312, AE313."""

from __future__ import annotations

from planner.lint.linter import Linter
from planner.rules.checks import PlanContext
from planner.rules.checks.connectors import multi_bu_all_records, multi_bu_edition
from tests.conftest import analyse

HEAD = "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units:\n"
CUSTOM = (
    "    connector:\n"
    "      version: 2\n"
    "      user: custom_user\n"
    "      custom_user:\n"
    "        license: sales_cloud\n"
    "        permission_sets: [{sets}]\n"
)


def found(linter: Linter, text: str, code: str) -> list[tuple[str, int, int]]:
    """(pointer, line, column) of each finding of ``code``."""
    analysis = analyse(linter, text)
    assert analysis.plan is not None, [f.message for f in analysis.findings]
    return [(f.pointer, f.line, f.column) for f in analysis.findings if f.code == code]


def messages(linter: Linter, text: str, code: str) -> list[str]:
    return [f.message for f in analyse(linter, text).findings if f.code == code]


def custom_user_plan(sets: str) -> str:
    return HEAD + "  - name: Japan\n" + CUSTOM.replace("{sets}", sets)


def test_permission_set_accepts_the_current_and_the_legacy_name(linter: Linter) -> None:
    for sets in ("Account Engagement Connector User", "Pardot Connector User"):
        assert found(linter, custom_user_plan(f"Marketing User, {sets}"), "AE204") == []


def test_permission_set_names_are_compared_without_case_or_surrounding_space(
    linter: Linter,
) -> None:
    assert found(linter, custom_user_plan("' pardot connector USER '"), "AE204") == []


def test_missing_permission_set_is_reported_at_the_list(linter: Linter) -> None:
    hits = found(linter, custom_user_plan("Marketing User"), "AE204")
    assert hits == [("/business_units/0/connector/custom_user/permission_sets", 10, 9)]


def test_a_near_miss_permission_set_name_is_not_accepted(linter: Linter) -> None:
    assert len(found(linter, custom_user_plan("Account Engagement Connector"), "AE204")) == 1


def test_permission_sets_of_an_unused_custom_user_block_are_not_checked(linter: Linter) -> None:
    text = custom_user_plan("Marketing User").replace("user: custom_user", "user: integration_user")
    assert found(linter, text, "AE204") == []


def test_custom_user_without_its_block(linter: Linter) -> None:
    text = HEAD + "  - name: Japan\n    connector: {version: 2, user: custom_user}\n"
    assert found(linter, text, "AE205") == [("/business_units/0/connector/user", 5, 29)]
    assert found(linter, custom_user_plan("Pardot Connector User"), "AE205") == []


def test_v1_warning_and_v1_integration_user_error_point_at_their_values(linter: Linter) -> None:
    text = (
        HEAD + "  - name: Initech\n    connector:\n      version: 1\n      user: integration_user\n"
    )
    assert found(linter, text, "AE106") == [("/business_units/0/connector/version", 6, 7)]
    assert found(linter, text, "AE107") == [("/business_units/0/connector/user", 7, 7)]


def test_v1_with_a_custom_user_is_only_a_warning(linter: Linter) -> None:
    text = HEAD + "  - name: Initech\n    connector: {version: 1, user: custom_user}\n"
    assert found(linter, text, "AE107") == []
    assert len(found(linter, text, "AE106")) == 1


def test_mds_change_while_active_needs_a_pause_plan(linter: Linter) -> None:
    text = (
        HEAD + "  - name: Japan\n    connector: {version: 2, state: active}\n"
        "    sync: {scope: marketing_data_sharing}\n"
    )
    assert found(linter, text, "AE105") == [("/business_units/0/connector/state", 5, 29)]
    planned = text + "    rollout: {before_unpause: [review_settings]}\n"
    assert found(linter, planned, "AE105") == []
    paused = text.replace("state: active", "state: paused")
    assert found(linter, paused, "AE105") == []


def switch(current: str, planned: str, b2bma: str) -> str:
    return (
        f"aeplan: 1\nsalesforce: {{org: acme, b2b_marketing_analytics: {b2bma}}}\n"
        "business_units:\n  - name: Japan\n"
        f"    connector: {{version: 2, current_user: {current}, user: {planned}}}\n"
    )


def test_switch_to_the_integration_user_is_a_lightning_app_note(linter: Linter) -> None:
    assert len(found(linter, switch("custom_user", "integration_user", "false"), "AE208")) == 1
    assert found(linter, switch("integration_user", "custom_user", "false"), "AE208") == []
    assert found(linter, switch("custom_user", "custom_user", "false"), "AE208") == []


def test_b2bma_warning_needs_b2bma_and_a_change_in_either_direction(linter: Linter) -> None:
    assert found(linter, switch("custom_user", "integration_user", "false"), "AE209") == []
    assert found(linter, switch("custom_user", "custom_user", "true"), "AE209") == []
    for current, planned in (
        ("custom_user", "integration_user"),
        ("integration_user", "custom_user"),
    ):
        hits = found(linter, switch(current, planned, "true"), "AE209")
        assert [pointer for pointer, _, _ in hits] == ["/business_units/0/connector/user"]


def two_units(first: str, second: str) -> str:
    return HEAD + f"  - {{name: Japan, {first}}}\n  - {{name: Korea, {second}}}\n"


def test_multi_bu_all_records_flags_each_custom_user_bu(linter: Linter) -> None:
    custom = "connector: {version: 2, user: custom_user}, sync: {scope: all_records}"
    hits = found(linter, two_units(custom, custom), "AE312")
    assert [(pointer, line) for pointer, line, _ in hits] == [
        ("/business_units/0/sync/scope", 4),
        ("/business_units/1/sync/scope", 5),
    ]
    assert "2 business units" in messages(linter, two_units(custom, custom), "AE312")[0]


def test_multi_bu_all_records_ignores_single_bu_integration_user_and_mds(linter: Linter) -> None:
    custom = "connector: {version: 2, user: custom_user}"
    assert found(linter, HEAD + f"  - {{name: Japan, {custom}}}\n", "AE312") == []
    integration = "connector: {version: 2, user: integration_user}"
    mds = custom + ", sync: {scope: marketing_data_sharing}"
    assert found(linter, two_units(integration, mds), "AE312") == []


def test_multi_bu_all_records_default_scope_falls_back_to_the_bu(linter: Linter) -> None:
    custom = "connector: {version: 2, user: custom_user}"
    hits = found(linter, two_units("edition: advanced", custom), "AE312")
    assert [(pointer, line) for pointer, line, _ in hits] == [("/business_units/1/sync/scope", 5)]


def test_multi_bu_edition_flags_each_bu_below_advanced(linter: Linter) -> None:
    text = two_units("edition: growth", "edition: plus")
    hits = found(linter, text, "AE313")
    assert [pointer for pointer, _, _ in hits] == [
        "/business_units/0/edition",
        "/business_units/1/edition",
    ]
    assert 'business unit "Korea" is on the plus edition' in messages(linter, text, "AE313")[1]


def test_multi_bu_edition_needs_two_bus_and_a_known_edition(linter: Linter) -> None:
    assert found(linter, HEAD + "  - {name: Japan, edition: growth}\n", "AE313") == []
    assert found(linter, two_units("edition: advanced", "edition: premium"), "AE313") == []
    assert found(linter, two_units("edition: advanced", "connector: {version: 2}"), "AE313") == []


def test_checks_called_directly_on_a_plan_without_business_units() -> None:
    empty = PlanContext({"business_units": []}, None)
    assert list(multi_bu_all_records(empty)) == []
    assert list(multi_bu_edition(empty)) == []


def test_japanese_messages_name_the_bu(linter: Linter) -> None:
    text = "language: ja\n" + two_units("edition: growth", "edition: advanced")
    analysis = analyse(linter, text)
    (message,) = [f.message for f in analysis.findings if f.code == "AE313"]
    assert "ビジネスユニット「Japan」" in message and "Salesforce 組織" in message
