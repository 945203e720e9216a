"""``aeplan init``: ask the Trailhead unit's questions and write a commented plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import click

from planner.commands import LANGUAGES, boundary

if TYPE_CHECKING:
    from planner.plan_writer import Answers

MAX_BUSINESS_UNITS = 25  # practitioners report at most 25 business units (F49, medium confidence)

_YES_NO = {"yes": True, "no": False, "unknown": None}
_CHOICES: dict[str, tuple[str, ...]] = {
    "version": ("1", "2", "unknown"),
    "connector_user": ("integration_user", "custom_user", "undecided"),
    "custom_license": ("sales_cloud", "service_cloud", "platform", "none"),
    "scope": ("all_records", "marketing_data_sharing"),
    "same_email": ("yes", "no", "unknown"),
    "person_accounts_enabled": ("yes", "no"),
    "person_accounts": ("none", "sync", "instead_of_leads"),
    "sync_error_review": ("daily", "weekly", "monthly"),
}


def _choice(key: str) -> click.Choice[str]:
    from planner.commands.answers import Answer

    return Answer(_CHOICES[key])


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
@click.option(
    "--person-accounts-enabled",
    type=_choice("person_accounts_enabled"),
    help="Person accounts are enabled in the Salesforce org.",
)
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
        from planner.commands.language import chosen as language_chosen
        from planner.errors import PlannerError
        from planner.interview import saying

        target = Path(output)
        chosen = given.pop("lang") or language_chosen()
        lang = chosen or "en"
        if target.is_dir():
            raise PlannerError.keyed("file.output_is_folder", file=output)
        _check_flags(given, lang)
        try:
            if chosen is None and not no_input:
                lang = _ask_language(lang)
            if target.exists() and not force:
                raise PlannerError(saying("exists", lang), file=output)
            answers = _Interview(lang, given, interactive=not no_input).answers()
        except click.exceptions.Abort:
            _stopped(lang)
        _write(target, answers, force)


def _stopped(lang: str) -> None:
    """Input ended (``< /dev/null``: suggest --no-input, exit 2) or Ctrl-C at a terminal (130)."""
    from planner.errors import PlannerError
    from planner.i18n import fill

    if not sys.stdin.isatty():
        raise PlannerError.keyed("cli.no_input") from None
    click.echo("", err=True)
    click.echo(fill("cli.interrupted", lang), err=True)
    sys.exit(130)


# Flags that only mean something with another answer: (flag, needs key, needs one of).
_DEPENDENT = (
    ("custom_username", "connector_user", ("custom_user",)),
    ("custom_license", "connector_user", ("custom_user",)),
    ("mds_lead_field", "scope", ("marketing_data_sharing",)),
    ("mds_contact_field", "scope", ("marketing_data_sharing",)),
    ("person_account_record_type", "person_accounts", ("instead_of_leads",)),
    ("person_accounts", "person_accounts_enabled", ("yes",)),
)


def _check_flags(given: dict[str, Optional[str]], lang: str) -> None:
    """Reject a flag whose companion answer rules it out, and repeated business unit names."""
    from planner.errors import PlannerError
    from planner.interview import saying

    for flag, needs, values in _DEPENDENT:
        companion = given.get(needs)
        if given.get(flag) is not None and companion is not None and companion not in values:
            if flag == "person_accounts" and given.get(flag) == "none":
                continue
            raise PlannerError(saying("orphan", lang, flag=_flag(flag), needs=_flag(needs),
                                      value=" | ".join(values)))  # fmt: skip
    names = [name.strip() for name in (given.get("bus") or "").split(",") if name.strip()]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise PlannerError(saying("duplicate_names", lang, names=", ".join(repeated)))


def _flag(key: str) -> str:
    return "--" + {"version": "connector-version"}.get(key, key.replace("_", "-"))


def _ask_language(default: str) -> str:
    from planner.commands.answers import Answer
    from planner.interview import question

    chosen: str = click.prompt(question("lang", "en"), type=Answer(LANGUAGES), default=default)
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
        from planner.interview import hint, question

        supplied = self.given.get(key)
        if supplied is not None:
            return supplied.strip()
        if not self.interactive:
            return default
        if hint(key, self.lang):
            click.echo(hint(key, self.lang))
        options = _CHOICES[key] if choices else ()
        text = question(key, self.lang, **params)
        if options:
            text += f" ({', '.join(options)})"
        while True:
            answer = str(click.prompt(text, default=default, show_default=bool(default)))
            understood = _understood(answer, options, kind)
            if understood is not None:
                return understood
            click.echo(_not_understood(answer, options, kind, self.lang), err=True)

    def answers(self) -> Answers:
        """Every answer, asked in the Trailhead unit's order."""
        from planner.plan_writer import SCHEMA_REFERENCE, Answers

        org = self.ask("org", "production")
        version = self.ask("version", "2", choices=True)
        units = self._business_units()
        user = self.ask("connector_user", "custom_user" if version == "1" else "integration_user",
                        choices=True)  # fmt: skip
        custom = user == "custom_user"
        username = self.ask("custom_username", "") if custom else ""
        license_ = self.ask("custom_license", "sales_cloud", choices=True) if custom else None
        scope = self.ask("scope", "marketing_data_sharing" if len(units) > 1 else "all_records",
                         choices=True)  # fmt: skip
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
            lang=self.lang, org=org, version=None if version == "unknown" else int(version),
            business_units=units, connector_user=None if user == "undecided" else user,
            custom_username=username or None, custom_license=license_, scope=scope,
            mds_lead_field=lead_field, mds_contact_field=contact_field,
            same_email=_YES_NO[same_email], person_accounts=person_accounts,
            person_accounts_enabled=enabled == "yes",
            person_account_record_type=record_type, **self._team(),
            schema=self.given.get("schema") or SCHEMA_REFERENCE,
        )  # fmt: skip

    def _business_units(self) -> tuple[str, ...]:
        from planner.errors import PlannerError
        from planner.interview import saying

        listed = self.given.get("bus")
        if listed is not None:
            names = tuple(name.strip() for name in listed.split(",") if name.strip())
            if not names:
                raise PlannerError(saying("no_names", self.lang))
            return names
        from planner.commands.answers import Count

        count = int(self.ask("bu_count", "1", kind=Count(1, MAX_BUSINESS_UNITS)))
        defaults = ("Main",) if count == 1 else tuple(f"BU {n}" for n in range(1, count + 1))
        chosen: list[str] = []
        for number, default in enumerate(defaults, start=1):
            name = self.ask("bu_name", default, number=number)
            while name in chosen and self.interactive:
                click.echo(saying("duplicate_names", self.lang, names=name))
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


