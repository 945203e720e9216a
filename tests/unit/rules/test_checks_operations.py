"""Operations and settings rules: AE4xx settings, AE5xx person accounts, AE7xx operations, AE802."""

from __future__ import annotations

import pytest

from planner.lint.linter import Linter
from planner.rules.loader import load_rulebook
from tests.acceptance.test_samples import BAD, expected_findings
from tests.conftest import analyse

ORG = "aeplan: 1\nsalesforce: {org: acme}\n"
PA_ORG = "aeplan: 1\nsalesforce: {org: acme, person_accounts: true}\n"


def _pointers(linter: Linter, code: str, text: str) -> list[str]:
    analysis = analyse(linter, text)
    assert analysis.plan is not None, [f.message for f in analysis.findings]
    return [f.pointer for f in analysis.findings if f.code == code]


def _two_units(japan: str, korea: str, team: str = "{}") -> str:
    return (
        f"{ORG}team: {team}\nbusiness_units:\n"
        f"  - {{name: Japan, {japan}}}\n  - {{name: Korea, {korea}}}\n"
    )


def test_classic_login_with_users_in_several_units_is_reported_once(linter: Linter) -> None:
    text = _two_units(
        "settings: {user_sync: true}", "settings: {user_sync: true}", "{login_path: classic_app}"
    )
    analysis = analyse(linter, text)
    [finding] = [f for f in analysis.findings if f.code == "AE705"]
    assert (finding.pointer, finding.line) == ("/team/login_path", 3)
    assert "Japan, Korea" in finding.message and finding.severity.value == "info"


@pytest.mark.parametrize(
    ("japan", "korea", "team"),
    [
        (
            "settings: {user_sync: true}",
            "settings: {user_sync: true}",
            "{login_path: lightning_app}",
        ),
        ("settings: {user_sync: true}", "settings: {user_sync: true}", "{}"),
        (
            "settings: {user_sync: true}",
            "settings: {user_sync: false}",
            "{login_path: classic_app}",
        ),
    ],
)
def test_classic_login_is_fine_otherwise(linter: Linter, japan: str, korea: str, team: str) -> None:
    assert _pointers(linter, "AE705", _two_units(japan, korea, team)) == []


def test_delete_merge_without_change_email_fires_unless_the_unit_is_ampsea(linter: Linter) -> None:
    unit = "settings: {auto_delete_merge: true}"
    plan = f"{ORG}business_units:\n  - {{name: Japan, {unit}}}\n"
    assert _pointers(linter, "AE404", plan) == ["/business_units/0/settings/auto_delete_merge"]
    ampsea = plan.replace(
        "{name: Japan,", "{name: Japan, allow_multiple_prospects_same_email: true,"
    )
    assert _pointers(linter, "AE404", ampsea) == []


@pytest.mark.parametrize(
    "extra",
    [
        "imports: [{name: CRM, match_by: crm_id}]",
        "rollout: {before_unpause: [import_records]}",
        "rollout: {after_unpause: [import_records]}",
    ],
)
def test_auto_create_is_fine_when_an_import_is_planned(linter: Linter, extra: str) -> None:
    unit = f"{{name: J, settings: {{auto_create_prospects: true}}, {extra}}}"
    plan = f"{ORG}business_units:\n  - {unit}\n"
    assert _pointers(linter, "AE405", plan) == []


def test_person_accounts_missing_mode_is_reported(linter: Linter) -> None:
    plan = (
        "aeplan: 1\nsalesforce: {org: acme, person_accounts: true}\nbusiness_units: [{name: J}]\n"
    )
    assert _pointers(linter, "AE502", plan) == ["/business_units/0/sync/person_accounts"]
    no_words = plan.replace("[{name: J}]", "[{name: J, sync: {person_accounts: no}}]")
    assert _pointers(linter, "AE502", no_words) == ["/business_units/0/sync/person_accounts"]


def test_person_account_record_type_must_not_be_blank(linter: Linter) -> None:
    sync = "{person_accounts: instead_of_leads, default_person_account_record_type: '  '}"
    plan = PA_ORG + f"business_units: [{{name: J, sync: {sync}}}]\n"
    assert _pointers(linter, "AE503", plan) == ["/business_units/0/sync/person_accounts"]


@pytest.mark.parametrize("review", ["monthly", "none", "off"])
def test_a_named_owner_reviews_at_least_weekly(linter: Linter, review: str) -> None:
    team = f"team: {{sync_error_owner: Ops, sync_error_review: {review}}}\n"
    plan = f"{ORG}{team}business_units: [{{name: J}}]\n"
    assert _pointers(linter, "AE702", plan) == ["/team/sync_error_review"]


def test_review_cadence_is_not_asked_without_an_owner(linter: Linter) -> None:
    plan = f"{ORG}team: {{sync_error_review: monthly}}\nbusiness_units: [{{name: J}}]\n"
    assert _pointers(linter, "AE702", plan) == []


def test_users_unmapped_matters_while_paused_and_on_a_running_connector(linter: Linter) -> None:
    active = f"{ORG}business_units: [{{name: J, connector: {{version: 2, state: active}}}}]\n"
    assert _pointers(linter, "AE703", active) == ["/business_units/0/rollout/before_unpause"]
    mapped = active.replace("state: active}", "state: active}, rollout: {in_place: [map_users]}")
    assert _pointers(linter, "AE703", mapped) == []
    synced = f"{ORG}business_units: [{{name: J, settings: {{user_sync: true}}}}]\n"
    assert _pointers(linter, "AE703", synced) == []
    paused = f"{ORG}business_units: [{{name: J}}]\n"
    assert _pointers(linter, "AE703", paused) == ["/business_units/0/rollout/before_unpause"]


def test_campaign_record_types_matter_only_with_several_units(linter: Linter) -> None:
    enabled = "sync: {connected_campaigns: {enabled: true, record_types: []}}"
    one = f"{ORG}business_units: [{{name: J, {enabled}}}]\n"
    assert _pointers(linter, "AE704", one) == []
    two = _two_units(enabled, enabled)
    assert _pointers(linter, "AE704", two) == [
        "/business_units/0/sync/connected_campaigns",
        "/business_units/1/sync/connected_campaigns",
    ]


@pytest.mark.parametrize("page", ["", ", clickjack_visualforce_page: ' '"])
def test_clickjack_protection_needs_a_page(linter: Linter, page: str) -> None:
    salesforce = f"salesforce: {{org: a, clickjack_protection: true{page}}}\n"
    plan = f"aeplan: 1\n{salesforce}business_units: [{{name: J}}]\n"
    assert _pointers(linter, "AE802", plan) == ["/salesforce/clickjack_protection"]


def test_every_rule_from_4xx_to_8xx_appears_in_a_bad_sample() -> None:
    codes = {rule.code for rule in load_rulebook().rules if rule.code[2] in "45678"}
    marked = {code for path in BAD for code, _ in expected_findings(path)}
    assert codes - {"AE401", "AE402", "AE501", "AE701"} <= marked


def test_users_unmapped_does_not_apply_to_connector_v1(linter: Linter) -> None:
    plan = f"{ORG}business_units: [{{name: J, connector: {{version: 1}}}}]\n"
    assert _pointers(linter, "AE703", plan) == []
