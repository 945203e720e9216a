"""Configuration files: find and validate ``.aeplan.toml``, ``aeplan.toml`` or ``[tool.aeplan]``."""

from __future__ import annotations

import difflib
import os
import re
import sys
from pathlib import Path
from typing import Annotated, Any, Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from planner import reading
from planner.errors import PlannerError, Said, said
from planner.i18n import fill

# Within one folder the first of these wins; pyproject.toml counts only with a [tool.aeplan] table.
CONFIG_NAMES = (".aeplan.toml", "aeplan.toml", "pyproject.toml")

# A rule code or code prefix (AE402, AE4), or a rule name (secret-in-plan).
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")]
Glob = Annotated[str, StringConstraints(min_length=1)]
Level = Literal["error", "warning", "info"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class ConfigFile(BaseModel):
    """The keys of an aeplan configuration table (kebab-case in TOML)."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, alias_generator=_kebab, populate_by_name=False
    )

    select: Optional[List[Code]] = None
    ignore: Optional[List[Code]] = None
    extend_select: Optional[List[Code]] = None
    severity: Optional[Dict[Code, Level]] = None
    per_file_ignores: Optional[Dict[Glob, List[Code]]] = None
    exclude: Optional[List[Glob]] = None
    fail_on: Optional[Literal["error", "warning", "info", "never"]] = None
    lang: Optional[Literal["en", "ja"]] = None
    rules: Optional[List[Glob]] = None
    metadata: Optional[Glob] = None
    max_file_size: Optional[int] = Field(default=None, gt=0)
    max_depth: Optional[int] = Field(default=None, gt=0)
    max_nodes: Optional[int] = Field(default=None, gt=0)


KEYS = tuple(_kebab(name) for name in ConfigFile.model_fields)


class LoadedConfig(BaseModel):
    """A validated configuration table and where it came from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

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
_TOML_PROBLEMS = (
    (re.compile(r"^Cannot overwrite a value$"), "overwrite"),
    (re.compile(r"^Cannot declare (.+) twice$"), "declared_twice"),
    (re.compile(r"^Cannot (?:mutate immutable|redefine) namespace (.+)$"), "redefined"),
    (re.compile(r"^Duplicate inline table key (.+)$"), "duplicate_inline_key"),
    (re.compile(r"^Expected '=' after a key in a key/value pair$"), "expected_equals"),
    (re.compile(r"^Expected '\]\]?' at the end of an? (?:table|array) declaration$"), "header"),
    (re.compile(r"^Expected (.+)$"), "expected"),
    (re.compile(r"^(?:Found invalid|Illegal) character (.+)$"), "bad_character"),
    (re.compile(r"^Invalid initial character for a key part$"), "bad_key"),
    (re.compile(r"^Invalid statement$"), "bad_statement"),
    (re.compile(r"^Invalid value$"), "bad_value"),
    (re.compile(r"^Invalid date or datetime$"), "bad_date"),
    (re.compile(r"^Unclosed array$"), "unclosed_array"),
    (re.compile(r"^Unclosed inline table$"), "unclosed_table"),
    (re.compile(r"^Unterminated string$"), "unterminated_string"),
    (re.compile(r"^Unescaped '\\' in a string$"), "bad_escape"),
    (re.compile(r"^(?:Invalid hex value|Escaped character is not a Unicode scalar value)$"),
     "bad_escape"),
)  # fmt: skip


def _toml_problem(message: str) -> tuple[str, str]:
    """The catalogue slug of a TOML parse error ("" when unknown) and what it names."""
    for pattern, slug in _TOML_PROBLEMS:
        matched = pattern.match(message.strip())
        if matched:
            what = matched.group(1) if matched.groups() else ""
            if slug == "bad_character" and what == repr("\n"):  # a string still open at the end
                return "unterminated_string", ""
            return slug, what
    return "", ""


def _validate(table: dict[str, Any], text: str, name: str, in_pyproject: bool) -> ConfigFile:
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
                "config.unknown_key", key=key, known=", ".join(KEYS), file=name, line=line,
                hint=_suggestion(key), hint_key="config.did_you_mean" if close else "",
                close=close[0] if close else "",
            ) from None  # fmt: skip
        parts = (f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"])
        where = "".join(parts).lstrip(".") or "aeplan"
        problem_key, params = _problem(first["type"], first.get("ctx") or {})
        raise PlannerError.keyed(
            "config.bad_value", where=where, found=repr(first.get("input")), file=name, line=line,
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
        return "config.problem.literal_error", {"choices": ", ".join(choices)}
    if kind == "greater_than":
        return "config.problem.greater_than", {"limit": str(context.get("gt", 0))}
    return f"config.problem.{kind}", {}


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
