"""Rule files: their format, and loading the built-in and organisation rule sets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Literal, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planner.errors import PlannerError
from planner.findings import Severity
from planner.organisation import (
    check_organisation_rule,
    code_in_file_name,
    organisation_rule_files,
)
from planner.resources import data_path

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

CODE_PATTERN = r"^[A-Z][A-Z0-9]{1,7}[0-9]{3}$"
NAME_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"


class _Strict(BaseModel):
    # defer_build: built-in rules come from the validated index (see rule_from_index), so the
    # validators are only built when a rule file is actually validated (an edited or org rule).
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Text(_Strict):
    """The same text in English and Japanese."""

    en: str = Field(min_length=1)
    ja: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``ja`` or ``en``)."""
        return self.ja if lang == "ja" else self.en


class Docs(_Strict):
    """The fixed sections of a rule's explanation."""

    what: Text
    why: Text
    fix: Text
    caveat: Optional[Text] = None


class Examples(_Strict):
    """A plan on which the rule fires (at the given pointers) and a fixed one on which it does not."""

    fail: str = Field(min_length=1)
    fail_at: List[str] = Field(min_length=1)
    pass_: str = Field(alias="pass", min_length=1)


class PythonCheck(_Strict):
    """A named check in ``planner.checks`` for logic JSON Schema cannot say well."""

    python: str


class SchemaCheck(_Strict):
    """Fires for each item matched by ``for_each`` whose context matches the ``when`` schema.

    The context document is ``{"plan": ..., "bu": ..., "item": ...}``: the normalised plan, the
    business unit the item belongs to (or null) and the item itself.
    """

    for_each: str = ""
    when: Dict[str, Any]
    report_at: str = ""


class StructuralCheck(_Strict):
    """Produced by the loader and format validation, not by the rule engine."""

    structural: Literal[True]


Check = Union[PythonCheck, SchemaCheck, StructuralCheck]


class Autofix(_Strict):
    """Whether ``aeplan lint --fix`` can fix this rule's findings, and how safely.

    ``availability``: ``always`` (every finding carries a fix) or ``sometimes`` (only when the
    intended value is evident). ``safety``: ``safe`` (applied by ``--fix``), ``unsafe`` (only
    with ``--unsafe-fixes``) or ``mixed`` (each fix says; a guess is never safe).
    """

    availability: Literal["always", "sometimes"]
    safety: Literal["safe", "unsafe", "mixed"]
    what: Text


class RuleSpec(_Strict):
    """One rule file."""

    code: str = Field(pattern=CODE_PATTERN)
    name: str = Field(pattern=NAME_PATTERN)
    severity: Severity
    summary: Text
    message: Text
    fix: Text
    docs: Docs
    facts: List[str] = Field(default_factory=list)
    references: List[str] = Field(default_factory=list)
    check: Check
    examples: Examples
    autofix: Optional[Autofix] = None

    @field_validator("facts")
    @classmethod
    def _fact_ids(cls, facts: List[str]) -> List[str]:
        for fact in facts:
            if not re.fullmatch(r"F\d{2,3}", fact):
                raise ValueError(f"fact ids look like F01, not {fact!r}")
        return facts


@dataclass(frozen=True)
class Rulebook:
    """The rules in force, by code, in code order."""

    rules: tuple[RuleSpec, ...]

    def by_code(self) -> dict[str, RuleSpec]:
        """Rules keyed by code."""
        return {rule.code: rule for rule in self.rules}

    def find(self, code_or_name: str) -> Optional[RuleSpec]:
        """A rule by its code (any case) or its name."""
        wanted = code_or_name.strip()
        for rule in self.rules:
            if rule.code == wanted.upper() or rule.name == wanted.lower():
                return rule
        return None


def builtin_rules_dir() -> Path:
    """The folder that holds the built-in rule files."""
    return data_path("rules")


def builtin_rule_files() -> list[Path]:
    """The built-in rule files, sorted."""
    return sorted(builtin_rules_dir().glob("*.y*ml"))


@lru_cache(maxsize=1)
def builtin_codes() -> frozenset[str]:
    """The codes of the built-in rules (each file is named after its code)."""
    return frozenset(code_in_file_name(path) for path in builtin_rule_files())


