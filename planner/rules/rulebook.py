"""Rules as plain frozen dataclasses, rule-file names, and reading one rule file.

The rule-file format as read from disk (pydantic) is ``planner.rules.rule_file``, imported only
when a file must be validated.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Literal, Optional, Union

from planner import reading
from planner.errors import PlannerError, Said, said
from planner.findings import Severity
from planner.resources import data_path

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

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


@dataclass(frozen=True)
class Text:
    """The same text in English and Japanese."""

    en: str
    ja: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``ja`` or ``en``)."""
        # Not aeplan's wording: a rule file's own text, carried in both languages by the file.
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Docs:
    """The fixed sections of a rule's explanation."""

    what: Text
    why: Text
    fix: Text
    caveat: Optional[Text] = None


@dataclass(frozen=True)
class ExampleMetadata:
    """Org metadata the examples are checked against: folder names under ``samples/metadata/``."""

    fail: str
    pass_: str


@dataclass(frozen=True)
class Case:
    """One more test plan of a rule and where the rule fires on it (nowhere: the plan passes)."""

    name: str
    plan: str
    fires_at: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class Examples:
    """A plan on which the rule fires (at ``fail_at``), a fixed one on which it does not, and
    any further ``cases``.

    Metadata rules name the org metadata each example is linted with (``metadata``).
    """

    fail: str
    fail_at: List[str]
    pass_: str
    metadata: Optional[ExampleMetadata] = None
    cases: List[Case] = field(default_factory=list)


@dataclass(frozen=True)
class PythonCheck:
    """A named check in ``planner.rules.checks`` for logic JSON Schema cannot say well."""

    python: str


@dataclass(frozen=True)
class SchemaCheck:
    """Fires for each item matched by ``for_each`` whose context matches the ``when`` schema.

    The context document is ``{"plan": ..., "bu": ..., "item": ...}``: the normalised plan, the
    business unit the item belongs to (or null) and the item itself.
    """

    when: Dict[str, Any]
    for_each: str = ""
    report_at: str = ""


@dataclass(frozen=True)
class StructuralCheck:
    """Produced by the loader and format validation, not by the rule engine."""

    structural: bool = True


Check = Union[PythonCheck, SchemaCheck, StructuralCheck]


@dataclass(frozen=True)
class Autofix:
    """Whether ``aeplan lint --fix`` can fix this rule's findings, and how safely.

    ``availability``: ``always`` (every finding carries a fix) or ``sometimes`` (only when the
    intended value is evident). ``safety``: ``safe`` (applied by ``--fix``), ``unsafe`` (only
    with ``--unsafe-fixes``) or ``mixed`` (each fix says; a guess is never safe).
    """

    availability: Literal["always", "sometimes"]
    safety: Literal["safe", "unsafe", "mixed"]
    what: Text


@dataclass(frozen=True)
class RuleSpec:
    """One rule: what its rule file says, after validation."""

    code: str
    name: str
    severity: Severity
    summary: Text
    message: Text
    fix: Text
    docs: Docs
    check: Check
    examples: Examples
    facts: List[str] = field(default_factory=list)
    references: List[str] = field(default_factory=list)
    autofix: Optional[Autofix] = None


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
    """The built-in rule files, sorted (``glob("*.y*ml")``, without pathlib's glob machinery)."""
    folder = builtin_rules_dir()
    names = (name for name in os.listdir(folder) if not name.startswith("."))
    return [folder / name for name in sorted(fnmatch.filter(names, "*.y*ml"))]


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
        detail = Said(
            *(structural_detail(problem.code, problem.params, lang) for lang in ("en", "ja"))
        )
        raise PlannerError.keyed(
            "rule_file.not_yaml", detail=detail, file=str(path), line=problem.position.line,
            column=problem.position.column,
        )  # fmt: skip
    return loaded.data


def rule_from_index(raw: dict[str, Any]) -> RuleSpec:
    """A built-in rule from the index, whose entries were validated when it was built."""
    return _spec(raw)


def rule_from_raw(raw: Any, path: Path) -> RuleSpec:
    """Validate a rule file's data; the file's name must be its code."""
    # Imported here for start-up speed, not for a cycle: built-in rules come from the validated
    # index, so only an edited or an organisation rule file needs the pydantic models.
    from pydantic import ValidationError

    from planner.rules.rule_file import RuleFile

    try:
        validated = RuleFile.model_validate(raw)
    except ValidationError as error:
        from planner.rules.rule_lines import line_of
        from planner.rules.rule_problems import format_problem

        first, count, location = _problems(error, raw)
        at_value = first["type"] not in ("missing", "extra_forbidden")
        line, column = line_of(path, location, at_value)
        where = ".".join(str(part) for part in location)
        raise PlannerError.keyed(
            "rule_file.invalid_one" if count == 1 else "rule_file.invalid",
            where=where or said("rule_file.top_level"), problem=format_problem(first),
            count=count, file=str(path), line=line, column=column,
        ) from None  # fmt: skip
    rule = _spec(validated.model_dump(by_alias=True, exclude_none=True))
    if code_in_file_name(path) != rule.code:
        raise PlannerError.keyed("rule_file.code_mismatch", code=rule.code, file=str(path))
    return rule


def _text(value: dict[str, str]) -> Text:
    return Text(en=value["en"], ja=value["ja"])


def _check(data: dict[str, Any]) -> Check:
    if "python" in data:
        return PythonCheck(python=data["python"])
    if "structural" in data:
        return StructuralCheck()
    return SchemaCheck(
        when=data["when"], for_each=data.get("for_each", ""), report_at=data.get("report_at", "")
    )


def _spec(raw: dict[str, Any]) -> RuleSpec:
    """A rule from rule-file data known to be valid (the index, or a validated file)."""
    docs = raw["docs"]
    caveat = docs.get("caveat")
    examples = raw["examples"]
    folders = examples.get("metadata")
    autofix = raw.get("autofix")
    return RuleSpec(
        code=raw["code"],
        name=raw["name"],
        severity=Severity(raw["severity"]),
        summary=_text(raw["summary"]),
        message=_text(raw["message"]),
        fix=_text(raw["fix"]),
        docs=Docs(
            what=_text(docs["what"]),
            why=_text(docs["why"]),
            fix=_text(docs["fix"]),
            caveat=_text(caveat) if caveat else None,
        ),
        check=_check(raw["check"]),
        examples=Examples(
            fail=examples["fail"],
            fail_at=list(examples["fail_at"]),
            pass_=examples["pass"],
            metadata=ExampleMetadata(fail=folders["fail"], pass_=folders["pass"])
            if folders
            else None,
            cases=[
                Case(name=case["name"], plan=case["plan"], fires_at=list(case.get("fires_at", [])))
                for case in examples.get("cases", [])
            ],
        ),
        facts=list(raw.get("facts", [])),
        references=list(raw.get("references", [])),
        autofix=Autofix(
            availability=autofix["availability"],
            safety=autofix["safety"],
            what=_text(autofix["what"]),
        )
        if autofix
        else None,
    )


_CHECK_KINDS = {"python": "PythonCheck", "structural": "StructuralCheck"}


def _problems(
    error: ValidationError, raw: Any
) -> tuple[ErrorDetails, int, tuple[Union[str, int], ...]]:
    """The first problem, the count, and its key path; for ``check``, only the kind of check
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
    # The alias `pass` is how the file spells `pass_`.
    location = tuple("pass" if part == "pass_" else part for part in location)
    return first, len(problems), location
