"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis viewers."""

from __future__ import annotations

import json
from typing import Any, Optional, TextIO

from planner import __version__, phrases
from planner.findings import Finding, Severity
from planner.linting import LintResult
from planner.reporters.fingerprints import (
    FINGERPRINT_VERSION,
    artifact_uri,
    fingerprint,
    is_relative,
    relative_path,
)
from planner.rulebook import RuleSpec, StructuralCheck

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
LANGUAGE_TAGS = {"en": "en-US", "ja": "ja-JP"}


def render(result: LintResult, stream: TextIO) -> None:
    """Write one SARIF log with one run: every rule of the rulebook and every finding."""
    stream.write(json.dumps(document(result), ensure_ascii=False, indent=2) + "\n")


def document(result: LintResult) -> dict[str, Any]:
    """The SARIF log as plain data."""
    rules = result.rulebook.rules
    index = {rule.code: position for position, rule in enumerate(rules)}
    driver = {
        "name": "aeplan",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(rule, result.lang) for rule in rules],
    }
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "language": LANGUAGE_TAGS.get(result.lang, "en-US"),
                # PyYAML counts columns in code points, not the UTF-16 units SARIF assumes.
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(finding, index.get(finding.code)) for finding in result.findings
                ],
            }
        ],
    }


def _rule(rule: RuleSpec, lang: str) -> dict[str, Any]:
    tags = [
        "account-engagement",
        "structure" if isinstance(rule.check, StructuralCheck) else "plan",
    ]
    properties: dict[str, Any] = {"tags": tags, "facts": list(rule.facts)}
    if rule.references:
        properties["references"] = list(rule.references)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.get(lang)},
        "fullDescription": {"text": rule.docs.what.get(lang)},
        "help": {"text": rule.docs.fix.get(lang), "markdown": help_markdown(rule, lang)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": properties,
    }


def help_markdown(rule: RuleSpec, lang: str) -> str:
    """A rule's explanation as Markdown: why it matters, how to fix, caveat, references."""
    sections = [
        f"**{phrases.tool('output.why', lang)}**\n\n{rule.docs.why.get(lang)}",
        f"**{phrases.tool('output.how_to_fix', lang)}**\n\n{rule.docs.fix.get(lang)}",
    ]
    if rule.docs.caveat is not None:
        sections.append(
            f"**{phrases.tool('output.caveat', lang)}**\n\n{rule.docs.caveat.get(lang)}"
        )
    if rule.references:
        links = "\n".join(f"- <{reference}>" for reference in rule.references)
        sections.append(f"**{phrases.tool('output.references', lang)}**\n\n{links}")
    return "\n\n".join(sections)


def _result(finding: Finding, rule_index: Optional[int]) -> dict[str, Any]:
    path = relative_path(finding.file)
    artifact: dict[str, Any] = {"uri": artifact_uri(path)}
    if is_relative(path):
        artifact["uriBaseId"] = SOURCE_ROOT
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)},
        }
    }
    if finding.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.pointer, "kind": "member"}]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint(finding)},
    }
    if rule_index is None:  # a finding from outside the rulebook still gets reported
        del result["ruleIndex"]
    if finding.fix:
        result["properties"] = {"fix": finding.fix}
    if finding.edit is not None:
        result["fixes"] = [_fix(finding, artifact)]
    return result


def _fix(finding: Finding, artifact: dict[str, Any]) -> dict[str, Any]:
    """SARIF 2.1.0 §3.55 ``fix``: one replacement in the plan file (columns count characters)."""
    edit = finding.edit
    assert edit is not None
    region = {
        "startLine": edit.line, "startColumn": edit.column,
        "endLine": edit.end_line, "endColumn": edit.end_column,
    }  # fmt: skip
    return {
        "description": {"text": finding.fix or finding.message},
        "artifactChanges": [
            {
                "artifactLocation": dict(artifact),
                "replacements": [
                    {"deletedRegion": region, "insertedContent": {"text": edit.replacement}}
                ],
            }
        ],
        "properties": {"applicability": "safe" if edit.safe else "unsafe"},
    }
