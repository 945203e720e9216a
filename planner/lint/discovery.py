"""Which files a lint run reads: every file named, and only plans inside the folders named.

Folders are walked like ruff walks them: without recursion (any depth), without following links
out of the folder, skipping hidden, VCS and virtual-environment folders and ``node_modules``,
honouring ``.gitignore`` (gitignore syntax through ``pathspec``), and keeping only YAML files that
are plans (a top-level ``aeplan:`` or ``business_units:`` key). A file named on the command
line is always read.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from planner.errors import PlannerError, os_reason
from planner.lint.globs import PathPatterns
from planner.rules.rulebook import is_rule_file

if TYPE_CHECKING:
    from planner.lint.gitignore import IgnoreRules

PLAN_SUFFIXES = (".yaml", ".yml")
# ruff's default `exclude`, less the Python-only caches that never hold YAML, plus `vendor`.
SKIPPED_FOLDERS = frozenset(
    {
        ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".svn", ".tox", ".nox",
        ".venv", "venv", "__pypackages__", "_build", "buck-out", "dist", "node_modules",
        "site-packages", "__pycache__",
    }
)  # fmt: skip
# A top-level `aeplan` key, at the start of a line (block style) or just inside a flow mapping.
# `business_units` counts too: a plan that forgot `aeplan: 1` must still meet AE005 in CI.
_PLAN_KEY = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:\{\s*)?[\"']?(?:aeplan|business_units)[\"']?[ \t]*:", re.MULTILINE
)
_CHUNK = 1 << 20

# Why a file or folder met in a walk is not linted (shown by `aeplan lint --show-files`).
HIDDEN = "hidden folder"
DEFAULT_EXCLUDED = "skipped by default: VCS, virtual environment or dependency folder"
VIRTUAL_ENVIRONMENT = "virtual environment: holds pyvenv.cfg"
GITIGNORED = "ignored by .gitignore"
EXCLUDED = "matches `exclude` in the configuration"
NOT_A_PLAN = "not a plan: no top-level `aeplan:` or `business_units:` key"
RULE_FILE = "organisation rule file: CODE.rule.yaml"
LINK_OUT = "symbolic link that leads out of the linted folder"
NOT_REGULAR = "not a regular file"
LINK_FOLDER = "symbolic link to a folder"
# The same reasons in the message catalogue (``skip.<name>``), so they are said in Japanese too.
REASON_KEYS = {
    HIDDEN: "skip.hidden", DEFAULT_EXCLUDED: "skip.default_excluded",
    VIRTUAL_ENVIRONMENT: "skip.virtual_environment", GITIGNORED: "skip.gitignored",
    EXCLUDED: "skip.excluded", NOT_A_PLAN: "skip.not_a_plan", RULE_FILE: "skip.rule_file",
    LINK_OUT: "skip.link_out", NOT_REGULAR: "skip.not_regular", LINK_FOLDER: "skip.link_folder",
}  # fmt: skip


@dataclass(frozen=True)
class Skipped:
    """A file or folder a walk met and did not lint, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Discovered:
    """The files to lint, in order (each once), and what was skipped on the way."""

    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...]


