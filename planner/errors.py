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
                if isinstance(value, Said):
                    params[name] = value.in_language(lang)
            for name, value in self.params.items():
                if name.endswith("_key") and value:
                    params[name[: -len("_key")]] = fill(str(value), lang, **params)
            message = fill(self.key, lang, **params)
        where = ""
        if self.file is not None:
            where = self.file
            if self.line:
                where += f":{self.line}:{self.column or 1}"
            where += ": "
        return (where + message).replace("\n", " ").replace("\r", " ")


class Said(str):
    """Text already said in every language (a library's problem put into aeplan's words).

    As a ``str`` it is the English; :meth:`in_language` gives another. A :class:`PlannerError`
    param of this type is said in the language of :meth:`PlannerError.one_line`.
    """

    ja: str

    def __new__(cls, en: str, ja: str) -> Said:
        said = super().__new__(cls, en)
        said.ja = ja
        return said

    def in_language(self, lang: str) -> str:
        """The text in ``lang`` (English for any language it was not said in)."""
        return self.ja if lang == "ja" else str.__str__(self)


def said(key: str, /, **params: object) -> Said:
    """The catalogue sentence ``key`` in English and Japanese, filled with ``params``."""
    from planner.i18n import fill

    japanese = {
        name: value.ja if isinstance(value, Said) else value for name, value in params.items()
    }
    return Said(fill(key, "en", **params), fill(key, "ja", **japanese))


# errno → the catalogue's plain words (``reason.<kind>``); any other errno is named by its symbol.
_REASONS = {
    "ENOENT": "not_found", "EACCES": "permission", "EPERM": "not_permitted",
    "EISDIR": "is_folder", "ENOTDIR": "not_dir", "EROFS": "read_only", "ENOSPC": "no_space",
    "EDQUOT": "quota", "ENAMETOOLONG": "name_too_long", "ELOOP": "link_loop",
    "EMFILE": "too_many_open", "ENFILE": "too_many_open", "EBUSY": "busy",
    "ETXTBSY": "busy", "EFBIG": "too_big", "EIO": "io", "EEXIST": "exists",
    "EXDEV": "cross_device", "ENXIO": "no_device", "ENODEV": "no_device",
    "EAGAIN": "would_block", "EPIPE": "pipe", "EBADF": "closed", "EINVAL": "invalid",
    "ENOMEM": "no_memory", "ETIMEDOUT": "timed_out", "ESTALE": "stale", "ENOTEMPTY": "not_empty",
    "EINTR": "interrupted", "EOVERFLOW": "too_big", "ECONNREFUSED": "refused",
}  # fmt: skip


def os_reason(error: OSError) -> tuple[Said, str]:
    """Why a file could not be read or written, in every language, and its catalogue key.

    Every errno gets a key: the common ones plain words, any other ``reason.errno`` naming the
    errno's symbol (``EXYZ``), never Python's English ``strerror``.
    """
    import errno
    import os

    symbol = errno.errorcode.get(error.errno or 0, "")
    kind = _REASONS.get(symbol)
    if getattr(error, "not_regular", False):
        kind = "is_folder" if os.path.isdir(error.filename or "") else "not_regular"
    if kind is None:
        shown = symbol or (f"errno {error.errno}" if error.errno else type(error).__name__)
        return said("reason.errno", symbol=shown), ""
    return said(f"reason.{kind}"), f"reason.{kind}"
