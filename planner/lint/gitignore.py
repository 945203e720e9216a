"""``.gitignore`` files: those above a walked folder (up to the repository root) and in it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from planner.lint.globs import PathPatterns

_MAX_BYTES = 1 << 20  # a .gitignore larger than this is not a real one: it is not read


@dataclass(frozen=True)
class IgnoreRules:
    """The ``.gitignore`` files in force for one folder, outermost first."""

    files: tuple[PathPatterns, ...] = ()

    def with_file(self, path: Path) -> IgnoreRules:
        """These rules plus the ``.gitignore`` at ``path`` (when it is a readable regular file)."""
        lines = _read(path)
        if not lines:
            return self
        return IgnoreRules((*self.files, PathPatterns(lines, path.parent)))

    def ignored(self, path: Path, *, folder: bool) -> bool:
        """True when the innermost file with a verdict on ``path`` ignores it (as git decides)."""
        for patterns in reversed(self.files):
            parts = _below(path, patterns.root)
            if parts is None:
                continue
            verdict = patterns.verdict(parts, folder)
            if verdict is not None:
                return verdict
        return False


def repository_rules(folder: Path) -> IgnoreRules:
    """The ``.gitignore`` files (and ``.git/info/exclude``) that apply above ``folder``.

    Looks upward only within a git repository (a folder holding ``.git``); outside one, only
    the ``.gitignore`` files met while walking count. Ancestor folders ignored by these rules are
    not checked here: naming a folder is asking for it.
    """
    start = Path(os.path.normpath(folder.absolute()))
    chain = [start, *start.parents]
    top = next((index for index, path in enumerate(chain) if (path / ".git").exists()), None)
    if top is None:
        return IgnoreRules()
    excluded = _read(chain[top] / ".git" / "info" / "exclude")
    rules = IgnoreRules((PathPatterns(excluded, chain[top]),) if excluded else ())
    for path in reversed(chain[1 : top + 1]):
        rules = rules.with_file(path / ".gitignore")
    return rules


def _below(path: Path, root: Path) -> tuple[str, ...] | None:
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return absolute.relative_to(root).parts
    except ValueError:
        return None


def _read(path: Path) -> list[str]:
    try:
        if not path.is_file() or path.stat().st_size > _MAX_BYTES:
            return []
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
