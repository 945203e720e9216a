"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis viewers."""

from __future__ import annotations

import json
import re
from typing import Any, Optional, TextIO

from planner import __version__, phrases
from planner import project_links as links
from planner.findings import Finding, Related, Severity
from planner.lint.linter import LintResult
from planner.lint.suppressions import Waived
from planner.reporters.fingerprints import (
    FINGERPRINT_VERSION,
    artifact_uri,
    fingerprint,
    is_relative,
    relative_path,
)
from planner.rules.rulebook import RuleSpec, StructuralCheck

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
LANGUAGE_TAGS = {"en": "en-US", "ja": "ja-JP"}
# GitHub's properties.problem.severity knows error, warning and recommendation.
PROBLEM_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "recommendation",
}
# A YAML comment: " #" after the value (a "#" inside a quoted value is rare in plans; the region
# is then merely shorter).
_COMMENT = re.compile(r"\s+#.*$")


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
        "informationUri": links.HOME,
        "rules": [_rule(rule, result.lang) for rule in rules],
    }
    texts = {analysis.path: analysis.loaded.text for analysis in result.analyses}
    shown = [(finding, None) for finding in result.findings] + [
        (item.finding, item) for analysis in result.analyses for item in analysis.waived
    ]
    shown.sort(key=lambda pair: pair[0].sort_key)
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
                    _result(finding, index.get(finding.code), texts.get(finding.file, ""), waiver)
                    for finding, waiver in shown
                ],
            }
        ],
    }


def _rule(rule: RuleSpec, lang: str) -> dict[str, Any]:
    tags = [
        "account-engagement",
        "structure" if isinstance(rule.check, StructuralCheck) else "plan",
    ]
    # GitHub orders and filters alerts by precision and problem.severity: aeplan's rules check
    # declared facts of a plan, so a finding is rarely wrong (high), never "very-high" because a
    # plan can describe an org inaccurately.
    properties: dict[str, Any] = {
        "tags": tags,
        "facts": list(rule.facts),
        "precision": "high",
        "problem.severity": PROBLEM_SEVERITY[rule.severity],
    }
    if rule.references:
        properties["references"] = list(rule.references)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.get(lang)},
        "fullDescription": {"text": rule.docs.what.get(lang)},
        "helpUri": links.rule_help(rule.code, lang),
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


def _related(number: int, place: Related) -> dict[str, Any]:
    """A metadata file the finding rests on, as a SARIF related location."""
    path = relative_path(place.file)
    artifact: dict[str, Any] = {"uri": artifact_uri(path)}
    if is_relative(path):
        artifact["uriBaseId"] = SOURCE_ROOT
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if place.line:
        physical["region"] = {"startLine": place.line}
    return {"id": number, "physicalLocation": physical, "message": {"text": str(place)}}


def _result(
    finding: Finding, rule_index: Optional[int], text: str, waiver: Optional[Waived]
) -> dict[str, Any]:
    artifact = _artifact(finding.file)
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": artifact, "region": region(finding, text)}
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
    if finding.related:
        result["relatedLocations"] = [
            _related(number, place) for number, place in enumerate(finding.related)
        ]
    if rule_index is None:  # a finding from outside the rulebook still gets reported
        del result["ruleIndex"]
    if finding.fix:
        result["properties"] = {"fix": finding.fix}
    if waiver is not None:
        result["suppressions"] = [_suppression(waiver, artifact)]
    if finding.edit is not None:
        result["fixes"] = [_fix(finding, artifact)]
    return result


def _artifact(file: str) -> dict[str, Any]:
    path = relative_path(file)
    artifact: dict[str, Any] = {"uri": artifact_uri(path)}
    if is_relative(path):
        artifact["uriBaseId"] = SOURCE_ROOT
    return artifact


def _suppression(waiver: Waived, artifact: dict[str, Any]) -> dict[str, Any]:
    """An in-source suppression (SARIF 2.1.0 §3.35): the ``# aeplan: ignore`` comment and why."""
    suppression: dict[str, Any] = {
        "kind": "inSource",
        "status": "accepted",
        "location": {
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": {"startLine": max(waiver.line, 1), "startColumn": max(waiver.column, 1)},
            }
        },
    }
    if waiver.reason:
        suppression["justification"] = waiver.reason
    return suppression


def region(finding: Finding, text: str) -> dict[str, int]:
    """The finding's line from its column to the end of its value (or comment).

    Columns count code points (``columnKind``); ``endColumn`` is the column after the region, as
    SARIF 2.1.0 §3.30.5 says. Without the text (or past its end) the region is one character.
    """
    line, column = max(finding.line, 1), max(finding.column, 1)
    lines = text.splitlines()
    content = lines[line - 1] if line <= len(lines) else ""
    ends = (len(_COMMENT.sub("", content).rstrip()) + 1, len(content.rstrip()) + 1, column + 1)
    # A finding on a comment (a suppression) starts after the value: it runs to the line's end.
    end = next(end for end in ends if end > column)
    return {"startLine": line, "startColumn": column, "endLine": line, "endColumn": end}


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