def load_rulebook(extra_dirs: tuple[Path, ...] = ()) -> Rulebook:
    """Load the built-in rules plus organisation rules from ``extra_dirs``."""
    rules: dict[str, RuleSpec] = {}
    builtin = builtin_rules_dir()
    if not builtin.is_dir():
        raise PlannerError("rule folder not found", file=str(builtin))
    from planner.rule_index import cached_rules

    builtin_files = builtin_rule_files()
    indexed = cached_rules(builtin, builtin_files) or {}
    files = [(path, False) for path in builtin_files]
    files += [(path, True) for folder in extra_dirs for path in organisation_rule_files(folder)]
    names: dict[str, str] = {}
    for path, organisation in files:
        raw = None if organisation else indexed.get(path.name)
        rule = load_rule_file(path) if raw is None else rule_from_index(raw)
        if organisation:
            check_organisation_rule(rule, path)
        if rule.code in rules:
            raise PlannerError(f"rule code {rule.code} is defined twice", file=str(path))
        if rule.name in names:
            raise PlannerError(
                f"rule name {rule.name} is already used by {names[rule.name]}", file=str(path)
            )
        rules[rule.code] = rule
        names[rule.name] = rule.code
    return Rulebook(tuple(sorted(rules.values(), key=lambda rule: rule.code)))


def load_rule_file(path: Path) -> RuleSpec:
    """Read and validate one rule file; any defect is a :class:`PlannerError` naming the file."""
    return rule_from_raw(read_rule_yaml(path), path)


def read_rule_yaml(path: Path) -> Any:
    """The plain data of a rule file; unreadable or invalid YAML is a :class:`PlannerError`."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError) as error:
        raise PlannerError(f"cannot read rule file: {error}", file=str(path)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise PlannerError(
            f"rule file is not valid YAML: {error.problem}",
            file=str(path),
            line=line,
            column=column,
        ) from None
    except yaml.YAMLError as error:
        raise PlannerError(f"rule file is not valid YAML: {error}", file=str(path)) from None


def rule_from_index(raw: dict[str, Any]) -> RuleSpec:
    """A built-in rule from the index, whose entries were validated when it was built."""

    def text(value: dict[str, str]) -> Text:
        return Text.model_construct(en=value["en"], ja=value["ja"])

    docs = raw["docs"]
    caveat = docs.get("caveat")
    check_data = raw["check"]
    check: Check
    if "python" in check_data:
        check = PythonCheck.model_construct(python=check_data["python"])
    elif "structural" in check_data:
        check = StructuralCheck.model_construct(structural=True)
    else:
        check = SchemaCheck.model_construct(
            for_each=check_data.get("for_each", ""), when=check_data["when"],
            report_at=check_data.get("report_at", ""),
        )  # fmt: skip
    examples = raw["examples"]
    autofix = raw.get("autofix")
    return RuleSpec.model_construct(
        autofix=Autofix.model_construct(
            availability=autofix["availability"], safety=autofix["safety"],
            what=text(autofix["what"]),
        ) if autofix else None,
        code=raw["code"], name=raw["name"], severity=Severity(raw["severity"]),
        summary=text(raw["summary"]), message=text(raw["message"]), fix=text(raw["fix"]),
        docs=Docs.model_construct(
            what=text(docs["what"]), why=text(docs["why"]), fix=text(docs["fix"]),
            caveat=text(caveat) if caveat else None,
        ),
        facts=list(raw.get("facts", [])), references=list(raw.get("references", [])),
        check=check,
        examples=Examples.model_construct(
            fail=examples["fail"], fail_at=list(examples["fail_at"]), pass_=examples["pass"]
        ),
    )  # fmt: skip


def rule_from_raw(raw: Any, path: Path) -> RuleSpec:
    """Validate a rule file's data; the file's name must be its code."""
    try:
        rule = RuleSpec.model_validate(raw)
    except ValidationError as error:
        raise PlannerError(f"bad rule file: {_problems(error, raw)}", file=str(path)) from None
    if code_in_file_name(path) != rule.code:
        raise PlannerError(f"rule code {rule.code} does not match the file name", file=str(path))
    return rule


_CHECK_KINDS = {"python": "PythonCheck", "structural": "StructuralCheck"}


def _problems(error: ValidationError, raw: Any) -> str:
    """The first problem and the count; for ``check``, only the kind of check the file meant."""
    check = raw.get("check") if isinstance(raw, dict) else None
    keys = set(check) if isinstance(check, dict) else set()
    meant = next((kind for key, kind in _CHECK_KINDS.items() if key in keys), "SchemaCheck")
    others = {"PythonCheck", "SchemaCheck", "StructuralCheck"} - {meant}
    problems = [
        problem
        for problem in error.errors(include_url=False)
        if not others & {str(part) for part in problem["loc"]}
    ] or error.errors(include_url=False)
    first = problems[0]
    where = ".".join(str(part) for part in first["loc"] if str(part) != meant) or "(top level)"
    count = len(problems)
    return f"{where}: {first['msg']} ({count} problem{'' if count == 1 else 's'} in all)"
