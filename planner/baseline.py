"""Baselines: record today's findings, then report only new ones (adopting aeplan on old plans)."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, List

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.atomic import write_text_atomically
from planner.errors import PlannerError
from planner.findings import Finding

if TYPE_CHECKING:
    from planner.linting import LintResult

BASELINE_VERSION = 1

# (file relative to the baseline's folder with forward slashes, code, pointer): no line, so that
# edits above a finding do not make it "new".
Fingerprint = tuple[str, str, str]


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


def fingerprint(finding: Finding, folder: Path) -> Fingerprint:
    """What identifies a finding in a baseline kept in ``folder``."""
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
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlannerError.keyed("baseline.not_found", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlannerError.keyed("baseline.unreadable", file=str(path), reason=error) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlannerError(
            f"baseline is not valid JSON: {error.msg}", file=str(path), line=error.lineno,
            column=error.colno,
        ) from None  # fmt: skip
    try:
        document = _Document.model_validate(raw)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise PlannerError(f"malformed baseline: {where}: {first['msg']}", file=str(path)) from None
    if document.aeplan_baseline != BASELINE_VERSION:
        raise PlannerError(
            f"baseline format version {document.aeplan_baseline} is not supported "
            f"(this aeplan reads version {BASELINE_VERSION})",
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
