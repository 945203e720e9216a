"""Rule files: their names, their format (pydantic, as read from disk), and reading one file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planner import reading
from planner.errors import PlannerError
from planner.findings import Severity
from planner.resources import data_path

CODE_PATTERN = r"^[A-Z][A-Z0-9]{1,7}[0-9]{3}$"
NAME_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
RULE_FILE_SUFFIXES = (".rule.yaml", ".rule.yml")


def is_rule_file(path: Path) -> bool:
    """True for ``CODE.rule.yaml`` / ``CODE.rule.yml``: organisation rule files, never plans."""
    return path.name.endswith(RULE_FILE_SUFFIXES)


def code_in_file_name(path: Path) -> str:
    """The code a file name promises: ``ACME001`` from ``ACME001.rule.yaml``."""
    for suffix in RULE_FILE_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return path.stem


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


class ExampleMetadata(_Strict):
    """Org metadata the examples are checked against: folder names under ``samples/metadata/``."""

    fail: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    pass_: str = Field(alias="pass", min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")


class Examples(_Strict):
    """A plan on which the rule fires (at the given pointers) and a fixed one on which it does not.

    Metadata rules name the org metadata each example is linted with (``metadata``).
    """

    fail: str = Field(min_length=1)
    fail_at: List[str] = Field(min_length=1)
    pass_: str = Field(alias="pass", min_length=1)
    metadata: Optional[ExampleMetadata] = None


class PythonCheck(_Strict):
    """A named check in ``planner.rules.checks`` for logic JSON Schema cannot say well."""

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


def load_rule_file(path: Path) -> RuleSpec:
    """Read and validate one rule file; any defect is a :class:`PlannerError` naming the file."""
    return rule_from_raw(read_rule_yaml(path), path)


def read_rule_yaml(path: Path) -> Any:
    """The plain data of a rule file; unreadable or invalid YAML is a :class:`PlannerError`.

    Rule files may come from an untrusted pull request, so they are read like plans: bounded
    by bytes read, nesting depth and values after alias expansion (``planner.limits``), built
    iteratively from parser events (no recursion, no Python tags).
    """
    from planner.limits import Limits
    from planner.phrases import structural_detail
    from planner.plan.events import load_text

    loaded = load_text(reading.read_text(path, "rule_file"), Limits())
    fatal = [problem for problem in loaded.problems if problem.code != "AE004"]
    if fatal:
        problem = fatal[0]
        raise PlannerError(
            f"rule file is not valid YAML: {structural_detail(problem.code, problem.params, 'en')}",
            file=str(path), line=problem.position.line, column=problem.position.column,
        )  # fmt: skip
    return loaded.data


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
            for_each=check_data.get("for_each", ""),
            when=check_data["when"],
            report_at=check_data.get("report_at", ""),
        )
    examples = raw["examples"]
    folders = examples.get("metadata")
    metadata = (
        ExampleMetadata.model_construct(fail=folders["fail"], pass_=folders["pass"])
        if folders
        else None
    )
    autofix = raw.get("autofix")
    return RuleSpec.model_construct(
        autofix=Autofix.model_construct(
            availability=autofix["availability"],
            safety=autofix["safety"],
            what=text(autofix["what"]),
        )
        if autofix
        else None,
        code=raw["code"],
        name=raw["name"],
        severity=Severity(raw["severity"]),
        summary=text(raw["summary"]),
        message=text(raw["message"]),
        fix=text(raw["fix"]),
        docs=Docs.model_construct(
            what=text(docs["what"]),
            why=text(docs["why"]),
            fix=text(docs["fix"]),
            caveat=text(caveat) if caveat else None,
        ),
        facts=list(raw.get("facts", [])),
        references=list(raw.get("references", [])),
        check=check,
        examples=Examples.model_construct(
            fail=examples["fail"],
            fail_at=list(examples["fail_at"]),
            pass_=examples["pass"],
            metadata=metadata,
        ),
    )


def rule_from_raw(raw: Any, path: Path) -> RuleSpec:
    """Validate a rule file's data; the file's name must be its code."""
    try:
        rule = RuleSpec.model_validate(raw)
    except ValidationError as error:
        from planner.rules.rule_lines import line_of

        message, location = _problems(error, raw)
        line, column = line_of(path, location)
        raise PlannerError(
            f"bad rule file: {message}", file=str(path), line=line, column=column
        ) from None
    if code_in_file_name(path) != rule.code:
        raise PlannerError(f"rule code {rule.code} does not match the file name", file=str(path))
    return rule


_CHECK_KINDS = {"python": "PythonCheck", "structural": "StructuralCheck"}


def _problems(error: ValidationError, raw: Any) -> tuple[str, tuple[Union[str, int], ...]]:
    """The first problem and the count, and its key path; for ``check``, only the kind of check
    the file meant."""
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
    location = tuple(part for part in first["loc"] if str(part) != meant)
    where = ".".join(str(part) for part in location) or "(top level)"
    count = len(problems)
    # The alias `pass` is how the file spells `pass_`.
    location = tuple("pass" if part == "pass_" else part for part in location)
    return f"{where}: {first['msg']} ({count} problem{'' if count == 1 else 's'} in all)", location
