"""GitLab Code Quality report: a JSON array of issues for the merge request widget."""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from planner.findings import Finding, Severity
from planner.lint.linter import LintResult
from planner.reporters.fingerprints import fingerprint, relative_path

# Code Quality knows info/minor/major/critical/blocker; aeplan's error blocks a sync but is not
# an outage, so it maps to major, warning to minor and info to info.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
# The Code Climate spec requires at least one category (GitLab ignores them; other readers do
# not). A plan mistake risks a broken sync ("Bug Risk"); AE8xx guard secrets and org security;
# AE9xx are about suppression comments, i.e. how clearly the plan says what it waives.
_CATEGORY_BY_PREFIX = (("AE8", "Security"), ("AE9", "Clarity"))
DEFAULT_CATEGORY = "Bug Risk"


def categories(code: str) -> list[str]:
    """The Code Climate categories of a rule code (one of the spec's eight names)."""
    return [next((name for prefix, name in _CATEGORY_BY_PREFIX if code.startswith(prefix)),
                 DEFAULT_CATEGORY)]  # fmt: skip


def render(result: LintResult, stream: TextIO) -> None:
    """Write the Code Quality array (``[]`` when there are no findings)."""
    stream.write(json.dumps(issues(result), ensure_ascii=False, indent=2) + "\n")


def issues(result: LintResult) -> list[dict[str, Any]]:
    """One Code Quality issue per finding, each with a fingerprint unique within the report."""
    seen: dict[str, int] = {}
    found = []
    for finding in result.findings:
        stable = fingerprint(finding)
        repeat = seen.get(stable, 0)
        seen[stable] = repeat + 1
        # GitLab drops issues that share a fingerprint, so repeats of one key get a suffix.
        unique = stable if not repeat else _digest(f"{stable}#{repeat}")
        found.append(_issue(finding, unique))
    return found


def _issue(finding: Finding, fingerprint_hex: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "description": finding.message,
        "check_name": finding.code,
        "categories": categories(finding.code),
        "fingerprint": fingerprint_hex,
        "severity": SEVERITIES[finding.severity],
        "location": {
            "path": relative_path(finding.file),
            # GitLab reads ``begin``; Code Climate's own CLI also requires ``end`` (an inclusive
            # range). A finding covers one line, as its SARIF region does.
            "lines": {"begin": max(finding.line, 1), "end": max(finding.line, 1)},
        },
    }


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
