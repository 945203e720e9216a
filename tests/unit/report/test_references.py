"""The References section names Trailhead units by their titles and cites them in the report's
language: an English report never points at a /ja/ page, a Japanese one does (newcomer 2).
"""

from __future__ import annotations

import re

import pytest

from planner.lint.linter import Linter
from planner.report import references, rendering, sources
from planner.report.context import Citations, ReportContext
from planner.report.document import document
from planner.report.wording import wording

_MODULE = "https://trailhead.salesforce.com/{lang}content/learn/modules/"
_PLAN_UNIT = "pardot-salesforce-integration-for-lightning-app/plan-your-integration"
_SEED_UNIT = "pardot-salesforce-integration-for-lightning-app/integrate-pardot-with-salesforce"

# Two business units on one org with the integration user and no named admin: AE212 (cites the
# Japanese Trailhead page) and AE701 (cites the English seed unit) both fire.
PLAN = """\
aeplan: 1
salesforce: {org: production, person_accounts: false}
team: {account_engagement_admins: [], sync_error_review: weekly}
business_units:
""" + "".join(
    f"""\
  - name: {name}
    allow_multiple_prospects_same_email: true
    connector: {{version: 2, state: paused, user: integration_user}}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {{object: lead, field: Marketing_BU__c, operator: equals, value: {name}}}
        - {{object: contact, field: Marketing_BU__c, operator: equals, value: {name}}}
      person_accounts: none
    rollout:
      before_unpause: [review_settings, marketing_data_sharing, field_level_security, map_users,
                       map_fields, sales_access]
      after_unpause: [smoke_test, review_sync_errors]
"""
    for name in ("Japan", "Korea")
)


@pytest.mark.parametrize(
    ("address", "lang", "expected"),
    [
        (_MODULE.format(lang="ja/") + _PLAN_UNIT, "en", _MODULE.format(lang="") + _PLAN_UNIT),
        (_MODULE.format(lang="") + _SEED_UNIT, "ja", _MODULE.format(lang="ja/") + _SEED_UNIT),
        (_MODULE.format(lang="en/") + _SEED_UNIT, "en", _MODULE.format(lang="") + _SEED_UNIT),
        (_MODULE.format(lang="ja/") + _PLAN_UNIT, "ja", _MODULE.format(lang="ja/") + _PLAN_UNIT),
        (sources.url("considerations"), "ja", sources.url("considerations")),
    ],
)
def test_trailhead_addresses_follow_the_language(address: str, lang: str, expected: str) -> None:
    assert sources.localised(address, lang) == expected


def test_one_trailhead_unit_is_one_reference_in_either_language() -> None:
    citations = Citations("en")
    first = citations.cite(_MODULE.format(lang="ja/") + _PLAN_UNIT)
    assert citations.cite(_MODULE.format(lang="") + _PLAN_UNIT) == first == (1,)
    assert citations.urls == [_MODULE.format(lang="") + _PLAN_UNIT]


@pytest.mark.parametrize(
    ("lang", "unit", "title"),
    [
        ("en", _SEED_UNIT, "Trailhead — unit “Plan Your Pardot and Salesforce Integration”"),
        (
            "ja",
            _SEED_UNIT,
            "Trailhead — 単元「Pardot と Salesforce の インテグレーションを計画する」",
        ),
        ("en", _PLAN_UNIT, "Trailhead — unit “Plan Your Integration”"),
        ("ja", _PLAN_UNIT, "Trailhead — 単元「Plan Your Integration」（連携の計画）"),
    ],
)
def test_known_units_have_their_titles(lang: str, unit: str, title: str) -> None:
    address = _MODULE.format(lang="ja/" if lang == "ja" else "") + unit
    assert references._title(address, wording(lang)) == title


def test_an_unknown_unit_is_named_by_its_address() -> None:
    address = _MODULE.format(lang="") + "some-module/some-unit"
    assert references._title(address, wording("en")) == "Trailhead — unit “some unit”"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_report_cites_trailhead_in_its_language(linter: Linter, lang: str) -> None:
    analysis = linter.analyse_bytes(PLAN.encode("utf-8"), "plan.yaml")
    assert analysis.plan is not None
    context = ReportContext(
        analysis, analysis.plan, wording(lang), linter.rulebook, Citations(lang)
    )
    text = rendering.render("markdown", document(context, "markdown"))
    cited = re.findall(r"<(https://trailhead\.salesforce\.com/[^>]+)>", text)
    assert len(cited) == 2
    assert all(("/ja/" in address) == (lang == "ja") for address in cited)
    assert "/en/" not in "".join(cited)
    assert "integrate pardot" not in text.lower()
