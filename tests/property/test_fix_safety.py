"""`--fix` on any plan: never worse YAML, and only the lines that held an edit change."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from planner.lint.fixing import fix_analysis
from planner.lint.linter import Linter
from planner.plan import fixes
from tests.property.strategies import mutated_sample

LINTER = Linter()
EXAMPLES = int(os.environ.get("AEPLAN_FUZZ_EXAMPLES", "300"))
FIX = settings(
    max_examples=min(EXAMPLES, 300), deadline=None,
    derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)  # fmt: skip


@FIX
@given(mutated_sample())
def test_fixing_any_plan_is_safe(raw: bytes) -> None:
    analysis = LINTER.analyse_bytes(raw, "plan.yaml")
    for finding in analysis.findings:
        if finding.edit is not None:
            assert finding.edit.line <= finding.edit.end_line
            assert finding.edit.replacement != ""
    fixed = fix_analysis(LINTER, analysis, unsafe=True)
    if fixed is None:
        return
    assert fixed.before == analysis.loaded.text
    again = LINTER.analyse_bytes(fixed.after.encode("utf-8"), "plan.yaml")
    broken_before = any(f.code == "AE001" for f in analysis.findings)
    assert broken_before or not any(f.code == "AE001" for f in again.findings)
    # Only the characters of edits changed: every line the fix touched held an edit.
    edited = {f.edit.line for f in analysis.findings if f.edit is not None}
    before, after = fixed.before.splitlines(), fixed.after.splitlines()
    if fixed.applied == len(fixes.applicable((f.edit for f in analysis.findings), unsafe=True)):
        inserted = sum(f.edit.replacement.count("\n") for f in analysis.findings if f.edit)
        assert len(after) == len(before) + inserted
        if not inserted:
            changed = {n for n, (a, b) in enumerate(zip(before, after), start=1) if a != b}
            assert changed <= edited
