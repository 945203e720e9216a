"""``aeplan lint --fix`` / ``--diff``: apply findings' edits to plan text, re-lint, repeat.

Only the characters an edit names change, so the rest of the file (comments, layout, quoting,
line endings, a byte-order mark) stays byte-identical. A file is rewritten atomically and only
when its text changed, and never when it is not a regular UTF-8 file.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from planner.plan import fixes

if TYPE_CHECKING:
    from planner.lint.linter import Analysis, Linter

MAX_PASSES = 10


@dataclass(frozen=True)
class FileFix:
    """One plan's text before and after its fixes, and how many edits were applied."""

    path: str
    before: str
    after: str
    applied: int
    bom: bool = False

    @property
    def changed(self) -> bool:
        """True when the fixed text differs from the original."""
        return self.before != self.after

    def diff(self) -> str:
        """The change as a unified diff (``""`` when nothing changed)."""
        return fixes.unified_diff(self.path, self.before, self.after)


def fix_analysis(linter: Linter, analysis: Analysis, unsafe: bool) -> Optional[FileFix]:
    """The fixed text of one analysed plan (None when it has no applicable fix).

    Fixes are applied in passes (a fix can reveal another finding's fix) until none is left or
    :data:`MAX_PASSES` is reached. A pass whose result no longer parses is discarded.
    """
    text, current, applied = analysis.loaded.text, analysis, 0
    for _ in range(MAX_PASSES):
        edits = fixes.applicable((finding.edit for finding in current.findings), unsafe)
        if not edits:
            break
        candidate = fixes.apply(text, edits)
        again = linter.analyse_bytes(candidate.encode("utf-8"), analysis.path)
        if _parse_broken(again) and not _parse_broken(current):
            break
        text, current, applied = candidate, again, applied + len(edits)
    if not applied:
        return None
    return FileFix(analysis.path, analysis.loaded.text, text, applied)


def _parse_broken(analysis: Analysis) -> bool:
    return any(finding.code == "AE001" for finding in analysis.findings)


def writable_original(path: str, text: str) -> Optional[bool]:
    """Whether the file holds ``text`` as UTF-8 (True: after a BOM), or None (leave it alone)."""
    target = Path(path)
    if not target.is_file():
        return None
    raw = target.read_bytes()
    encoded = text.encode("utf-8")
    if raw == encoded:
        return False
    if raw == codecs.BOM_UTF8 + encoded:
        return True
    return None


def write(fix: FileFix) -> bool:
    """Replace the plan file with its fixed text, atomically; False when it was left alone."""
    from planner.atomic import write_text_atomically

    bom = writable_original(fix.path, fix.before)
    if bom is None or not fix.changed:
        return False
    write_text_atomically(fix.path, ("\ufeff" if bom else "") + fix.after)
    return True
