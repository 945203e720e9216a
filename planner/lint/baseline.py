"""Baselines: record today's findings, then report only new ones (adopting aeplan on old plans)."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import reading
from planner.atomic import write_text_atomically
from planner.errors import PlannerError, said
from planner.findings import Finding

if TYPE_CHECKING:
    from planner.lint.linter import LintResult

BASELINE_VERSION = 1

# (file relative to the baseline's folder with forward slashes, code, pointer): no line, so that
# edits above a finding do not make it "new".
Fingerprint = tuple[str, str, str]


def fingerprint(finding: Finding, folder: Path) -> Fingerprint:
    """What identifies a finding in a baseline kept in ``folder``.

    Deliberately not :func:`planner.reporters.fingerprints.fingerprint`: a baseline is committed
    beside the plans, so its paths are relative to the baseline's own folder (``../`` allowed) and
    stay valid wherever lint runs from; report fingerprints are relative to the working directory
    (the CI checkout) and absolute outside it, as SARIF and GitLab readers expect.
    """
    relative = os.path.relpath(os.path.abspath(finding.file), os.path.abspath(folder))
    return (relative.replace(os.sep, "/"), finding.code, finding.pointer)


def fingerprints(findings: Iterable[Finding], folder: Path) -> Counter[Fingerprint]:
    """The findings as a multiset of fingerprints."""
    return Counter(fingerprint(finding, folder) for finding in findings)


def render(counts: Counter[Fingerprint]) -> str:
    """The baseline file's text: stable JSON, sorted by file, code and pointer."""
    entries = [
        {"file": file, "code": code, "pointer": pointer, "count": count}
        for (file, code, pointer), count in sorted(counts.items())
    ]
    document = {"aeplan_baseline": BASELINE_VERSION, "findings": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write(path: Path, findings: Iterable[Finding], protected: tuple[Path, ...] = ()) -> int:
    """Write ``findings`` as a baseline at ``path`` (atomically); returns how many it holds."""
    counts = fingerprints(findings, path.absolute().parent)
    write_text_atomically(path, render(counts), protected=protected)
    return sum(counts.values())


def read(path: Path) -> Counter[Fingerprint]:
    """Read a baseline file; a missing or malformed one is a one-line PlannerError."""
    text = reading.read_text(path, "baseline")
    try:
        raw = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise PlannerError.keyed(
            "baseline.not_json", detail=said(_json_problem(error.msg)), file=str(path),
            line=error.lineno, column=error.colno,
        ) from None  # fmt: skip
    except _TooManyDigits as error:
        detail = said("baseline.json.big_integer", digits=error.digits)
        raise PlannerError.keyed("baseline.not_json", detail=detail, file=str(path)) from None
    except (ValueError, RecursionError):
        # json's C decoder recurses per nesting level; a damaged file is bad input, not a bug
        detail = said("baseline.json.nested")
        raise PlannerError.keyed("baseline.not_json", detail=detail, file=str(path)) from None
    from pydantic import ValidationError

    try:
        document = _document_model().model_validate(raw)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or said("baseline.whole_file")
        kind = first["type"] if first["type"] in _PROBLEMS else "other"
        limit = (first.get("ctx") or {}).get("ge", "")
        detail = said(f"baseline.problem.{kind}", limit=limit)
        raise PlannerError.keyed(
            "baseline.malformed", where=where, detail=detail, file=str(path)
        ) from None
    if document.aeplan_baseline != BASELINE_VERSION:
        raise PlannerError.keyed(
            "baseline.version",
            found=document.aeplan_baseline,
            supported=BASELINE_VERSION,
            file=str(path),
        )
    counts: Counter[Fingerprint] = Counter()
    for entry in document.findings:
        counts[(entry.file, entry.code, entry.pointer)] += entry.count
    return counts


def subtract(
    result: LintResult, known: Counter[Fingerprint], folder: Path
) -> tuple[LintResult, list[Finding]]:
    """Drop the findings the baseline holds (a multiset); returns the rest and the matched ones."""
    remaining = Counter(known)
    matched: list[Finding] = []
    analyses = []
    for analysis in result.analyses:
        kept: list[Finding] = []
        for finding in analysis.findings:
            key = fingerprint(finding, folder)
            if remaining[key] > 0:
                remaining[key] -= 1
                matched.append(finding)
            else:
                kept.append(finding)
        dropped = len(analysis.findings) - len(kept)
        analyses.append(
            replace(analysis, findings=tuple(kept), baselined=analysis.baselined + dropped)
        )
    return replace(result, analyses=tuple(analyses)), matched


class _TooManyDigits(ValueError):
    """A JSON integer too long to be a count."""

    def __init__(self, digits: int) -> None:
        super().__init__(f"an integer of {digits} digits is not a count")
        self.digits = digits


def _bounded_int(digits: str) -> int:
    """A JSON integer of at most 100 digits (counts are small; Python refuses > 4,300 anyway)."""
    if len(digits) > 100:
        raise _TooManyDigits(len(digits))
    return int(digits)


def _document_model() -> Any:
    """The baseline file's format (pydantic: imported only when a baseline is read)."""
    from typing import List

    from pydantic import BaseModel, ConfigDict, Field

    class _Entry(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

        file: str
        code: str = Field(min_length=1)
        pointer: str
        count: int = Field(ge=1)

    class _Document(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

        aeplan_baseline: int
        findings: List[_Entry]

    return _Document


# json's messages (``JSONDecodeError.msg``), each said by ``baseline.json.<slug>``.
_JSON_PROBLEMS = (
    ("Expecting value", "expecting_value"),
    ("Expecting ',' delimiter", "expecting_comma"),
    ("Expecting ':' delimiter", "expecting_colon"),
    ("Expecting property name enclosed in double quotes", "property_name"),
    ("Illegal trailing comma before end of", "trailing_comma"),
    ("Unterminated string starting at", "unterminated_string"),
    ("Invalid control character", "control_character"),
    ("Invalid \\uXXXX escape", "bad_escape"),
    ("Invalid \\escape", "bad_escape"),
    ("Extra data", "extra_data"),
)
# pydantic's error types a baseline can meet, each said by ``baseline.problem.<type>``.
_PROBLEMS = frozenset((
    "missing", "extra_forbidden", "int_type", "string_type", "list_type", "model_type",
    "string_too_short", "greater_than_equal",
))  # fmt: skip


def _json_problem(message: str) -> str:
    """The catalogue key of one of json's parse messages."""
    for start, slug in _JSON_PROBLEMS:
        if message.startswith(start):
            return f"baseline.json.{slug}"
    return "baseline.json.other"
