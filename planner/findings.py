"""Findings: what a rule reports, as plain immutable data."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Optional


class Severity(str, enum.Enum):
    """How serious a finding is; ordered from most to least severe."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """A number that grows with severity (info 1, warning 2, error 3)."""
        return _RANK[self]


_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


@dataclass(frozen=True)
class Related:
    """Another file a finding rests on (the org's metadata), and the 1-based line (0: unknown)."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True)
class Edit:
    """Replace the text from ``line:column`` up to (not including) ``end_line:end_column``.

    Lines and columns are 1-based and count characters, as finding positions do. An insertion
    has equal start and end. ``safe`` edits keep the plan's meaning exactly as its author
    evidently meant it (``aeplan lint --fix``); the others are likely but not certain
    (``--unsafe-fixes``).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """One problem in one plan, at one place, in the language it was rendered in."""

    code: str
    name: str
    severity: Severity
    message: str
    file: str
    pointer: str
    line: int
    column: int
    fix: Optional[str] = None
    related: tuple[Related, ...] = ()
    edit: Optional[Edit] = None
    """The text change that fixes this finding, when one is known."""

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Stable order: file, position, code, pointer."""
        return (self.file, self.line, self.column, self.code, self.pointer)
