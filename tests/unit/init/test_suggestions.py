"""The value a user meant, and whether writing it is certain."""

from __future__ import annotations

import pytest

from planner.cli.replies import resolve
from planner.suggestions import Suggestion, suggest

STATES = ("paused", "active")
SCOPES = ("all_records", "marketing_data_sharing")
USERS = ("integration_user", "custom_user")


@pytest.mark.parametrize(
    ("given", "allowed", "expected"),
    [
        ("Paused", STATES, Suggestion("paused", True)),
        ("MDS", SCOPES, Suggestion("marketing_data_sharing", True)),
        ("integration user", USERS, Suggestion("integration_user", True)),
        ("All-Records", SCOPES, Suggestion("all_records", True)),
        ("integ", USERS, Suggestion("integration_user", False)),
        ("pasued", STATES, Suggestion("paused", False)),
        ("banana", STATES, None),
        ("", STATES, None),
        ("mds", STATES, None),  # an alias counts only where its target is allowed
        ("jp", ("en", "ja"), Suggestion("ja", True)),
        ("lnit", ("init", "lint", "report"), Suggestion("lint", False)),  # two letters swapped
        ("reprot", ("init", "lint", "report"), Suggestion("report", False)),
    ],
)
def test_suggest(given: str, allowed: tuple[str, ...], expected: Suggestion | None) -> None:
    assert suggest(given, allowed) == expected


@pytest.mark.parametrize(
    ("answer", "choices", "expected"),
    [
        ("はい", ("yes", "no", "unknown"), "yes"),
        ("いいえ", ("yes", "no", "unknown"), "no"),
        ("Y", ("yes", "no"), "yes"),
        ("２", ("1", "2", "unknown"), "2"),
        ("ｊａ", ("en", "ja"), "ja"),
        ("int", ("integration_user", "custom_user", "undecided"), "integration_user"),
        ("u", ("integration_user", "custom_user", "undecided", "unknown"), None),
        ("MDS", ("all_records", "marketing_data_sharing"), "marketing_data_sharing"),
    ],
)
def test_init_answers(answer: str, choices: tuple[str, ...], expected: str | None) -> None:
    assert resolve(answer, choices) == expected
