"""The language of one run, known before any option is parsed, so every message can use it.

The order is :mod:`planner.i18n`'s: ``--lang``, then ``lang`` in the configuration file, then
``AEPLAN_LANG``, then the plan's ``language`` (a text scan, so a broken plan still counts),
then the locale, then English. Commands that resolve their settings later refine it with
:func:`use`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Optional

from planner import i18n, reading

_CURRENT: ContextVar[str] = ContextVar("aeplan_language", default="")
_CONFIG_LANG = re.compile(r"""^\s*lang\s*=\s*["'](en|ja)["']""", re.MULTILINE)
_PLAN_SUFFIXES = (".yaml", ".yml")
_SCAN_BYTES = 16384
# A configuration file larger than this is not scanned early; the real read reports it.
_SCAN_CONFIG_BYTES = 1024 * 1024


def current(environ: Mapping[str, str]) -> str:
    """The language chosen for this run (before :func:`use`: environment, then locale)."""
    return _CURRENT.get() or i18n.choose(i18n.from_environment(environ), i18n.from_locale(environ))


def use(lang: Optional[str]) -> None:
    """Make ``lang`` the run's language (ignored when it is not a supported one)."""
    chosen = i18n.valid(lang)
    if chosen:
        _CURRENT.set(chosen)


def warn_unknown(environ: Mapping[str, str]) -> None:
    """One warning line when ``AEPLAN_LANG`` names a language aeplan does not speak (``jp``):
    it is not silently ignored, and the run goes on in the language the order chooses."""
    unknown = i18n.unknown_in_environment(environ)
    if unknown is None:
        return
    import click  # only now: `aeplan lint`'s quick path runs without click

    lang = current(environ)
    close = i18n.meant(unknown)
    key = "cli.unknown_language_close" if close else "cli.unknown_language"
    message = i18n.fill(key, lang, value=unknown, choices=", ".join(i18n.LANGUAGES), close=close)
    click.echo(i18n.fill("cli.warning", lang, message=message), err=True)


def reset() -> None:
    """Forget the run's language (a new run in the same process starts afresh)."""
    _CURRENT.set("")


def chosen() -> Optional[str]:
    """The language something asked for (None: nothing did, so English by default)."""
    return _CURRENT.get() or None


def early(argv: Sequence[str], environ: Mapping[str, str], cwd: Path) -> Optional[str]:
    """The run's language from the raw command line, configuration text, environment and plans.

    None when none of them names one (the run then speaks English).
    """
    for candidate in (
        _option(argv, "--lang"),
        None if "--isolated" in argv else _configured(argv, cwd),
        i18n.from_environment(environ),
        _from_plans(argv),
        i18n.from_locale(environ),
    ):
        if i18n.valid(candidate):
            return i18n.valid(candidate)
    return None


def _option(argv: Sequence[str], name: str) -> Optional[str]:
    for index, arg in enumerate(argv):
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.partition("=")[2]
    return None


def _configured(argv: Sequence[str], cwd: Path) -> Optional[str]:
    """``lang`` from the configuration file's text (a file that fails validation still counts)."""
    from planner.config.files import CONFIG_NAMES

    given = _option(argv, "--config")
    candidates = [Path(given)] if given else [
        folder / name for folder in (cwd, *cwd.parents) for name in CONFIG_NAMES
    ]  # fmt: skip
    for candidate in candidates:
        try:
            head = reading.read_head(candidate, _SCAN_CONFIG_BYTES)
            text = head.decode("utf-8-sig", errors="replace")
        except OSError:
            continue
        if candidate.name == "pyproject.toml":
            if "[tool.aeplan]" not in text:
                continue
            text = text.split("[tool.aeplan]", 1)[1].split("\n[", 1)[0]
        found = _CONFIG_LANG.search(text)
        return found.group(1) if found else None
    return None


def _from_plans(argv: Sequence[str]) -> Optional[str]:
    """The ``language:`` of the first plan file named on the command line that declares one."""
    for arg in argv:
        if arg.startswith("-") or not arg.endswith(_PLAN_SUFFIXES):
            continue
        try:
            head = reading.read_head(arg, _SCAN_BYTES).decode("utf-8", errors="replace")
        except OSError:
            continue
        found = i18n.scan_plan_language(head)
        if found:
            return found
    return None


def configured(lang: Optional[str], environ: Mapping[str, str]) -> str:
    """The language of a command that reads no other setting (``rules``, ``explain``,
    ``schema``): ``--lang``, else the configuration file's ``lang``, else the environment and
    locale (see :func:`configured_choice`)."""
    return configured_choice(lang, environ) or current(environ)


def configured_choice(lang: Optional[str], environ: Mapping[str, str]) -> Optional[str]:
    """``--lang``, else the configuration file's ``lang``, else what :func:`chosen` says (None:
    nothing named one). The configuration file is read as every command reads it, so a broken one
    (``lang = "jp"``, a TOML syntax error) stops the run with the same one-line error, exit 2."""
    from planner.config.settings import Overrides, resolve

    settings = resolve(Overrides(lang=lang), environ=environ)
    use(settings.lang)
    return settings.lang or chosen()
