"""JUnit XML: one test suite per plan file, one test case per rule checked on it.

A test case fails only for findings at or above ``--fail-on`` (default: errors), as the exit code
does; findings below it (info notes, by default) leave their test case passing and are listed in
the suite's ``<system-out>``, which both the strict Ant schema and Jenkins' schema allow there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO
from xml.etree import ElementTree

from planner import phrases
from planner.findings import Finding
from planner.lint.linter import Analysis, LintResult, fails
from planner.rules.rulebook import RuleSpec

# The strict Ant schema (JUnit.xsd) requires these; fixed values keep the report reproducible.
TIMESTAMP = "1970-01-01T00:00:00"
HOSTNAME = "aeplan"
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(result: LintResult, stream: TextIO) -> None:
    """Write a ``<testsuites>`` document (UTF-8 declaration, two-space indent)."""
    root = document(result)
    ElementTree.indent(root, space="  ")
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(root, encoding="unicode") + "\n")


def document(result: LintResult) -> ElementTree.Element:
    """The report as an element tree."""
    root = ElementTree.Element("testsuites", {"name": "aeplan"})
    tests = failures = 0
    for number, analysis in enumerate(result.analyses):
        suite = _suite(analysis, checked_rules(result, analysis), number, result)
        root.append(suite)
        tests += int(suite.get("tests", "0"))
        failures += int(suite.get("failures", "0"))
    for name, value in (("tests", tests), ("failures", failures), ("errors", 0)):
        root.set(name, str(value))
    root.set("time", "0")
    return root


def checked_rules(result: LintResult, analysis: Analysis) -> list[RuleSpec]:
    """The active rules that ran on a file, as the lint result recorded them."""
    ran = set(result.ran(analysis))
    return [rule for rule in result.rulebook.rules if rule.code in ran]


def _suite(
    analysis: Analysis, rules: Sequence[RuleSpec], number: int, result: LintResult
) -> ElementTree.Element:
    lang = result.lang
    name = xml_text(analysis.path)
    by_code: dict[str, list[Finding]] = {}
    noted: list[Finding] = []
    for finding in analysis.findings:
        if fails(finding, result.fail_on):
            by_code.setdefault(finding.code, []).append(finding)
        else:
            noted.append(finding)
    found = {finding.code for finding in analysis.findings}
    codes = [rule.code for rule in rules] + sorted(found - {r.code for r in rules})
    names = {rule.code: rule.name for rule in rules}
    names.update({f.code: f.name for f in analysis.findings})
    suite = ElementTree.Element("testsuite", {
        "name": name, "tests": str(len(codes)),
        "failures": str(sum(1 for code in codes if code in by_code)),
        "errors": "0", "skipped": "0", "time": "0", "timestamp": TIMESTAMP,
        "hostname": HOSTNAME, "id": str(number), "package": "aeplan",
    })  # fmt: skip
    ElementTree.SubElement(suite, "properties")
    for code in codes:
        case = ElementTree.SubElement(
            suite, "testcase", {"classname": name, "name": f"{code} {names[code]}", "time": "0"}
        )
        if code in by_code:
            _failure(case, by_code[code], lang)
    output = ElementTree.SubElement(suite, "system-out")
    if noted:
        output.text = xml_text("\n\n".join(_block(finding, lang) for finding in noted))
    ElementTree.SubElement(suite, "system-err")
    return suite


def _failure(case: ElementTree.Element, findings: Sequence[Finding], lang: str) -> None:
    """One ``<failure>`` per test case (the strict schema allows no more), listing every finding."""
    failure = ElementTree.SubElement(case, "failure", {
        "message": xml_text("\n".join(finding.message for finding in findings)),
        "type": findings[0].code,
    })  # fmt: skip
    failure.text = xml_text("\n\n".join(_block(finding, lang) for finding in findings))


def _block(finding: Finding, lang: str) -> str:
    block = f"{finding.file}:{finding.line}:{finding.column}: {finding.message}"
    if finding.fix:
        block += f"\n{phrases.tool('label.fix', lang)}: {finding.fix}"
    return block


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 forbids removed (ElementTree escapes the rest)."""
    return _NOT_XML.sub("", text)
