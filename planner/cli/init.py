"""``aeplan init``: ask the Trailhead unit's questions and write a commented plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import click

from planner.cli.options import LANGUAGES, boundary

if TYPE_CHECKING:
    from planner.init.plan_writer import Answers

MAX_BUSINESS_UNITS = 25  # practitioners report at most 25 business units (F49, medium confidence)

_YES_NO = {"yes": True, "no": False, "unknown": None}
_CHOICES: dict[str, tuple[str, ...]] = {
    "version": ("1", "2", "unknown"),
    "connector_user": ("integration_user", "custom_user", "undecided"),
    "custom_license": ("sales_cloud", "service_cloud", "platform", "none"),
    "scope": ("all_records", "marketing_data_sharing"),
    "same_email": ("yes", "no", "unknown"),
    "person_accounts": ("none", "sync", "instead_of_leads"),
    "sync_error_review": ("daily", "weekly", "monthly"),
}


def _choice(key: str) -> click.Choice[str]:
    return click.Choice(_CHOICES[key])


@click.command()
@click.option(
    "-o",
    "--output",
    default="aeplan.yaml",
    show_default=True,
    type=click.Path(),
    help="Where to write the plan.",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--no-input", is_flag=True, help="Ask nothing: use the flags below, else defaults.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of questions and plan.")
@click.option("--org", help="Label of the Salesforce org.")
@click.option(
    "--version",
    "--connector-version",
    "version",
    type=_choice("version"),
    help="Connector version (Account Engagement Settings > Account Settings).",
)
@click.option("--bus", help='Business unit names, comma-separated (e.g. "Japan,Korea").')
@click.option(
    "--connector-user", type=_choice("connector_user"), help="Who the connector logs in as."
)
@click.option("--custom-username", help="Username of a custom connector user.")
@click.option("--custom-license", type=_choice("custom_license"), help="Licence of a custom user.")
@click.option("--scope", type=_choice("scope"), help="All records or Marketing Data Sharing.")
@click.option("--mds-lead-field", help="Lead field an MDS rule tests.")
@click.option("--mds-contact-field", help="Contact field an MDS rule tests.")
@click.option("--same-email", type=_choice("same_email"), help="Same-email (AMPSEA) mode.")
@click.option("--person-accounts", type=_choice("person_accounts"), help="Person-account sync.")
@click.option("--person-account-record-type", help="Default person-account record type.")
@click.option("--ae-admins", help="Account Engagement admins, comma-separated.")
@click.option("--salesforce-admin", help="The Salesforce admin.")
@click.option("--owner", "sync_error_owner", help="Who watches sync errors.")
@click.option(
    "--review",
    "sync_error_review",
    type=_choice("sync_error_review"),
    help="How often sync errors are reviewed.",
)
@click.option("--partner", help="Implementation partner.")
@click.option(
    "--schema",
    metavar="PATH_OR_URL",
    help="Schema for the editor modeline, relative to the plan [default: plan.schema.json].",
)
def command(output: str, force: bool, no_input: bool, **given: Optional[str]) -> None:
    """Write a new plan from the Trailhead unit's questions (or from flags, with --no-input)."""
    with boundary():
        from planner.errors import PlannerError
        from planner.init.interview import saying

        target = Path(output)
        chosen = given.pop("lang")
        lang = chosen or "en"
        try:
            if chosen is None and not no_input:
                lang = _ask_language(lang)
            if target.exists() and not force:
                raise PlannerError(saying("exists", lang), file=output)
            answers = _Interview(lang, given, interactive=not no_input).answers()
        except click.exceptions.Abort:
            # Input ended or Ctrl-C during a question: a usage outcome, not a crash.
            raise PlannerError(saying("aborted", lang), file=output) from None
        _write(target, answers, force)


def _ask_language(default: str) -> str:
    from planner.init.interview import question

    chosen: str = click.prompt(
        question("lang", "en"), type=click.Choice(LANGUAGES), default=default
    )
    return chosen


class _Interview:
    """Answers from flags first, then from prompts (interactive) or defaults (``--no-input``)."""

    def __init__(self, lang: str, given: dict[str, Optional[str]], *, interactive: bool) -> None:
        self.lang = lang
        self.given = given
        self.interactive = interactive

    def ask(
        self, key: str, default: str, *, choices: bool = False, kind: Any = str, **params: object
    ) -> str:
        """One answer: the flag's value if given, else a prompt, else ``default``."""
        from planner.init.interview import hint, question

        supplied = self.given.get(key)
        if supplied is not None:
            return supplied.strip()
        if not self.interactive:
            return default
        if hint(key, self.lang):
            click.echo(hint(key, self.lang))
        answer: Any = click.prompt(
            question(key, self.lang, **params),
            default=default,
            show_default=bool(default),
            type=_choice(key) if choices else kind,
        )
        return str(answer).strip()

    def answers(self) -> Answers:
        """Every answer, asked in the Trailhead unit's order."""
        from planner.init.plan_writer import SCHEMA_REFERENCE, Answers

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
        person_accounts = self.ask("person_accounts", "none", choices=True)
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
            same_email=_YES_NO[same_email],
            person_accounts=person_accounts,
            person_account_record_type=record_type,
            **self._team(),
            schema=self.given.get("schema") or SCHEMA_REFERENCE,
        )

    def _business_units(self) -> tuple[str, ...]:
        from planner.errors import PlannerError
        from planner.init.interview import saying

        listed = self.given.get("bus")
        if listed is not None:
            names = tuple(name.strip() for name in listed.split(",") if name.strip())
            if not names:
                raise PlannerError(saying("no_names", self.lang))
            return names
        count = int(self.ask("bu_count", "1", kind=click.IntRange(1, MAX_BUSINESS_UNITS)))
        defaults = ("Main",) if count == 1 else tuple(f"BU {n}" for n in range(1, count + 1))
        return tuple(
            self.ask("bu_name", default, number=n + 1) for n, default in enumerate(defaults)
        )

    def _team(self) -> dict[str, Any]:
        admins = self.ask("ae_admins", "")
        return {
            "ae_admins": tuple(name.strip() for name in admins.split(",") if name.strip()),
            "salesforce_admin": self.ask("salesforce_admin", "") or None,
            "sync_error_owner": self.ask("sync_error_owner", "") or None,
            "sync_error_review": self.ask("sync_error_review", "weekly", choices=True),
            "partner": self.ask("partner", "") or None,
        }


def _write(target: Path, answers: Answers, force: bool) -> None:
    """Lint the new plan's text, write it atomically, then say what is left to decide."""
    from planner.atomic import write_text_atomically
    from planner.errors import PlannerError
    from planner.init.interview import open_question, saying
    from planner.init.plan_writer import render_plan
    from planner.lint.linter import Linter, LintResult
    from planner.reporters import reporter

    text = render_plan(answers)
    linter = Linter()
    analysis = linter.analyse_bytes(text.encode("utf-8"), str(target))
    if target.exists() and not force:
        raise PlannerError(saying("exists", answers.lang), file=str(target))
    write_text_atomically(target, text)
    lang = answers.lang
    click.echo(saying("written", lang, path=target))
    open_keys = answers.undecided()
    if not open_keys and not analysis.findings:
        click.echo(saying("clean", lang, path=target))
        return
    if open_keys:
        click.echo(saying("left", lang))
        for key in open_keys:
            click.echo(f"  - {open_question(key, lang)}")
    if analysis.findings:
        click.echo(saying("findings", lang))
        reporter("text").render(LintResult((analysis,), lang, linter.rulebook), sys.stdout)
