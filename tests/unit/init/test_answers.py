"""The interview without click: a scripted asker stands in for the terminal."""

from __future__ import annotations

from typing import Optional, get_args

import pytest

from planner.errors import PlannerError
from planner.init import interview
from planner.init.answers import CHOICES, MAX_BUSINESS_UNITS, Interview
from planner.plan import vocabulary


class ScriptedAsker:
    """Answers from a dict by question key order; records what it was asked."""

    def __init__(self, replies: dict[str, str]) -> None:
        self.replies = replies
        self.asked: list[tuple[str, str, Optional[tuple[str, ...]], Optional[int]]] = []
        self.told: list[str] = []

    def tell(self, text: str) -> None:
        self.told.append(text)

    def ask(
        self,
        text: str,
        default: str,
        *,
        choices: Optional[tuple[str, ...]] = None,
        most: Optional[int] = None,
    ) -> str:
        self.asked.append((text, default, choices, most))
        for key, reply in self.replies.items():
            if text == interview.question(key, "en", number=1):
                return reply
        return default


def test_choices_are_the_models_vocabulary() -> None:
    assert CHOICES["scope"] == get_args(vocabulary.SyncScope)
    assert CHOICES["person_accounts"] == get_args(vocabulary.PersonAccountMode)
    assert CHOICES["custom_license"] == get_args(vocabulary.License)
    assert CHOICES["version"] == ("1", "2", "unknown")
    assert CHOICES["connector_user"] == (*get_args(vocabulary.ConnectorUser), "undecided")
    assert CHOICES["sync_error_review"] == ("daily", "weekly", "monthly")


def test_an_asker_that_takes_every_default_gives_the_no_input_answers() -> None:
    asker = ScriptedAsker({})
    asked = Interview("en", {}, asker).answers()
    assert asked == Interview("en", {}).answers()
    texts = [text for text, *_ in asker.asked]
    assert texts[0] == interview.question("org", "en")
    bu_count = next(entry for entry in asker.asked if entry[3] is not None)
    assert bu_count[1:] == ("1", None, MAX_BUSINESS_UNITS)
    scope = next(entry for entry in asker.asked if entry[2] == CHOICES["scope"])
    assert scope[1] == "all_records"
    assert interview.hint("scope", "en") in asker.told


def test_flags_win_over_the_asker_and_answers_steer_later_questions() -> None:
    asker = ScriptedAsker({"version": "1", "connector_user": "custom_user"})
    answers = Interview("en", {"org": " acme ", "bus": "Japan, Korea"}, asker).answers()
    assert answers.org == "acme" and answers.business_units == ("Japan", "Korea")
    assert answers.version == 1 and answers.connector_user == "custom_user"
    assert answers.scope == "marketing_data_sharing"  # two BUs: MDS is the default
    assert interview.question("org", "en") not in [text for text, *_ in asker.asked]


def test_an_empty_list_of_business_units_is_a_usage_error() -> None:
    with pytest.raises(PlannerError):
        Interview("ja", {"bus": " , "}).answers()
