"""``aeplan init``: ask the Trailhead unit's questions and write a commented plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import click

from planner.cli.options import LANGUAGES, lang_option
from planner.init.answers import CHOICES, Interview

if TYPE_CHECKING:
    from planner.init.plan_writer import Answers


def _choice(key: str) -> click.Choice[str]:
    return click.Choice(CHOICES[key])


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
        proposals = _proposals(given.pop("metadata"), target, lang)
        asker = None if no_input else _TerminalAsker()
        answers = Interview(lang, given, asker, **proposals).answers()
    except click.exceptions.Abort:
        # Input ended or Ctrl-C during a question: a usage outcome, not a crash.
        raise PlannerError(saying("aborted", lang), file=output) from None
    _write(target, answers, force)


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
        saying("found_mds", lang, fields=", ".join(found.mds_fields) or none),
        saying("found_campaigns", lang, types=", ".join(found.campaign_record_types) or none),
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
    from planner.init.interview import question

    chosen: str = click.prompt(
        question("lang", "en"), type=click.Choice(LANGUAGES), default=default
    )
    return chosen


class _TerminalAsker:
    """Questions asked at the terminal, with click's prompts."""

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
        kind: Any = str
        if choices:
            kind = click.Choice(choices)
        elif most:
            kind = click.IntRange(1, most)
        answer = click.prompt(text, default=default, show_default=bool(default), type=kind)
        return str(answer)


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
