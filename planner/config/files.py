"""Configuration files: find and validate ``.aeplan.toml``, ``aeplan.toml`` or ``[tool.aeplan]``."""

from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, cast

from planner import i18n, reading
from planner.errors import PlannerError, Said, said
from planner.i18n import LIST_SEPARATOR, fill

if TYPE_CHECKING:
    from planner.config.table import ConfigFile

# Within one folder the first of these wins; pyproject.toml counts only with a [tool.aeplan] table.
CONFIG_NAMES = (".aeplan.toml", "aeplan.toml", "pyproject.toml")

KEYS = (
    "select", "ignore", "extend-select", "severity", "per-file-ignores", "exclude", "fail-on",
    "lang", "rules", "metadata", "max-file-size", "max-depth", "max-nodes",
)  # fmt: skip
"""The keys of the aeplan table, in :class:`~planner.config.table.ConfigFile`'s order (a test
keeps them equal: this module does not import pydantic, which only a configuration file needs)."""


@dataclass(frozen=True)
class LoadedConfig:
    """A validated configuration table and where it came from."""

    path: Path
    values: ConfigFile
    text: str
    in_pyproject: bool

    @property
    def folder(self) -> Path:
        """The folder that relative paths and globs in this file are relative to."""
        return self.path.parent

    def line_of(self, key: str) -> int:
        """The line where ``key`` is set (0 when it cannot be found)."""
        return _line_of(self.text, key, self.in_pyproject)


def discover(start: Path) -> Optional[Path]:
    """The closest configuration file in ``start`` or a folder above it, or None."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_aeplan_table(candidate, shown(candidate, start)):
                return candidate
    return None


def shown(path: Path, cwd: Path) -> str:
    """How messages name a file: relative to the working folder (``../aeplan.toml`` above it)."""
    try:
        return Path(os.path.relpath(path.absolute(), cwd)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)


def _has_aeplan_table(path: Path, name: str) -> bool:
    try:
        text = reading.read_bytes(path).decode("utf-8")
    except (OSError, UnicodeDecodeError, reading.TooLarge):
        return False
    if "aeplan" not in text:  # most pyproject files never mention aeplan: skip parsing them
        return False
    tool = _parse(text, name).get("tool")
    return isinstance(tool, dict) and "aeplan" in tool


def load(path: Path, shown: Optional[str] = None) -> LoadedConfig:
    """Read and validate one configuration file; any defect is a one-line PlannerError.

    ``shown`` is how errors name the file (default: ``path`` as given).
    """
    name = shown or str(path)
    try:
        text = reading.read_text(path, "config")
    except PlannerError as error:
        raise PlannerError(error.message, file=name, key=error.key, params=error.params) from None
    document = _parse(text, name)
    in_pyproject = path.name == "pyproject.toml"
    table: Any = document
    if in_pyproject:
        tool = document.get("tool")
        table = tool.get("aeplan") if isinstance(tool, dict) else None
        if table is None:
            raise PlannerError.keyed("config.no_table", file=name)
        if not isinstance(table, dict):
            raise PlannerError.keyed("config.not_table", file=name)
    return LoadedConfig(
        path=path,
        values=_validate(table, text, name, in_pyproject),
        text=text,
        in_pyproject=in_pyproject,
    )


def _parse(text: str, name: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.9 and 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    try:
        document: dict[str, Any] = tomllib.loads(text)
        return document
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
        line, column = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
        if found:
            message = message[: found.start()] + message[found.end() :]
        ended = re.search(r"\s*\(at end of document\)", message)
        if ended:  # said at the last line, where the reader stopped
            message = message[: ended.start()] + message[ended.end() :]
            line = max(1, len(text.splitlines()))
        slug, what = _toml_problem(message)
        if slug in _OPENERS and line:  # tomllib stops where it gave up: name the opening bracket
            line, column = _unclosed(text, line, column, _OPENERS[slug]) or (line, column)
        # tomllib's own words only for a message aeplan does not know, and only in English
        detail = said(f"config.toml.{slug}", what=what) if slug else Said(
            message.strip(), fill("config.toml.other", "ja"))  # fmt: skip
        raise PlannerError.keyed(
            "config.invalid_toml", detail=detail, file=name, line=line, column=column
        ) from None
    except RecursionError:  # tomllib recurses per nesting level: hostile, not a bug
        detail = said("config.toml.nested")
        raise PlannerError.keyed("config.invalid_toml", detail=detail, file=name) from None
    except ValueError:  # e.g. an integer past Python's 4,300-digit conversion limit
        detail = said("config.toml.too_many_digits")
        raise PlannerError.keyed("config.invalid_toml", detail=detail, file=name) from None


# tomllib's (and tomli's) parse errors, each said in the message catalogue (``config.toml.<slug>``).
_TOML_PROBLEM_PATTERNS = (
    (r"^Cannot overwrite a value$", "overwrite"),
    (r"^Cannot declare (.+) twice$", "declared_twice"),
    (r"^Cannot (?:mutate immutable|redefine) namespace (.+)$", "redefined"),
    (r"^Duplicate inline table key (.+)$", "duplicate_inline_key"),
    (r"^Expected '=' after a key in a key/value pair$", "expected_equals"),
    (r"^Expected '\]\]?' at the end of an? (?:table|array) declaration$", "header"),
    (r"^Expected (.+)$", "expected"),
    (r"^(?:Found invalid|Illegal) character (.+)$", "bad_character"),
    (r"^Invalid initial character for a key part$", "bad_key"),
    (r"^Invalid statement$", "bad_statement"),
    (r"^Invalid value$", "bad_value"),
    (r"^Invalid date or datetime$", "bad_date"),
    (r"^Unclosed array$", "unclosed_array"),
    (r"^Unclosed inline table$", "unclosed_table"),
    (r"^Unterminated string$", "unterminated_string"),
    (r"^Unescaped '\\' in a string$", "bad_escape"),
    (r"^(?:Invalid hex value|Escaped character is not a Unicode scalar value)$", "bad_escape"),
)  # fmt: skip


_OPENERS = {"unclosed_array": "[", "unclosed_table": "{"}


def _unclosed(text: str, line: int, column: int, opener: str) -> Optional[tuple[int, int]]:
    """Line and column of the last ``opener`` still open before ``line:column``, strings and
    comments skipped (an unclosed ``[`` on line 2 that tomllib reports at 3:1)."""
    lines = text.splitlines(keepends=True)
    end = sum(len(part) for part in lines[: line - 1]) + max(0, column - 1)
    stack: list[tuple[str, int]] = []
    index, quote = 0, ""
    while index < min(end, len(text)):
        char = text[index]
        if quote:
            if char == "\\" and quote in ('"', '"""'):
                index += 2
                continue
            if text.startswith(quote, index):
                index += len(quote)
                quote = ""
                continue
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, index) else char
            index += len(quote)
            continue
        elif char == "#":
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
            continue
        elif char in "[{":
            stack.append((char, index))
        elif char in "]}" and stack:
            stack.pop()
        index += 1
    opened = [offset for char, offset in stack if char == opener]
    if not opened:
        return None
    before = text[: opened[-1]]
    return before.count("\n") + 1, opened[-1] - (before.rfind("\n") + 1) + 1


