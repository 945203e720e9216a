"""Every branch of the report's wording renders in both languages and both formats."""

from __future__ import annotations

import pytest

from planner.lint.linter import Linter
from planner.report import rendering
from planner.report.context import Citations, ReportContext
from planner.report.document import document
from planner.report.wording import wording

# Each business unit takes other branches: custom/unset users, v1, active, person accounts,
# AMPSEA unknown, field notes, imports before and after unpausing.
BRANCHES = """
aeplan: 1
salesforce: {org: branches-org, person_accounts: true, crm_licenses_available: 2}
team: {account_engagement_admins: [A], sync_error_review: none}
requirements: {max_sync_delay_minutes: 5}
business_units:
  - name: Custom
    edition: premium
    connector:
      version: 2
      state: active
      user: custom_user
      custom_user: {username: connector@example.com, license: platform}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {object: lead, field: BU__c, operator: equals, value: true}
        - {object: Event__c, field: BU__c, operator: equals, value: 3}
      person_accounts: instead_of_leads
      default_person_account_record_type: PersonAccount
    field_mappings:
      - prospect_field: Opted Out
        lead_field: HasOptedOutOfEmail
        contact_field: HasOptedOutOfEmail
        behavior: most_recent
        type: checkbox
      - {prospect_field: Owner Link, lead_field: Owner__c, contact_field: Owner2__c,
         behavior: account_engagement, type: lookup}
    imports:
      - {name: Before, match_by: email, assign: false, when: before_unpause}
      - {name: After, match_by: email, assign: true}
  - name: Unset
    allow_multiple_prospects_same_email: false
    connector: {version: 1, state: paused}
    sync: {person_accounts: sync}
  - name: V1 integration
    connector: {version: 1, state: paused, user: integration_user}
    sync: {person_accounts: none}
"""


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_every_branch_renders(linter: Linter, lang: str, output_format: str) -> None:
    analysis = linter.analyse_bytes(BRANCHES.encode("utf-8"), "branches.yaml")
    assert analysis.plan is not None
    context = ReportContext(analysis, analysis.plan, wording(lang), linter.rulebook, Citations())
    text = rendering.render(output_format, document(context, output_format))
    assert "branches-org" in text
    assert "Event__c" in text or "Event\\_\\_c" in text
    if lang == "en":
        assert "BU\\_\\_c = true" in text or "BU__c = true" in text
        for phrase in (
            "custom connector user",
            "person accounts instead of leads",
            "lookup and geolocation fields cannot sync",
            "Field History Tracking",
            "Connector v1 cannot use the integration user",
            "not decided yet",
            "Not stated in the plan",
            "Import records while paused",
            "already running",
            "most recently updated",
            "5 min",
        ):
            assert phrase in text, phrase
