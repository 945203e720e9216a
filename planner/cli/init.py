"""``aeplan init``: ask the Trailhead unit's questions and write a commented plan."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import click

from planner.cli.options import LANGUAGES, lang_option
from planner.i18n import LIST_SEPARATOR
from planner.init.answers import CHOICES, Interview

if TYPE_CHECKING:
    from planner.init.plan_writer import Answers


def _choice(key: str) -> click.Choice[str]:
    from planner.cli.replies import Answer

    return Answer(CHOICES[key])


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
@lang_option("Language of questions and plan.")
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
    "--metadata",
    metavar="PATH",
    help="Read the org's metadata (DX or Metadata API folder) to propose answers, and name it "
    "in the plan as salesforce.metadata.",
)
@click.option(
    "--schema",
    metavar="PATH_OR_URL",
    help="Schema for the editor modeline, relative to the plan [default: plan.schema.json].",
)
def command(output: str, force: bool, no_input: bool, **given: Optional[str]) -> None:
    """Write a new plan from the Trailhead unit's questions (or from flags, with --no-input)."""
    from planner.cli.language import configured_choice
    from planner.cli.language import use as use_language
    from planner.errors import PlannerError
    from planner.init.interview import saying

    target = Path(output)
    chosen = configured_choice(given.pop("lang"), os.environ)
    lang = chosen or "en"
    if target.is_dir():
        raise PlannerError.keyed("file.output_is_folder", file=output)
    _check_flags(given, lang)
    try:
        if chosen is None and not no_input:
            lang = _ask_language(lang)
            use_language(lang)  # every later message, errors included, in the answer's language
        if target.exists() and not force:
            raise PlannerError(saying("exists", lang), file=output)
        proposals = _proposals(given.pop("metadata"), target, lang)
        asker = None if no_input else _TerminalAsker(lang)
        answers = Interview(lang, given, asker, **proposals).answers()
    except click.exceptions.Abort:
        _stopped(lang)
    _write(target, answers, force)


def _stopped(lang: str) -> None:
    """Input ended (``< /dev/null``: suggest --no-input, exit 2) or Ctrl-C at a terminal (130)."""
    from planner.errors import PlannerError
    from planner.i18n import fill

    if not sys.stdin.isatty():
        raise PlannerError.keyed("cli.no_input") from None  # said in the run's language
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
    from planner.init.interview import saying

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
        raise PlannerError(saying("duplicate_names", lang, names=LIST_SEPARATOR.join(repeated)))


def _flag(key: str) -> str:
    return "--" + {"version": "connector-version"}.get(key, key.replace("_", "-"))


def _proposals(metadata: Optional[str], target: Path, lang: str) -> dict[str, Any]:
    """Defaults read from the org's metadata, after saying what was found."""
    if metadata is None:
        return {}
    import os

    from planner.init.interview import saying
    from planner.metadata.proposals import propose

    found = propose(Path(metadata), metadata)
    none = saying("none_found", lang)
    click.echo(saying("from_metadata", lang, path=metadata))
    lines = (
        saying("found_mds", lang, fields=LIST_SEPARATOR.join(found.mds_fields) or none),
        saying(
            "found_campaigns", lang, types=LIST_SEPARATOR.join(found.campaign_record_types) or none
        ),
        saying("found_person_accounts", lang, value="yes" if found.person_accounts else "no"),
    )
    for line in lines:
        click.echo(f"  - {line}")
    defaults = {"person_accounts": "sync" if found.person_accounts else "none"}
    if found.mds_fields:
        defaults["mds_lead_field"] = defaults["mds_contact_field"] = found.mds_fields[0]
    relative = Path(os.path.relpath(Path(metadata).absolute(), target.absolute().parent))
    return {"defaults": defaults, "metadata": relative.as_posix()}


def _ask_language(default: str) -> str:
    from planner.cli.replies import Answer
    from planner.init.interview import question

    chosen: str = click.prompt(question("lang", "en"), type=Answer(LANGUAGES), default=default)
    return chosen


class _TerminalAsker:
    """Questions asked at the terminal: unique prefixes, aliases (``y``, ``MDS``, はい/いいえ) and
    full-width digits are understood; anything else is explained and asked again."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def tell(self, text: str) -> None:
        click.echo(text)

    def ask(
        self,
        text: str,
        default: str,
        *,
        choices: Optional[tuple[str, ...]] = None,
        most: Optional[int] = None,
    ) -> str:
        from planner.cli.replies import plain, resolve
        from planner.i18n import fill

        if choices:
            listed = "、".join(choices)
            text += f"（{listed}）" if self.lang == "ja" else f" ({', '.join(choices)})"
        while True:
            answer = str(click.prompt(text, default=default, show_default=bool(default)))
            if choices:
                understood = resolve(answer, choices)
                # the y/n (はい/いいえ) hint only where yes and no are the answers
                yes_no = "yes" in choices and "no" in choices
                key = "init.saying.bad_choice_yes_no" if yes_no else "init.saying.bad_choice"
                why = fill(key, self.lang, value=answer, choices=LIST_SEPARATOR.join(choices))
            elif most:
                number = plain(answer)
                understood = number if number.isdigit() and 1 <= int(number) <= most else None
                why = fill("init.saying.bad_number", self.lang, value=answer, low=1, high=most)
            else:
                return answer.strip()
            if understood is not None:
                return understood
            click.echo(why, err=True)


def _write(target: Path, answers: Answers, force: bool) -> None:
    """Lint the new plan's text, write it atomically, then say what is left to decide."""
    from planner.atomic import write_text_atomically
    from planner.errors import PlannerError
    from planner.init.interview import open_question, saying
    from planner.init.plan_writer import render_plan
    from planner.lint.linter import Linter, LintResult
    from planner.plan.open_decisions import open_decisions
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
    plan = analysis.plan
    # The decisions the report counts as still open, unit by unit: one source for both.
    still_open = open_decisions(plan) if plan is not None else ()
    unnamed = answers.unnamed()
    if still_open:
        click.echo(saying("left", lang))
        for item in still_open:
            topic = open_question(f"decision.{item.topic}", lang)
            click.echo(f"  - {saying('left_item', lang, bu=item.unit, topic=topic)}")
    if unnamed:
        click.echo(saying("unnamed", lang))
        for key in unnamed:
            click.echo(f"  - {open_question(key, lang)}")
    if not analysis.findings:
        click.echo(saying("clean", lang, path=target))
    else:
        click.echo(saying("findings", lang))
        reporter("text").render(LintResult((analysis,), lang, linter.rulebook), sys.stdout)


def _write_schema(target: Path, answers: Answers) -> None:
    """The modeline's default schema file, next to the plan, when it is not there yet."""
    from planner.atomic import write_text_atomically
    from planner.init.interview import saying
    from planner.init.plan_writer import SCHEMA_REFERENCE
    from planner.plan.schema_export import plan_schema_text

    schema = target.parent / SCHEMA_REFERENCE
    if answers.schema != SCHEMA_REFERENCE or schema.exists():
        return
    write_text_atomically(schema, plan_schema_text(answers.lang), protected=(target,))
    click.echo(saying("schema_written", answers.lang, path=schema))
