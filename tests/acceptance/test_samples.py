"""The shipped samples: good plans have no errors; bad plans report exactly the marked codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.findings import Severity
from planner.lint.linter import Linter
from tests.conftest import SAMPLES

MARKER = re.compile(r"#\s*expect:\s*((?:AE\d{3}\s*)+)")
GOOD = sorted((SAMPLES / "good").glob("*.yaml"))
BAD = sorted((SAMPLES / "bad").glob("*.yaml"))


def expected_findings(path: Path) -> set[tuple[str, int]]:
    expected = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            expected |= {(code, number) for code in match.group(1).split()}
    return expected


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_samples_have_no_errors(linter: Linter, path: Path) -> None:
    analysis = linter.analyse_file(path)
    assert analysis.plan is not None
    assert [f.code for f in analysis.findings if f.severity is Severity.ERROR] == []


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_samples_report_the_marked_codes_at_the_marked_lines(
    linter: Linter, path: Path
) -> None:
    analysis = linter.analyse_file(path)
    actual = {(finding.code, finding.line) for finding in analysis.findings}
    assert actual == expected_findings(path)


def test_there_are_good_and_bad_samples_of_each_kind() -> None:
    names = {path.stem for path in GOOD}
    assert {"minimal", "acme-japan", "two-bu-mds", "legacy-v1"} <= names
    assert len(BAD) >= 5


def test_every_foundation_rule_appears_in_a_bad_sample() -> None:
    from tests.unit.rules.test_rulebook_meta import ISSUE_2_CODES

    marked = {code for path in BAD for code, _ in expected_findings(path)}
    assert marked >= ISSUE_2_CODES
