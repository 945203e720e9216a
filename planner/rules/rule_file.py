"""The rule-file format as read from disk: strict pydantic models, used only to validate a file.

Inside aeplan a rule is a plain frozen dataclass (``planner.rules.rulebook.RuleSpec``); the class
names of the checks appear in validation messages, so they match the dataclasses' names.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from planner.findings import Severity

CODE_PATTERN = r"^[A-Z][A-Z0-9]{1,7}[0-9]{3}$"
NAME_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
FOLDER_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(_Strict):
    """The same text in English and Japanese."""

    en: str = Field(min_length=1)
    ja: str = Field(min_length=1)


class Docs(_Strict):
    """The fixed sections of a rule's explanation."""

    what: Text
    why: Text
    fix: Text
    caveat: Optional[Text] = None


class ExampleMetadata(_Strict):
    """Org metadata the examples are checked against: folder names under ``samples/metadata/``."""

    fail: str = Field(min_length=1, pattern=FOLDER_PATTERN)
    pass_: str = Field(alias="pass", min_length=1, pattern=FOLDER_PATTERN)


class Case(_Strict):
    """One more test plan of a rule and where the rule fires on it (nowhere: the plan passes).

    A rule author adds edge cases here without Python; the one parametrized test runs each.
    """

    name: str = Field(pattern=NAME_PATTERN)
    plan: str = Field(min_length=1)
    fires_at: List[str] = Field(default_factory=list)


class Examples(_Strict):
    """A plan on which the rule fires (at the given pointers) and a fixed one on which it does not.

    Metadata rules name the org metadata each example is linted with (``metadata``); ``cases``
    holds any further failing or passing plans (each with a unique name).
    """

    fail: str = Field(min_length=1)
    fail_at: List[str] = Field(min_length=1)
    pass_: str = Field(alias="pass", min_length=1)
    metadata: Optional[ExampleMetadata] = None
    cases: List[Case] = Field(default_factory=list)

    @field_validator("cases")
    @classmethod
    def _unique_names(cls, cases: List[Case]) -> List[Case]:
        names = [case.name for case in cases]
        for name in names:
            if names.count(name) > 1:
                raise PydanticCustomError(
                    "duplicate_case", "two cases are named {name}", {"name": name}
                )
        return cases


class PythonCheck(_Strict):
    """A named check in ``planner.rules.checks`` for logic JSON Schema cannot say well."""

    python: str


class SchemaCheck(_Strict):
    """Fires for each item matched by ``for_each`` whose context matches the ``when`` schema."""

    for_each: str = ""
    when: Dict[str, Any]
    report_at: str = ""


class StructuralCheck(_Strict):
    """Produced by the loader and format validation, not by the rule engine."""

    structural: Literal[True]


Check = Union[PythonCheck, SchemaCheck, StructuralCheck]


class Autofix(_Strict):
    """Whether ``aeplan lint --fix`` can fix this rule's findings, and how safely."""

    availability: Literal["always", "sometimes"]
    safety: Literal["safe", "unsafe", "mixed"]
    what: Text


class RuleFile(_Strict):
    """One rule file as read from disk (validated, then turned into a ``RuleSpec``)."""

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
                raise PydanticCustomError(
                    "fact_id", "fact ids look like F01, not {fact}", {"fact": fact}
                )
        return facts
