"""``aeplan lint`` without click, for the command lines CI runs most: a quicker start (issue 18).

:func:`parse` reads a narrow subset of ``aeplan lint``'s command line, exactly as click would
read it; anything else — ``--help``, an unknown, repeated or misspelt option, a value click
would refuse, ``-`` (standard input), ``--fix``, ``--diff``, ``--show-files``, the baselines,
``--stdin-filename``, shell completion — makes it return None, and click parses and reports as
always. A test checks that every command line it accepts gives click's own parameters.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Optional

from planner.lint.heap import SMALL_PLAN_BYTES
from planner.reporters import REPORTERS

# The choices of `aeplan lint`'s options (a test keeps them equal to the click command's).
FORMATS = tuple(REPORTERS)
LANGUAGES = ("en", "ja")
FAIL_ON = ("error", "warning", "info", "never")
COLOURS = ("auto", "always", "never")

_CHOICES = {"output_format": FORMATS, "lang": LANGUAGES, "fail_on": FAIL_ON, "colour": COLOURS}
# option → (parameter, kind): "choice", "path" (click.Path()), "file" (dir_okay=False), "many"
_VALUES = {
    "--format": ("output_format", "choice"),
    "-o": ("output_file", "path"),
    "--output-file": ("output_file", "path"),
    "--output": ("outputs", "many"),
    "--lang": ("lang", "choice"),
    "--fail-on": ("fail_on", "choice"),
    "--select": ("select", "many"),
    "--ignore": ("ignore", "many"),
    "--rules": ("rule_dirs", "many"),
    "--metadata": ("metadata", "path"),
    "--config": ("config_path", "file"),
    "--color": ("colour", "choice"),
}
_FLAGS = {
    "--exit-zero": "exit_zero",
    "--isolated": "isolated",
    "--statistics": "statistics",
    "-q": "quiet",
    "--quiet": "quiet",
    "--allow-empty": "allow_empty",
}
_COMPLETION = "_AEPLAN_COMPLETE"


def defaults() -> dict[str, Any]:
    """``aeplan lint``'s parameters when no option is given."""
    return {
        "paths": (), "output_format": None, "output_file": None, "outputs": (), "lang": None,
        "fail_on": None, "exit_zero": False, "select": (), "ignore": (), "rule_dirs": (),
        "metadata": None, "config_path": None, "isolated": False, "fix": False,
        "unsafe_fixes": False, "diff": False, "statistics": False, "stdin_filename": None,
        "colour": "auto", "baseline": None, "write_baseline": None, "quiet": False,
        "allow_empty": False, "show_files": False,
    }  # fmt: skip


def parse(argv: Sequence[str], environ: Mapping[str, str]) -> Optional[dict[str, Any]]:
    """The parameters click would give ``aeplan lint`` for ``argv`` (the words after
    ``aeplan``), or None when click should read this command line itself."""
    if not argv or argv[0] != "lint" or _COMPLETION in environ:
        return None
    params = defaults()
    paths: list[str] = []
    given: set[str] = set()
    words = list(argv[1:])
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word in ("-", "--"):
            return None
        if not word.startswith("-"):
            if not _path_ok(word, folders=True):
                return None
            paths.append(word)
            continue
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name in _FLAGS and not equals:
            params[_FLAGS[name]] = True
            continue
        if name not in _VALUES:
            return None
        if not equals:
            if index == len(words) or words[index].startswith("-"):
                return None  # click would take or refuse the next word: let it
            value = words[index]
            index += 1
        key, kind = _VALUES[name]
        if kind == "many":
            params[key] += (value,)
            continue
        if key in given or not _value_ok(key, kind, value):
            return None
        given.add(key)
        params[key] = value
    params["paths"] = tuple(paths)
    return params


def _value_ok(key: str, kind: str, value: str) -> bool:
    if kind == "choice":
        return value in _CHOICES[key]
    return _path_ok(value, folders=kind == "path")


def _path_ok(value: str, folders: bool) -> bool:
    """True when ``click.Path(exists=False)`` takes ``value`` as it is (no error to show)."""
    try:
        found = os.stat(value)
    except OSError:
        return True
    except ValueError:  # pragma: no cover - argv never holds a NUL
        return False
    if not folders and stat.S_ISDIR(found.st_mode):
        return False
    return os.access(value, os.R_OK)


# Plan files up to this many bytes in all are linted without the cycle collector, as report and
# compare run one plan (the reasons and the measurements are at planner.lint.heap).
_SMALL_RUN_BYTES = SMALL_PLAN_BYTES


def _small_files(paths: Sequence[str]) -> bool:
    """True when ``paths`` are regular files of :data:`_SMALL_RUN_BYTES` or fewer in all."""
    total = 0
    for path in paths:
        try:
            found = os.stat(path)
        except OSError:
            return False
        if not stat.S_ISREG(found.st_mode):
            return False
        total += found.st_size
    return bool(paths) and total <= _SMALL_RUN_BYTES


def run(argv: Sequence[str]) -> None:
    """Run ``aeplan lint`` from ``argv`` and exit, as :func:`planner.cli.group.main` would; return
    (having done nothing) when click should read the command line."""
    params = parse(argv, os.environ)
    if params is None:
        return
    from planner.cli import language, signals

    signals.install()
    gc.disable()  # as on click's path: no collection while modules load
    language.reset()
    language.use(language.early(list(argv), os.environ, Path.cwd()))
    language.warn_unknown(os.environ)
    from planner.cli.exits import boundary
    from planner.cli.linting import lint

    if not _small_files(params["paths"]):
        gc.enable()
    with boundary():
        lint(**params)
    sys.exit(0)
