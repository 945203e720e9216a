"""Machine-readable findings: a stable, documented JSON document (format version 1)."""

from __future__ import annotations

import json
from typing import Any, Optional, TextIO

from planner.findings import Finding, Severity
from planner.lint.linter import LintResult
from planner.reporters import help_reference

FORMAT_VERSION = 1


def render(result: LintResult, stream: TextIO) -> None:
    """Write ``{"version", "findings", "summary"}`` as indented UTF-8 JSON."""
    stream.write(json.dumps(document(result), ensure_ascii=False, indent=2) + "\n")


def document(result: LintResult) -> dict[str, Any]:
    """The JSON document as plain data."""
    return {
        "version": FORMAT_VERSION,
        "findings": [_finding(finding, result.lang) for finding in result.findings],
        "summary": {
            "files": len(result.analyses),
            "total": len(result.findings),
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
            "files_with_structural_errors": sum(1 for a in result.analyses if a.structural),
            "suppressed": result.suppressed,
            "baselined": result.baselined,
        },
    }


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "pointer": finding.pointer,
        "fix": finding.fix,
        "help": help_reference(finding.code, lang),
        "related": [{"file": place.file, "line": place.line} for place in finding.related],
        "edit": _edit(finding),
    }


def _edit(finding: Finding) -> Optional[dict[str, Any]]:
    """The text change ``aeplan lint --fix`` would make (end exclusive; ``safe``: applied
    by ``--fix``, else only with ``--unsafe-fixes``), or None."""
    edit = finding.edit
    if edit is None:
        return None
    return {
        "line": edit.line, "column": edit.column, "end_line": edit.end_line,
        "end_column": edit.end_column, "replacement": edit.replacement,
        "applicability": "safe" if edit.safe else "unsafe",
    }  # fmt: skip