def _toml_problem(message: str) -> tuple[str, str]:
    """The catalogue slug of a TOML parse error ("" when unknown) and what it names."""
    for pattern, slug in _TOML_PROBLEM_PATTERNS:  # compiled here: most runs meet no bad TOML
        matched = re.match(pattern, message.strip())
        if matched:
            what = matched.group(1) if matched.groups() else ""
            if slug == "bad_character" and what == repr("\n"):  # a string still open at the end
                return "unterminated_string", ""
            return slug, what
    return "", ""


def _validate(table: dict[str, Any], text: str, name: str, in_pyproject: bool) -> ConfigFile:
    plain = plain_table(table)
    if plain is not None:  # a valid table needs no pydantic; the model explains any other
        return cast("ConfigFile", plain)
    from pydantic import ValidationError

    from planner.config.table import ConfigFile

    try:
        return ConfigFile.model_validate(table)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        location = [str(part) for part in first["loc"]]
        key = location[0] if location else ""
        line = _line_of(text, key, in_pyproject) if key else 0
        if first["type"] == "extra_forbidden":
            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            raise PlannerError.keyed(
                "config.unknown_key", key=key, known=LIST_SEPARATOR.join(KEYS), file=name,
                line=line,
                hint=_suggestion(key), hint_key="config.did_you_mean" if close else "",
                close=close[0] if close else "",
            ) from None  # fmt: skip
        parts = (f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"])
        where = "".join(parts).lstrip(".") or "aeplan"
        problem_key, params = _problem(first["type"], first.get("ctx") or {})
        meant = _meant(where, first.get("input"), params.get("choices", ""))
        raise PlannerError.keyed(
            "config.bad_value_close" if meant else "config.bad_value", close=meant or "",
            where=where, found=repr(first.get("input")), file=name, line=line,
            problem=fill(problem_key, "en", **params), problem_key=problem_key,
            choices=params.get("choices", ""), limit=params.get("limit", ""),
        ) from None  # fmt: skip


# pydantic's error types that a configuration file can meet, each said in the message catalogue.
_PROBLEMS = (
    "literal_error", "list_type", "dict_type", "string_type", "int_type", "greater_than",
    "string_pattern_mismatch", "string_too_short",
)  # fmt: skip


def _problem(kind: str, context: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The catalogue key (``config.problem.<type>``) and its params for one pydantic error."""
    if kind not in _PROBLEMS:
        return "config.problem.other", {}
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return "config.problem.literal_error", {"choices": LIST_SEPARATOR.join(choices)}
    if kind == "greater_than":
        return "config.problem.greater_than", {"limit": str(context.get("gt", 0))}
    return f"config.problem.{kind}", {}


def _meant(where: str, found: object, choices: str) -> Optional[str]:
    """The allowed value a wrong one evidently means (``lang = "jp"`` → ``ja``), if any."""
    if not isinstance(found, str) or not choices:
        return None
    if where == "lang":
        return i18n.meant(found)
    from planner.suggestions import suggest

    close = suggest(found, choices.split(", "))
    return close.value if close is not None else None


def _suggestion(key: str) -> str:
    close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _line_of(text: str, key: str, in_pyproject: bool) -> int:
    """Find where a top-level key of the aeplan table is set, by reading the TOML text."""
    prefix = "tool.aeplan" if in_pyproject else ""
    quoted = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    header = re.compile(r"^\s*\[\s*([^\]]*?)\s*\]")
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        opened = header.match(line)
        if opened:
            table = opened.group(1).replace(" ", "")
            if table == ".".join(filter(None, (prefix, key))):
                return number
            continue
        if table == prefix and re.match(rf"^\s*{quoted}\s*=", line):
            return number
    return 0


class TableValues:
    """A configuration table that :func:`plain_table` found valid: the attributes of
    :class:`~planner.config.table.ConfigFile` (None when not set) and ``model_fields_set``."""

    def __init__(self, given: dict[str, Any]) -> None:
        self.model_fields_set = frozenset(given)
        for key in KEYS:
            field = key.replace("-", "_")
            setattr(self, field, given.get(field))


_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_LEVELS = ("error", "warning", "info")
_KINDS = {
    "select": "codes", "ignore": "codes", "extend-select": "codes", "severity": "levels",
    "per-file-ignores": "ignores", "exclude": "globs", "fail-on": "fail_on", "lang": "lang",
    "rules": "globs", "metadata": "glob", "max-file-size": "count", "max-depth": "count",
    "max-nodes": "count",
}  # fmt: skip


def plain_table(table: Any) -> Optional[TableValues]:
    """The table's values when it is surely valid (what the model accepts, unchanged), else None:
    the model then validates it and names the problem. Saves importing pydantic for most files."""
    if type(table) is not dict:
        return None
    given: dict[str, Any] = {}
    for key, value in table.items():
        kind = _KINDS.get(key) if type(key) is str else None
        if kind is None or not _plain_value(kind, value):
            return None
        given[key.replace("-", "_")] = value
    return TableValues(given)


def _plain_value(kind: str, value: Any) -> bool:
    if kind == "codes":
        return type(value) is list and all(_code(item) for item in value)
    if kind == "globs":
        return type(value) is list and all(_glob(item) for item in value)
    if kind == "glob":
        return _glob(value)
    if kind == "levels":
        return type(value) is dict and all(
            _code(code) and type(level) is str and level in _LEVELS for code, level in value.items()
        )
    if kind == "ignores":
        return type(value) is dict and all(
            _glob(glob) and _plain_value("codes", codes) for glob, codes in value.items()
        )
    if kind == "fail_on":
        return type(value) is str and value in (*_LEVELS, "never")
    if kind == "lang":
        return type(value) is str and value in ("en", "ja")
    return type(value) is int and value > 0  # count


def _code(value: Any) -> bool:
    return type(value) is str and _CODE.fullmatch(value) is not None


def _glob(value: Any) -> bool:
    return type(value) is str and len(value) >= 1
