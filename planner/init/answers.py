"""The interview of ``aeplan init``: each answer from a flag, else an asker, else its default.

No click here: the command line supplies a terminal :class:`Asker`, tests a scripted one. The
choices are the plan model's own vocabularies (``planner.plan.vocabulary``), plus "undecided" words.
"""

from __future__ import annotations

from typing import Any, Optional, Protocol, get_args

from planner.errors import PlannerError
from planner.init.interview import hint, question, saying
from planner.init.plan_writer import SCHEMA_REFERENCE, Answers
from planner.plan import vocabulary

MAX_BUSINESS_UNITS = 25  # practitioners report at most 25 business units (F49, medium confidence)

YES_NO: dict[str, Optional[bool]] = {"yes": True, "no": False, "unknown": None}


def _words(literal: Any, *extra: str, leave: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A ``Literal``'s values as words, without ``leave``, then ``extra``."""
    return tuple(str(value) for value in get_args(literal) if str(value) not in leave) + extra


CHOICES: dict[str, tuple[str, ...]] = {
    "version": _words(vocabulary.ConnectorVersion, "unknown"),
    "connector_user": _words(vocabulary.ConnectorUser, "undecided"),
    "custom_license": _words(vocabulary.License),
    "scope": _words(vocabulary.SyncScope),
    "same_email": tuple(YES_NO),
    "person_accounts_enabled": ("yes", "no"),
    "person_accounts": _words(vocabulary.PersonAccountMode),
    # A plan that never reviews sync errors is what a rule warns about: init does not offer it.
    "sync_error_review": _words(vocabulary.ReviewCadence, leave=("none",)),
}


class Asker(Protocol):
    """Whoever answers the questions: a terminal prompt, or a script in tests."""

    def tell(self, text: str) -> None:
        """Show a hint before a question."""

    def ask(
        self,
        text: str,
        default: str,
        *,
        choices: Optional[tuple[str, ...]] = None,
        most: Optional[int] = None,
    ) -> str:
        """The answer to ``text``: one of ``choices``, a whole number 1..``most``, or free text."""


class Interview:
    """Answers from flags first, then from the asker (``None``: use the defaults, ask nothing)."""

    def __init__(
        self,
        lang: str,
        given: dict[str, Optional[str]],
        asker: Optional[Asker] = None,
        *,
        defaults: Optional[dict[str, str]] = None,
        metadata: Optional[str] = None,
    ) -> None:
        """``defaults`` by question key (read from the org's metadata); ``metadata``: its path."""
        self.lang = lang
        self.given = given
        self.asker = asker
        self.defaults = defaults or {}
        self.metadata = metadata

    def ask(
        self, key: str, default: str, *, choices: bool = False, most: Optional[int] = None,
        **params: object,
    ) -> str:  # fmt: skip
        """One answer: the flag's value if given, else the asker's, else ``default``."""
        supplied = self.given.get(key)
        if supplied is not None:
            return supplied.strip()
        default = self.defaults.get(key, default)
        if self.asker is None:
            return default
        if hint(key, self.lang):
            self.asker.tell(hint(key, self.lang))
        answer = self.asker.ask(
            question(key, self.lang, **params),
            default,
            choices=CHOICES[key] if choices else None,
            most=most,
        )
        return answer.strip()

    def answers(self) -> Answers:
        """Every answer, asked in the Trailhead unit's order."""
        org = self.ask("org", "production")
        version = self.ask("version", "2", choices=True)
        units = self._business_units()
        user = self.ask(
            "connector_user", "custom_user" if version == "1" else "integration_user", choices=True
        )
        custom = user == "custom_user"
        username = self.ask("custom_username", "") if custom else ""
        license_ = self.ask("custom_license", "sales_cloud", choices=True) if custom else None
        scope = self.ask(
            "scope", "marketing_data_sharing" if len(units) > 1 else "all_records", choices=True
        )
        mds = scope == "marketing_data_sharing"
        lead_field = self.ask("mds_lead_field", "Marketing_BU__c") if mds else "Marketing_BU__c"
        contact_field = self.ask("mds_contact_field", lead_field) if mds else lead_field
        same_email = self.ask("same_email", "yes", choices=True)
        mode_given = self.given.get("person_accounts")
        enabled = self.ask(
            "person_accounts_enabled",
            "yes" if mode_given not in (None, "none") else "no",
            choices=True,
        )
        person_accounts = "none"
        if enabled == "yes":
            person_accounts = self.ask("person_accounts", "sync", choices=True)
        record_type = None
        if person_accounts == "instead_of_leads":
            record_type = self.ask("person_account_record_type", "Person Account")
        return Answers(
            lang=self.lang,
            org=org,
            version=None if version == "unknown" else int(version),
            business_units=units,
            connector_user=None if user == "undecided" else user,
            custom_username=username or None,
            custom_license=license_,
            scope=scope,
            mds_lead_field=lead_field,
            mds_contact_field=contact_field,
            same_email=YES_NO[same_email],
            person_accounts=person_accounts,
            person_accounts_enabled=enabled == "yes",
            person_account_record_type=record_type,
            **self._team(),
            schema=self.given.get("schema") or SCHEMA_REFERENCE,
            metadata=self.metadata,
        )

    def _business_units(self) -> tuple[str, ...]:
        listed = self.given.get("bus")
        if listed is not None:
            names = tuple(name.strip() for name in listed.split(",") if name.strip())
            if not names:
                raise PlannerError(saying("no_names", self.lang))
            return names
        count = int(self.ask("bu_count", "1", most=MAX_BUSINESS_UNITS))
        defaults = ("Main",) if count == 1 else tuple(f"BU {n}" for n in range(1, count + 1))
        chosen: list[str] = []
        for number, default in enumerate(defaults, start=1):
            name = self.ask("bu_name", default, number=number)
            while name in chosen and self.asker is not None:
                self.asker.tell(saying("duplicate_names", self.lang, names=name))
                name = self.ask("bu_name", f"{default} ({number})", number=number)
            chosen.append(name)
        return tuple(chosen)

    def _team(self) -> dict[str, Any]:
        admins = self.ask("ae_admins", "")
        return {
            "ae_admins": tuple(name.strip() for name in admins.split(",") if name.strip()),
            "salesforce_admin": self.ask("salesforce_admin", "") or None,
            "sync_error_owner": self.ask("sync_error_owner", "") or None,
            "sync_error_review": self.ask("sync_error_review", "weekly", choices=True),
            "partner": self.ask("partner", "") or None,
        }
