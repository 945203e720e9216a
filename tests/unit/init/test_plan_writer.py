"""The plan text `aeplan init` writes: safe quoting, determinism, and both languages complete."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import i18n
from planner.errors import PlannerError
from planner.init import interview
from planner.init.plan_comments import comment
from planner.init.plan_writer import Answers, before_unpause_steps, quoted, render_plan
from planner.limits import Limits
from planner.plan.events import load_text

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)

# The Trailhead unit's questions, in the order `aeplan init` asks them.
QUESTION_ORDER = (
    "org", "version", "bu_count", "bu_name", "connector_user", "custom_username", "custom_license",
    "scope", "mds_lead_field", "mds_contact_field", "same_email", "person_accounts_enabled",
    "person_accounts", "person_account_record_type", "ae_admins", "salesforce_admin",
    "sync_error_owner", "sync_error_review", "partner",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_quoted_text_reads_back_unchanged(text: str) -> None:
    document = f"value: {quoted(text)}\n"
    assert yaml.safe_load(document) == {"value": text}
    assert load_text(document, Limits()).data == {"value": text}


def test_stray_surrogates_are_a_planner_error() -> None:
    with pytest.raises(PlannerError, match="not valid text"):
        quoted("caf\udce9")


def test_rendering_is_deterministic_and_ends_with_one_newline() -> None:
    answers = Answers(business_units=("Japan", "Korea"), scope="marketing_data_sharing")
    text = render_plan(answers)
    assert text == render_plan(answers)
    assert text.endswith("]\n") and not text.endswith("\n\n")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=plan.schema.json"


def test_steps_before_unpause_follow_the_decisions() -> None:
    assert before_unpause_steps(Answers()) == [
        "review_settings", "map_users", "map_fields", "sales_access",
    ]  # fmt: skip
    everything = Answers(
        scope="marketing_data_sharing", connector_user="custom_user", person_accounts="sync"
    )
    assert before_unpause_steps(everything)[:5] == [
        "review_settings",
        "marketing_data_sharing",
        "connector_user_permissions",
        "field_level_security",
        "person_accounts",
    ]
    mds = Answers(scope="marketing_data_sharing")
    assert "field_level_security" in before_unpause_steps(mds)  # AE317


def test_v1_connector_is_active_without_pre_unpause_steps() -> None:
    text = render_plan(Answers(version=1, connector_user="custom_user"))
    assert "state: active" in text
    assert "before_unpause" not in text


def test_undecided_answers_stay_visible_as_commented_keys() -> None:
    answers = Answers(version=None, connector_user=None, same_email=None)
    text = render_plan(answers)
    assert "# version: 2" in text
    assert "# user: integration_user" in text
    assert "# sync_error_owner:" in text
    assert answers.unnamed() == ["salesforce_admin", "ae_admins", "sync_error_owner"]


def test_every_comment_and_question_exists_in_both_languages() -> None:
    keys = [key for key in i18n.catalogue("en") if key.startswith("init.comment.")]
    assert keys
    for key in keys:
        english, japanese = (
            comment(key.removeprefix("init.comment."), lang) for lang in i18n.LANGUAGES
        )
        assert english and japanese, key
        assert all(line.strip() for line in english + japanese), key
    for key in QUESTION_ORDER:
        assert interview.question(key, "en") != interview.question(key, "ja"), key
    assert "取引先" not in interview.question("org", "ja")
