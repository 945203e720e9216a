"""JUnit XML: valid against both XSDs, one suite per file, one case per rule checked."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any
from xml.etree import ElementTree

import pytest
import xmlschema

from planner.findings import Severity
from planner.lint.linter import LintResult
from planner.reporters import junit
from tests.conftest import SAMPLES
from tests.unit.reporters.support import (
    HOSTILE,
    hostile_plan,
    hostile_result,
    linter,
    rendered,
    results,
    schema_path,
    texts_result,
)

CASES = results()


@cache
def xsd(name: str) -> Any:
    return xmlschema.XMLSchema(str(schema_path(name)))


def parsed(result: LintResult) -> ElementTree.Element:
    return ElementTree.fromstring(rendered("junit", result).encode("utf-8"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_report_is_valid_against_the_jenkins_xunit_schema(case: str) -> None:
    text = rendered("junit", CASES[case])
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    errors = [str(error) for error in xsd("junit-10.xsd").iter_errors(text)]
    assert errors == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_suites_are_valid_against_the_strict_ant_schema(case: str) -> None:
    # JUnit.xsd declares no attributes on <testsuites>, while junit-10.xsd and most CI readers
    # want the totals there; everything below the root carries all that JUnit.xsd requires.
    root = parsed(CASES[case])
    for name in list(root.attrib):
        del root.attrib[name]
    errors = [str(error) for error in xsd("JUnit.xsd").iter_errors(ElementTree.tostring(root))]
    assert errors == []


def test_one_suite_per_file_and_one_case_per_active_rule() -> None:
    plan = hostile_plan("Japan")
    result = texts_result((("a.yaml", plan), ("b.yaml", plan)))
    root = parsed(result)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.yaml", "b.yaml"]
    assert [s.get("id") for s in suites] == ["0", "1"]
    codes = [rule.code for rule in result.rulebook.rules]
    for suite in suites:
        cases = suite.findall("testcase")
        assert [c.get("name", "").split()[0] for c in cases] == codes
        assert {c.get("classname") for c in cases} == {suite.get("name")}
        failed = [c for c in cases if c.find("failure") is not None]
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(len(failed))
        assert {c.get("name", "").split()[0] for c in failed} == {
            f.code for f in result.analyses[0].findings if f.severity is Severity.ERROR
        }
        assert (suite.get("errors"), suite.get("skipped"), suite.get("time")) == ("0", "0", "0")
        assert (suite.get("timestamp"), suite.get("hostname")) == (junit.TIMESTAMP, "aeplan")
        tags = [child.tag for child in suite]
        assert (tags[0], tags[-2], tags[-1]) == ("properties", "system-out", "system-err")
    assert root.get("tests") == str(2 * len(codes))
    assert root.get("failures") == str(sum(int(s.get("failures", "0")) for s in suites))
    assert (root.get("errors"), root.get("time")) == ("0", "0")


def test_selection_limits_the_cases_and_broken_files_list_only_rules_that_ran() -> None:
    chosen = linter("", ("AE0", "AE104"))
    broken = chosen.analyse_bytes(b"aeplan: 1\nsalesforce: {org: x\n", "broken.yaml")
    fine = chosen.analyse_bytes(hostile_plan("Japan").encode(), "fine.yaml")
    active = tuple(r.code for r in chosen.rulebook.rules if r.code.startswith(("AE0", "AE104")))
    ran_on_invalid = chosen.engine.runs_on_invalid_plans
    result = LintResult(
        (broken, fine), "en", chosen.rulebook, active, on_invalid_plans=ran_on_invalid
    )
    suites = parsed(result).findall("testsuite")
    names = [[c.get("name", "").split()[0] for c in s.findall("testcase")] for s in suites]
    structural = [code for code in active if code.startswith("AE0")]
    assert names[0] == structural
    assert names[1] == list(active)
    assert [
        c.get("name") for c in suites[0].findall("testcase") if c.find("failure") is not None
    ] == ["AE001 invalid-yaml"]


def test_failures_carry_message_type_position_and_fix_with_hostile_text_made_safe() -> None:
    result = replace(hostile_result(), fail_on="warning")  # AE104 is a warning
    root = parsed(result)
    finding = next(f for f in result.findings if f.code == "AE104")
    case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("AE104 "))
    failure = case.find("failure")
    assert failure is not None
    safe = HOSTILE.replace("\x01", "").replace("\x1b", "").replace("\ufffe", "")
    assert failure.get("type") == "AE104"
    assert failure.get("message") == finding.message.replace(HOSTILE, safe)
    position = f"plans/hostile.yaml:{finding.line}:{finding.column}: "
    text = failure.text or ""
    assert text.startswith(position)
    assert text.endswith(f"fix: {finding.fix}")
    assert "\x01" not in rendered("junit", result) and "\ufffe" not in rendered("junit", result)


def test_several_findings_of_one_rule_share_one_failure() -> None:
    plan = hostile_plan("Japan") + hostile_plan("Korea").split("business_units:\n", 1)[1]
    result = replace(texts_result((("two.yaml", plan),)), fail_on="warning")
    repeated = [f for f in result.findings if f.code == "AE104"]
    assert len(repeated) == 2
    case = next(c for c in parsed(result).iter("testcase") if c.get("name", "").startswith("AE104"))
    failures = case.findall("failure")
    assert len(failures) == 1
    assert failures[0].get("message") == "\n".join(f.message for f in repeated)
    assert (failures[0].text or "").count("two.yaml:") == 2


def test_output_is_byte_identical_across_runs() -> None:
    result = CASES["samples-ja"]
    assert rendered("junit", result) == rendered("junit", result)
    assert "修正方法: " in rendered("junit", result)


def test_a_selection_that_matches_nothing_lists_no_cases() -> None:
    chosen = linter("", ("ZZ",))
    result = chosen.lint_paths([str(SAMPLES / "good" / "minimal.yaml")])
    assert result.active == ()
    [suite] = parsed(result).findall("testsuite")
    assert (suite.get("tests"), suite.findall("testcase")) == ("0", [])


@pytest.mark.parametrize(
    ("fail_on", "failing"),
    [
        ("error", {"error"}),
        ("warning", {"error", "warning"}),
        ("info", {"error", "warning", "info"}),
        ("never", set()),
    ],
)  # fmt: skip
def test_only_findings_at_or_above_fail_on_fail_the_rest_are_in_system_out(
    fail_on: str, failing: set[str]
) -> None:
    result = replace(hostile_result(), fail_on=fail_on)
    assert {f.severity.value for f in result.findings} == {"error", "warning", "info"}
    suite = parsed(result).find("testsuite")
    assert suite is not None
    cases = suite.iter("testcase")
    failed = {c.get("name", "").split()[0] for c in cases if c.find("failure") is not None}
    assert failed == {f.code for f in result.findings if f.severity.value in failing}
    out = suite.find("system-out")
    assert out is not None
    below = [f for f in result.findings if f.severity.value not in failing]
    assert (out.text or "").count("plans/hostile.yaml:") == len(below)
    errors = [str(error) for error in xsd("junit-10.xsd").iter_errors(rendered("junit", result))]
    assert errors == []


def test_junitparser_reads_what_ci_readers_see(tmp_path: Any) -> None:
    junitparser = pytest.importorskip("junitparser", reason="pip install junitparser (in .[test])")
    result = replace(hostile_result(), fail_on="warning")
    report = tmp_path / "aeplan.xml"
    report.write_text(rendered("junit", result), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(report))
    suites = list(xml)
    assert len(suites) == 1
    suite = suites[0]
    failing = {f.code for f in result.findings if f.severity is not Severity.INFO}
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (
        len(list(suite)),
        len(failing),
        0,
        0,
    )
    failed = {case.name.split()[0] for case in suite if not case.is_passed}
    assert failed == failing
    assert all(isinstance(case.result[0], junitparser.Failure) for case in suite if case.result)
    out = suite._elem.find("system-out")  # junitparser exposes system-out on cases only
    assert out is not None and "plans/hostile.yaml:" in (out.text or "")
