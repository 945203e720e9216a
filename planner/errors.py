"""The one error type that ends a command with exit code 2 (bad tool use, not bad plans)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional


class PlannerError(Exception):
    """A problem with how aeplan was used: a missing file, a bad option, a bad rule file.

    ``str(error)`` is a single English line fit for stderr, naming the file (and line:column
    when known). An error made with :meth:`keyed` names a message-catalogue key, so
    :meth:`one_line` can say it in Japanese too.
    """

    def __init__(
        self,
        message: str,
        *,
        file: Optional[str] = None,
        line: int = 0,
        column: int = 0,
        key: Optional[str] = None,
        params: Optional[Mapping[str, object]] = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.params = dict(params or {})
        super().__init__(self.one_line())

    @classmethod
    def keyed(
        cls, key: str, /, *, file: Optional[str] = None, line: int = 0, column: int = 0,
        **params: object,
    ) -> PlannerError:  # fmt: skip
        """An error whose message is the catalogue sentence ``key`` filled with ``params``."""
        from planner.i18n import fill

        message = fill(key, "en", **params)
        return cls(message, file=file, line=line, column=column, key=key, params=params)

    def one_line(self, lang: str = "en") -> str:
        """The message in ``lang``, prefixed with ``file:line:col:`` where those are known."""
        message = self.message
        if self.key is not None and lang != "en":
            from planner.i18n import fill

            # A ``<name>_key`` param is itself a catalogue key, said in ``lang`` as ``<name>``.
            params = dict(self.params)
            for name, value in self.params.items():
                if name.endswith("_key") and value:
                    params[name[: -len("_key")]] = fill(str(value), lang, **self.params)
            message = fill(self.key, lang, **params)
        where = ""
        if self.file is not None:
            where = self.file
            if self.line:
                where += f":{self.line}:{self.column or 1}"
            where += ": "
        return (where + message).replace("\n", " ").replace("\r", " ")


def os_reason(error: OSError) -> tuple[str, str]:
    """Why a file could not be read or written: English words and their catalogue key (or "")."""
    import errno
    import os

    from planner.i18n import fill

    kinds = {
        errno.ENOENT: "not_found", errno.EACCES: "permission", errno.EISDIR: "is_folder",
        errno.EROFS: "read_only", errno.ENOSPC: "no_space", errno.ENOTDIR: "not_dir",
        errno.ENAMETOOLONG: "name_too_long", errno.ELOOP: "link_loop",
    }  # fmt: skip
    kind = kinds.get(error.errno or 0)
    if getattr(error, "not_regular", False):
        kind = "is_folder" if os.path.isdir(error.filename or "") else "not_regular"
    if kind is None:
        return str(error.strerror or error), ""
    return fill(f"reason.{kind}", "en"), f"reason.{kind}"
