"""`aeplan explain <plan key>`: every key has a meaning in both languages."""

from __future__ import annotations

import pytest

from planner.catalogue import plan_keys


@pytest.mark.parametrize("dotted", ["plan", *plan_keys.every_key()])
def test_every_key_has_a_meaning_in_both_languages(dotted: str) -> None:
    key = plan_keys.find(dotted)
    assert key is not None
    assert plan_keys.meaning(key, "en"), dotted
    assert plan_keys.meaning(key, "ja"), dotted


def test_the_meaning_is_the_schema_description_editors_show() -> None:
    from planner.plan.schema_export import descriptions

    key = plan_keys.find("business_units.sync.scope")
    assert key is not None and key.owner == "Sync"
    assert plan_keys.meaning(key, "ja") == descriptions()["Sync.scope"]["ja"]


def test_a_key_is_found_by_dots_pointer_or_index() -> None:
    for spelling in ("business_units.sync.scope", "/business_units/0/sync/scope"):
        key = plan_keys.find(spelling)
        assert key is not None and key.dotted == "business_units.sync.scope"
    assert plan_keys.find("business_units.nope") is None


def test_explanation_lists_allowed_values_and_default() -> None:
    key = plan_keys.find("business_units.connector.state")
    assert key is not None
    text = plan_keys.explain_key(key, "en")
    assert "Allowed values: paused, active" in text
    assert "Optional (default: paused)." in text
    assert "使用できる値: paused、active" in plan_keys.explain_key(key, "ja")
