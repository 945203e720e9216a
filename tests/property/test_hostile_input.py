"""No traceback, ever: hostile bytes through lint end in findings or a precise problem."""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from planner.lint.linter import Linter, LintResult
from planner.reporters import REPORTERS, reporter
from tests.property.strategies import any_plan_bytes

LINTER = Linter()
EXAMPLES = int(os.environ.get("AEPLAN_FUZZ_EXAMPLES", "1500"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(any_plan_bytes())
def test_lint_never_raises_and_every_format_renders(raw: bytes) -> None:
    analysis = LINTER.analyse_bytes(raw, "fuzz.yaml")
    for finding in analysis.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.message and "\n" not in finding.code
    result = LintResult((analysis,), analysis.lang, LINTER.rulebook)
    for name in REPORTERS:
        stream = io.StringIO()
        reporter(name).render(result, stream)
        if name == "json":
            json.loads(stream.getvalue())


REPORT_EXAMPLES = max(EXAMPLES // 15, 50)


@settings(
    max_examples=REPORT_EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(any_plan_bytes())
def test_report_and_compare_end_in_output_or_one_line_error(raw: bytes) -> None:
    from planner.comparison.building import compare_analysis
    from planner.comparison.formats import renderer
    from planner.errors import PlannerError
    from planner.report.document import build_report

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(raw)
        for output_format in ("markdown", "html"):
            try:
                assert build_report(path, output_format)
            except PlannerError as error:
                assert "\n" not in error.one_line() and str(path) in error.one_line()
        try:
            comparison = compare_analysis(LINTER.analyse_file(path), LINTER.engine)
        except PlannerError as error:
            assert "\n" not in error.one_line() and str(path) in error.one_line()
        else:
            for name in ("text", "json", "markdown"):
                renderer(name).render(comparison, io.StringIO())