def discover(
    paths: Sequence[str], exclude: Optional[PathPatterns] = None, *, gitignore: bool = True
) -> Discovered:
    """The plan files ``paths`` stand for; a path that does not exist is a PlannerError.

    ``exclude`` (the configuration's patterns) applies to named files too, so pre-commit and
    editors that pass file names respect it; everything else only shapes folder walks.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        try:
            info = path.stat()
        except OSError:
            raise PlannerError.keyed("file.missing", file=given) from None
        folder = stat.S_ISDIR(info.st_mode)
        found: Iterator[Path]
        if exclude is not None and exclude.matches(path, is_folder=folder):
            skipped.append(Skipped(path, EXCLUDED))
            found = iter(())
        elif folder:
            found = _walk(path, exclude, gitignore, skipped)
        else:
            found = iter((path,))
        for file in found:
            key = os.path.normpath(file.absolute())
            if key not in seen:
                seen.add(key)
                files.append(file)
    return Discovered(tuple(files), tuple(skipped))


def _walk(
    top: Path, exclude: Optional[PathPatterns], gitignore: bool, skipped: list[Skipped]
) -> Iterator[Path]:
    """The plans below ``top``, sorted by path; an explicit stack, so depth costs no recursion."""
    real_top = os.path.realpath(top)
    from planner.lint.gitignore import IgnoreRules, repository_rules  # folder walks only

    ignores = repository_rules(top) if gitignore else IgnoreRules()
    stack: list[tuple[Path, IgnoreRules]] = [(top, ignores)]
    found: list[Path] = []
    while stack:
        folder, rules = stack.pop()
        if gitignore:
            rules = rules.with_file(folder / ".gitignore")
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            why, key = os_reason(error)
            raise PlannerError.keyed(
                "file.unreadable_folder", file=str(folder), reason=why, reason_key=key
            ) from None
        children: list[tuple[Path, IgnoreRules]] = []
        for entry in entries:
            path = folder / entry.name
            reason = _folder_reason(entry, path, rules, exclude, real_top)
            if reason == "":
                children.append((path, rules))
            elif reason is None:
                file_reason = _file_reason(entry, path, rules, exclude, real_top)
                if file_reason is None:
                    found.append(path)
                elif file_reason:
                    skipped.append(Skipped(path, file_reason))
            else:
                skipped.append(Skipped(path, reason))
        stack.extend(reversed(children))
    return iter(sorted(found))


def _folder_reason(
    entry: os.DirEntry[str],
    path: Path,
    rules: IgnoreRules,
    exclude: Optional[PathPatterns],
    real_top: str,
) -> Optional[str]:
    """None: not a folder; "": a folder to walk; else why the folder is skipped."""
    if not entry.is_dir(follow_symlinks=False):
        if entry.is_symlink() and entry.is_dir():
            return LINK_OUT if not _inside(path, real_top) else LINK_FOLDER
        return None
    if entry.name.startswith("."):
        return HIDDEN
    if entry.name in SKIPPED_FOLDERS:
        return DEFAULT_EXCLUDED
    if (path / "pyvenv.cfg").is_file():
        return VIRTUAL_ENVIRONMENT
    if rules.ignored(path, folder=True):
        return GITIGNORED
    if exclude is not None and exclude.matches_entry(path, is_folder=True):
        return EXCLUDED
    return ""


def _file_reason(
    entry: os.DirEntry[str],
    path: Path,
    rules: IgnoreRules,
    exclude: Optional[PathPatterns],
    real_top: str,
) -> Optional[str]:
    """None: a plan to lint; "": not a YAML file (not worth listing); else why it is skipped."""
    if not entry.name.endswith(PLAN_SUFFIXES):
        return ""
    if is_rule_file(path):
        return RULE_FILE
    if rules.ignored(path, folder=False):
        return GITIGNORED
    if exclude is not None and exclude.matches_entry(path, is_folder=False):
        return EXCLUDED
    if entry.is_symlink() and not _inside(path, real_top):
        return LINK_OUT
    try:
        if not entry.is_file(follow_symlinks=True):
            return NOT_REGULAR
    except OSError:
        return NOT_REGULAR
    return None if is_plan(path) else NOT_A_PLAN


def _inside(path: Path, real_top: str) -> bool:
    """True when ``path``, links resolved, is ``real_top`` or below it."""
    real = os.path.realpath(path)
    return real == real_top or real.startswith(real_top.rstrip(os.sep) + os.sep)


def is_plan(path: Path) -> bool:
    """True when the file has a top-level ``aeplan`` or ``business_units`` key.

    Read in chunks, so the cost is linear in the file and the memory is bounded; a file that
    cannot be read counts as a plan, so the lint run reports why.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(_CHUNK)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):
                text = (head + stream.read()).decode("utf-16", errors="replace")
                return _PLAN_KEY.search(text.encode("utf-8")) is not None
            tail = b""
            while head:
                block = tail + head
                if _PLAN_KEY.search(block):
                    return True
                partial = block[block.rfind(b"\n") + 1 :]
                # A long unfinished line cannot start with the key: keep a non-matching stand-in.
                tail = partial if len(partial) <= 64 else b"-"
                head = stream.read(_CHUNK)
    except OSError:
        return True
    return False
