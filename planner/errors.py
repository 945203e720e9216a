"""The one error type that ends a command with exit code 2 (bad tool use, not bad plans)."""

from __future__ import annotations

from typing import Optional


class PlannerError(Exception):
    """A problem with how aeplan was used: a missing file, a bad option, a bad rule file.

    ``str(error)`` is a single line fit for stderr, naming the file (and line:column when known).
    """

    def __init__(
        self, message: str, *, file: Optional[str] = None, line: int = 0, column: int = 0
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """The message prefixed with ``file:line:col:`` where those are known."""
        where = ""
        if self.file is not None:
            where = self.file
            if self.line:
                where += f":{self.line}:{self.column or 1}"
            where += ": "
        return (where + self.message).replace("\n", " ").replace("\r", " ")
