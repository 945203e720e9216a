"""Organisation rules: house policies in rule files of their own, declarative checks only."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import PlannerError
from planner.resources import data_path

if TYPE_CHECKING:
    from planner.rulebook import RuleSpec

RULE_FILE_SUFFIXES = (".rule.yaml", ".rule.yml")
BUILTIN_PREFIX = "AE"


def is_rule_file(path: Path) -> bool:
    """True for ``CODE.rule.yaml`` / ``CODE.rule.yml``: organisation rule files, never plans."""
    return path.name.endswith(RULE_FILE_SUFFIXES)


def code_in_file_name(path: Path) -> str:
    """The code a file name promises: ``ACME001`` from ``ACME001.rule.yaml``."""
    for suffix in RULE_FILE_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return path.stem


def organisation_rule_files(folder: Path) -> list[Path]:
    """The rule files in an organisation folder, sorted; a folder without any is an error."""
    if folder.is_file():
        raise PlannerError(
            "--rules takes a folder of CODE.rule.yaml files, not a file", file=str(folder)
        )
    if not folder.is_dir():
        raise PlannerError.keyed("file.rule_folder_missing", file=str(folder))
    if folder.resolve() == data_path("rules").resolve():
        raise PlannerError(
            "this is the folder of built-in rules, which always apply", file=str(folder)
        )
    found = sorted(path for path in folder.iterdir() if is_rule_file(path) and path.is_file())
    for path in sorted(folder.glob("*.y*ml")):
        if not is_rule_file(path) and _looks_like_a_code(path.stem):
            # A file named like a rule but without `.rule` would be silently skipped: say so.
            raise PlannerError(
                "organisation rule files are named CODE.rule.yaml; "
                f"rename it to {path.stem}.rule.yaml",
                file=str(path),
            )
    if not found:
        raise PlannerError(
            "no organisation rule files (CODE.rule.yaml) in this folder", file=str(folder)
        )
    return found


def check_organisation_rule(rule: RuleSpec, path: Path) -> None:
    """Refuse what only built-in rules may do: the ``AE`` prefix and Python checks."""
    from planner.rulebook import SchemaCheck

    if rule.code.startswith(BUILTIN_PREFIX):
        raise PlannerError(
            f"organisation rule code {rule.code} uses the prefix {BUILTIN_PREFIX}, "
            "which is reserved for built-in rules; use a prefix of your own (for example ACME001)",
            file=str(path),
        )
    if not isinstance(rule.check, SchemaCheck):
        raise PlannerError(
            "organisation rules may only use a declarative check (`for_each`, `when`, "
            "`report_at`); `python:` and `structural:` checks are built-in only",
            file=str(path),
        )
    _check_pointer("for_each", rule.check.for_each, path)
    _check_schema(rule.check.when, path)


def _check_pointer(key: str, pointer: str, path: Path) -> None:
    if pointer and not pointer.startswith("/"):
        raise PlannerError(
            f"check.{key} is a JSON pointer and starts with `/` (for example "
            f"/business_units/*), not {pointer!r}",
            file=str(path),
        )


def _check_schema(when: Mapping[str, Any], path: Path) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(when)
    except SchemaError as error:
        where = "/".join(str(part) for part in error.path)
        at = f" at `{where}`" if where else ""
        raise PlannerError(
            f"check.when is not a valid JSON Schema{at}: {error.message}", file=str(path)
        ) from None


def _looks_like_a_code(stem: str) -> bool:
    from planner.rulebook import CODE_PATTERN

    return re.fullmatch(CODE_PATTERN, stem) is not None
