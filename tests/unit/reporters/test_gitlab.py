"""GitLab Code Quality output: the documented keys and types, stable unique fingerprints."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import pytest
from jsonschema.validators import validator_for

from planner.findings import Finding, Severity
from planner.lint.linter import LintResult
from planner.reporters import gitlab
from planner.reporters.fingerprints import fingerprint
from tests.conftest import REPO
from tests.unit.reporters.support import (
    empty_result,
    hostile_plan,
    hostile_result,
    load_json_schema,
    rendered,
    results,
    texts_result,
)

CASES = results()
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def issues_of(result: LintResult) -> Any:
    return json.loads(rendered("gitlab", result))


def check_issue(issue: Any) -> None:
    """GitLab's required keys with the types its widget reads."""
    assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
    assert isinstance(issue["description"], str) and issue["description"]
    assert re.fullmatch(r"[A-Z][A-Z0-9]{1,7}\d{3}", issue["check_name"])
    assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert issue["severity"] in SEVERITIES
    spec = {"Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication", "Performance",
            "Security", "Style"}  # fmt: skip
    assert issue["categories"] and set(issue["categories"]) <= spec
    location = issue["location"]
    assert isinstance(location["path"], str) and "\\" not in location["path"]
    assert not location["path"].startswith(("./", "/"))
    begin = location["lines"]["begin"]
    assert isinstance(begin, int) and not isinstance(begin, bool) and begin >= 1
    assert location["lines"]["end"] == begin  # Code Climate's CLI requires the range's end


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_issue_has_the_code_quality_shape(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the samples are given as absolute paths below the repository
    result = CASES[case]
    issues = issues_of(result)
    assert isinstance(issues, list) and len(issues) == len(result.findings)
    for issue, finding in zip(issues, result.findings):
        check_issue(issue)
        assert issue["description"] == finding.message
        assert issue["check_name"] == finding.code
        assert issue["location"]["lines"]["begin"] == finding.line
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def gitlab_schema_errors(issue: Any) -> list[str]:
    """What GitLab's own issue schema (``schemas/gitlab-codeclimate.json``) says of ``issue``."""
    schema = load_json_schema("gitlab-codeclimate.json")
    validator = validator_for(schema)(schema)
    return sorted(error.message for error in validator.iter_errors(issue))


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_issue_passes_the_schema_gitlab_validates_issues_with(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GitLab's parser stops at the first issue that fails this schema and drops the rest.
    monkeypatch.chdir(REPO)
    schema = load_json_schema("gitlab-codeclimate.json")
    assert validator_for(schema).__name__ == "Draft7Validator"
    issues = issues_of(CASES[case])
    assert isinstance(issues, list)
    assert [gitlab_schema_errors(issue) for issue in issues] == [[] for _ in issues]


def test_gitlabs_schema_is_not_vacuous() -> None:
    issue = gitlab.issues(hostile_result())[0]
    assert gitlab_schema_errors(issue) == []
    without = {key: value for key, value in issue.items() if key != "fingerprint"}
    assert gitlab_schema_errors(without) == ["'fingerprint' is a required property"]
    assert gitlab_schema_errors({**issue, "location": {"path": "p.yaml", "lines": {"begin": "1"}}})


def test_severity_mapping_is_error_major_warning_minor_info_info() -> None:
    assert gitlab.SEVERITIES == {
        Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"
    }  # fmt: skip
    issues = issues_of(hostile_result())
    assert {issue["severity"] for issue in issues} == {"major", "minor", "info"}


def test_fingerprints_are_stable_across_moves_and_unique_for_repeats() -> None:
    plan = hostile_plan("Japan")
    moved = plan.replace("aeplan: 1\n", "aeplan: 1\n# moved down\n", 1)
    before = {
        i["check_name"]: i["fingerprint"] for i in issues_of(texts_result((("p.yaml", plan),)))
    }
    after = {
        i["check_name"]: i["fingerprint"] for i in issues_of(texts_result((("p.yaml", moved),)))
    }
    assert before == after
    twin = Finding("AE104", "n", Severity.WARNING, "one", "p.yaml", "/x", 1, 1)
    other = Finding("AE104", "n", Severity.WARNING, "two", "p.yaml", "/x", 1, 1)
    analysis = texts_result((("p.yaml", plan),)).analyses[0]
    result = texts_result(())
    result = replace(result, analyses=(replace(analysis, findings=(twin, other)),))
    issues = gitlab.issues(result)
    assert issues[0]["fingerprint"] == fingerprint(twin)
    assert issues[1]["fingerprint"] != issues[0]["fingerprint"]


def test_hostile_text_round_trips_through_json() -> None:
    result = hostile_result()
    assert [i["description"] for i in issues_of(result)] == [f.message for f in result.findings]


def test_no_findings_is_an_empty_array_and_output_is_stable() -> None:
    assert rendered("gitlab", empty_result()) == "[]\n"
    result = hostile_result()
    assert rendered("gitlab", result) == rendered("gitlab", result)


def test_categories_follow_the_rule_family() -> None:
    assert gitlab.categories("AE801") == ["Security"]
    assert gitlab.categories("AE902") == ["Clarity"]
    assert gitlab.categories("AE104") == ["Bug Risk"]
    assert gitlab.categories("ACME001") == ["Bug Risk"]
