"""No traceback, ever: hostile bytes through lint end in findings or a precise problem."""

from __future__ import annotations

import io
import json
import os

from hypothesis import HealthCheck, given, settings

from planner.linting import Linter, LintResult
from planner.reporters import REPORTERS, reporter
from tests.property.strategies import any_plan_bytes

LINTER = Linter()
EXAMPLES = int(os.environ.get("AEPLAN_FUZZ_EXAMPLES", "1500"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip


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
