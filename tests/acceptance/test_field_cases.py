"""Field cases: reported connector problems are caught where they belong; fixed plans are not."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.findings import Finding
from planner.lint.linter import Linter
from tests.conftest import analyse

CASES = Path(__file__).parent / "field_cases"


class Case(NamedTuple):
    """A field case: its file stem, its area (pointer prefixes below ``/business_units/``) and the
    rule that names the real cause."""

    stem: str
    areas: tuple[str, ...]
    code: str


FIELD_CASES = [
    Case("01-opted-out-most-recent", ("0/field_mappings/0",), "AE606"),
    Case("03-mds-field-no-fls", ("0/rollout", "0/sync/marketing_data_sharing"), "AE317"),
    Case("07-ampsea-tradeshow-duplicates", ("0/imports/0", "0/settings"), "AE408"),
    Case("10-unmapped-assigned-user", ("0/settings", "0/imports/0/assign"), "AE703"),
    Case("11-user-sync-profile-unmapped", ("0/settings",), "AE706"),
    Case("12-connector-user-object-permissions", ("0/connector", "0/rollout"), "AE212"),
    Case("13-field-type-mismatch", ("0/field_mappings",), "AE607"),
    Case("14-formula-field-pushed", ("0/field_mappings/0",), "AE609"),
    Case("17-multi-bu-mds-overlap-different-fields", ("0/sync", "1/sync"), "AE318"),
    Case("18-ampsea-auto-create-flood", ("0/settings", "0/sync"), "AE409"),
    Case("22-multi-bu-shared-custom-connector-user",
         ("0/connector/custom_user", "1/connector/custom_user"), "AE210"),
]  # fmt: skip


def _inside(pointer: str, areas: tuple[str, ...]) -> bool:
    full = ["/business_units/" + area for area in areas]
    return any(pointer == area or pointer.startswith(area + "/") for area in full)


def _blocking_in_area(findings: list[Finding], areas: tuple[str, ...]) -> list[Finding]:
    return [
        finding
        for finding in findings
        if finding.severity.value in ("warning", "error") and _inside(finding.pointer, areas)
    ]


def _findings(linter: Linter, path: Path) -> list[Finding]:
    return list(analyse(linter, path.read_text(encoding="utf-8"), path.name).findings)


@pytest.mark.parametrize("case", FIELD_CASES, ids=lambda case: case.stem)
def test_the_problem_plan_is_caught_in_its_area(linter: Linter, case: Case) -> None:
    found = _blocking_in_area(
        _findings(linter, CASES / "problem" / f"{case.stem}.yaml"), case.areas
    )
    assert case.code in {finding.code for finding in found}, [(f.code, f.pointer) for f in found]


@pytest.mark.parametrize(
    "case", [case for case in FIELD_CASES if (CASES / "fixed" / f"{case.stem}.yaml").is_file()],
    ids=lambda case: case.stem,
)  # fmt: skip
def test_the_corrected_plan_is_clean_in_its_area(linter: Linter, case: Case) -> None:
    found = _blocking_in_area(_findings(linter, CASES / "fixed" / f"{case.stem}.yaml"), case.areas)
    assert found == [], [(f.code, f.pointer, f.message) for f in found]


def test_every_case_of_the_readme_is_tested() -> None:
    stems = {path.stem for path in (CASES / "problem").glob("*.yaml")}
    assert stems == {case.stem for case in FIELD_CASES}


def test_an_ampsea_import_of_new_people_gets_no_crm_id_advice(linter: Linter) -> None:
    # README: AE401 on fixed/10 was a false alarm (new people have no CRM ID).
    codes = {f.code for f in _findings(linter, CASES / "fixed" / "10-unmapped-assigned-user.yaml")}
    assert "AE401" not in codes
    problem = _findings(linter, CASES / "problem" / "07-ampsea-tradeshow-duplicates.yaml")
    assert "AE401" not in {f.code for f in problem}
    advice = next(f for f in problem if f.code == "AE408")
    assert "use email address to match" in advice.message and "duplicate rules" in (
        advice.fix or ""
    )


def test_a_mismatched_prospect_type_is_caught_once_the_plan_can_say_it(linter: Linter) -> None:
    text = (CASES / "problem" / "13-field-type-mismatch.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "behavior: account_engagement, type: phone}",
        "behavior: account_engagement, type: phone, prospect_type: number}",
    )
    text = text.replace("type: picklist}", "type: picklist, restricted: true, prospect_type: text}")
    found = {(f.code, f.pointer) for f in analyse(linter, text, "13.yaml").findings}
    assert ("AE608", "/business_units/0/field_mappings/1/prospect_type") in found
    assert ("AE607", "/business_units/0/field_mappings/0/restricted") in found


def test_a_plan_can_say_what_a_running_connector_already_has(linter: Linter) -> None:
    # AE105 and AE703 on a connector that has run MDS and user mapping, unchanged, for years.
    running = """aeplan: 1
salesforce: {org: acme}
team:
  account_engagement_admins: [Hanako]
  salesforce_admin: Taro
  sync_error_owner: Ops
  sync_error_review: weekly
business_units:
  - name: Japan
    edition: advanced
    connector: {version: 2, state: active, user: integration_user}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {object: lead, field: Marketing_BU__c, value: Japan}
        - {object: contact, field: Marketing_BU__c, value: Japan}
    settings: {user_sync: false}
"""
    before = {f.code for f in analyse(linter, running, "running.yaml").findings}
    assert {"AE105", "AE703"} <= before
    in_place = running + "    rollout: {in_place: [marketing_data_sharing, map_users]}\n"
    after = analyse(linter, in_place, "running.yaml").findings
    assert [f.code for f in after if f.severity.value in ("warning", "error")] == []


def test_compare_does_not_claim_exclusive_rules_on_different_fields() -> None:
    plan = str(CASES / "problem" / "17-multi-bu-mds-overlap-different-fields.yaml")
    result = CliRunner().invoke(cli, ["compare", plan])
    assert result.exit_code == 0, result.stderr
    assert "each BU's rules select its own records" not in result.stdout
    assert "rules on different fields" in result.stdout
    fixed = str(CASES / "fixed" / "17-multi-bu-mds-overlap-different-fields.yaml")
    assert (
        "each BU's rules select its own records"
        in CliRunner().invoke(cli, ["compare", fixed]).stdout
    )