def _understood(answer: str, options: tuple[str, ...], kind: Any) -> Optional[str]:
    """The answer as the plan takes it, or None when it is not one of ``options``/``kind``."""
    from planner.commands.answers import plain, resolve

    if options:
        return resolve(answer, options)
    if isinstance(kind, click.IntRange):
        number = plain(answer)
        low, high = kind.min or 0, kind.max or 0
        return number if number.isdigit() and low <= int(number) <= high else None
    return answer.strip()


def _not_understood(answer: str, options: tuple[str, ...], kind: Any, lang: str) -> str:
    """Why an answer was not taken, in the interview's language (the question is asked again)."""
    from planner.i18n import fill

    if options:
        return fill("init.saying.bad_choice", lang, value=answer, choices=", ".join(options))
    return fill("init.saying.bad_number", lang, value=answer, low=kind.min, high=kind.max)


def _write_schema(target: Path, answers: Answers) -> None:
    """The modeline's default schema file, next to the plan, when it is not there yet."""
    from planner.atomic import write_text_atomically
    from planner.interview import saying
    from planner.plan_writer import SCHEMA_REFERENCE
    from planner.schema_export import plan_schema_text

    schema = target.parent / SCHEMA_REFERENCE
    if answers.schema != SCHEMA_REFERENCE or schema.exists():
        return
    write_text_atomically(schema, plan_schema_text(), protected=(target,))
    click.echo(saying("schema_written", answers.lang, path=schema))


def _write(target: Path, answers: Answers, force: bool) -> None:
    """Lint the new plan's text, write it atomically, then say what is left to decide."""
    from planner.atomic import write_text_atomically
    from planner.errors import PlannerError
    from planner.interview import open_question, saying
    from planner.linting import Linter, LintResult
    from planner.plan_writer import render_plan
    from planner.reporters import reporter

    text = render_plan(answers)
    linter = Linter()
    analysis = linter.analyse_bytes(text.encode("utf-8"), str(target))
    if target.exists() and not force:
        raise PlannerError(saying("exists", answers.lang), file=str(target))
    write_text_atomically(target, text)
    lang = answers.lang
    click.echo(saying("written", lang, path=target))
    _write_schema(target, answers)
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
