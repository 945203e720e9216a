"""Click's usage errors in the language of the run (click itself speaks only English)."""

from __future__ import annotations

import re
import sys
from typing import Optional

import click

from planner import i18n, suggestions

_CHOICE = re.compile(r"^'?(?P<value>.*?)'? is not (?:one of )?(?P<choices>'.*')\.?$")
_INTEGER = re.compile(r"^'?(?P<value>.*?)'? is not a valid integer( range)?\.?$")
_RANGE = re.compile(r"^'?(?P<value>.*?)'? is not in the range (?P<range>.*?)\.?$")
_MISSING_PATH = re.compile(r"^(?:File|Path|Directory) '(?P<value>.*)' does not exist\.?$")
_FOLDER = re.compile(r"^(?:File|Path) '(?P<value>.*)' is a directory\.?$")
_NO_COMMAND = re.compile(r"^No such command '(?P<name>.*?)'\.(?: Did you mean '(?P<close>.*?)'\?)?")
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<value>.*)\)$")


def show(error: click.ClickException, lang: str, command_path: Optional[str] = None) -> None:
    """Print a usage error as one line in ``lang`` — ``aeplan: error: …`` and where help is —
    the format of every other error (click's own block is four lines, in English only).

    ``command_path`` names the command for the help hint when click's error carries no context
    (an option's missing value is found before the command's context exists)."""
    message = translated(error, lang)
    listed = _NO_COMMAND.match(error.format_message())  # says itself where the list is
    context: Optional[click.Context] = getattr(error, "ctx", None)
    if context is not None:
        command_path = context.command_path
    if isinstance(error, click.UsageError) and command_path and not listed:
        hint = i18n.fill("cli.usage_hint", lang, command=command_path)
        message = i18n.fill("cli.usage_error", lang, message=message, hint=hint)
    click.echo(i18n.fill("cli.error", lang, message=message), err=True, file=sys.stderr)


def translated(error: click.ClickException, lang: str) -> str:
    """The error's message in ``lang`` (click's English one when no translation applies)."""
    text = error.format_message()
    if isinstance(error, click.NoSuchOption):
        close = sorted(error.possibilities or ())
        if close:
            return i18n.fill("cli.no_such_option_suggest", lang, name=error.option_name,
                             suggestion=close[0])  # fmt: skip
        return i18n.fill("cli.no_such_option", lang, name=error.option_name)
    if isinstance(error, click.BadOptionUsage) and "requires an argument" in text:
        return i18n.fill("cli.option_needs_value", lang, name=error.option_name)
    if isinstance(error, click.BadOptionUsage) and "does not take a value" in text:
        return i18n.fill("cli.option_takes_no_value", lang, name=error.option_name)
    if isinstance(error, click.MissingParameter):
        name = _parameter_name(error)
        option = isinstance(error.param, click.Option)
        kind = "cli.missing_option" if option else "cli.missing_argument"
        return i18n.fill(kind, lang, name=name)
    if isinstance(error, click.BadParameter):
        return _bad_parameter(error, lang)
    found = _NO_COMMAND.match(text)
    if found:
        nearest = found.group("close") or _nearest_command(error, found.group("name"))
        if nearest:
            return i18n.fill("cli.no_such_command_suggest", lang, name=found.group("name"),
                             suggestion=nearest)  # fmt: skip
        return i18n.fill("cli.no_such_command", lang, name=found.group("name"))
    found = _EXTRA.match(text)
    if found:
        return i18n.fill("cli.extra_argument", lang, value=found.group("value"))
    return text


def _nearest_command(error: click.ClickException, name: str) -> Optional[str]:
    """The command ``name`` most likely means (`lnt` → `lint`), None when none is close."""
    context = getattr(error, "ctx", None)
    if context is None or not isinstance(context.command, click.Group):
        return None
    found = suggestions.suggest(name, context.command.list_commands(context))
    return found.value if found is not None else None


def _bad_parameter(error: click.BadParameter, lang: str) -> str:
    name = _parameter_name(error)
    detail = error.message
    for pattern, key in ((_CHOICE, "cli.bad_choice"), (_RANGE, "cli.out_of_range"),
                         (_INTEGER, "cli.bad_integer"), (_MISSING_PATH, "cli.path_missing"),
                         (_FOLDER, "cli.path_is_folder")):  # fmt: skip
        found = pattern.match(detail)
        if found:
            values = found.groupdict()
            if "choices" in values:
                values["choices"] = (
                    values["choices"].replace("'", "").replace(", ", i18n.LIST_SEPARATOR)
                )
            return i18n.fill(key, lang, name=name, **values)
    return i18n.fill("cli.bad_value", lang, name=name, detail=detail)


def _parameter_name(error: click.BadParameter) -> str:
    if error.param_hint is not None and isinstance(error.param_hint, str):
        return error.param_hint
    if error.param is not None:
        hint: Optional[str] = error.param.get_error_hint(error.ctx) if error.ctx else None
        return hint or str(error.param.name)
    return "?"
