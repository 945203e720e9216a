"""The option "as written" says what ``aeplan lint`` says of the plan: the same blocking errors and
warnings for its business unit, once placeholders for missing data are left out (newcomer #1)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planner.comparison import json_document
from planner.comparison import text as text_format
from planner.comparison.building import compare_analysis
from planner.comparison.incremental import unit_index
from planner.comparison.results import Comparison, UnitComparison
from planner.comparison.section import section_data
from planner.errors import PlannerError
from planner.init.plan_writer import Answers, render_plan
from planner.lint.linter import Analysis, Linter
from tests.conftest import SAMPLES, analyse

SHOWN = ("error", "warning")
# Read from the file as written, before the model keeps a unit's first connector: the comparison
# compares the plan as the model reads it (docs/compare.md, "Limits").
# AE901/AE902 are about suppression comments, which the comparison ignores (same section).
RAW_ONLY = frozenset({"AE102", "AE901", "AE902"})
INIT_ANSWERS = {
    "default": Answers(),
    "two-bu-mds": Answers(business_units=("Japan", "Korea"), scope="marketing_data_sharing"),
    "custom-user": Answers(connector_user="custom_user", custom_username="c@acme.example"),
    "custom-user-mds": Answers(
        connector_user="custom_user",
        custom_username="c@acme.example",
        scope="marketing_data_sharing",
        business_units=("A", "B"),
    ),
    "v1": Answers(version=1, connector_user="custom_user", custom_username="c@acme.example"),
    "person-accounts": Answers(person_accounts="sync", person_accounts_enabled=True),
}


def _in_unit(pointer: str, index: int) -> bool:
    """Below business unit ``index``, or about the whole plan (below no unit)."""
    return unit_index(pointer) is None or _below(pointer, f"/business_units/{index}")


def lint_keys(analysis: Analysis, unit: UnitComparison) -> set[tuple[str, str]]:
    """Lint's errors and warnings for the unit and the whole plan, with those suppression
    comments waived (the comparison ignores suppression comments, docs/compare.md "Limits"),
    less those the option lists as left out because a placeholder stands in for missing data."""
    option = next(option for option in unit.options if option.as_written)
    waived = [item.finding for item in analysis.waived]
    return {
        (finding.code, finding.pointer)
        for finding in [*analysis.findings, *waived]
        if finding.severity.value in SHOWN
        and _in_unit(finding.pointer, unit.index)
        and finding.code not in RAW_ONLY
        and finding.code not in option.placeholder_codes
    }


def _below(pointer: str, holder: str) -> bool:
    return pointer == holder or pointer.startswith(holder + "/")


def compare_keys(comparison: Comparison, unit: UnitComparison) -> set[tuple[str, str]]:
    """The as-written option's own findings, those every option of the unit raises and those
    about the whole plan every option raises: each said exactly once."""
    option = next(option for option in unit.options if option.as_written)
    noted = [
        *option.errors,
        *option.warnings,
        *unit.in_every_option,
        *comparison.in_every_option,
    ]
    keys = [
        (item.code, item.pointer)
        for item in noted
        if item.severity in SHOWN and item.code not in option.placeholder_codes
    ]
    assert len(keys) == len(set(keys)), ("said twice", unit.name, keys)
    return set(keys)


def shown_everywhere(analysis: Analysis, comparison: Comparison, linter: Linter) -> None:
    """Text, JSON and the report's section name every finding the comparison lists once."""
    text = io.StringIO()
    text_format.render(comparison, text)
    document = json_document.document(comparison)
    assert document["in_every_option"] == [
        {"code": n.code, "name": n.name, "severity": n.severity, "message": n.message,
         "pointer": n.pointer}
        for n in comparison.in_every_option
    ]  # fmt: skip
    section = section_data(analysis, "en", linter.engine)
    report = section.markdown
    for shown in (text.getvalue(), report):
        for noted in comparison.in_every_option:
            assert f"{noted.code} {noted.name}" in shown
    if comparison.in_every_option:
        assert section.every_option_plan.count(comparison.in_every_option[0].code) == 1
    for unit, found in zip(comparison.units, document["business_units"]):
        assert [item["code"] for item in found["in_every_option"]] == [
            noted.code for noted in unit.in_every_option
        ]


def check(linter: Linter, analysis: Analysis) -> int:
    """Compare every unit that has an option as written; the number of units checked."""
    try:
        comparison = compare_analysis(analysis, linter.engine, "en")
    except PlannerError:  # unreadable or holding a secret: compare refuses, as it should
        return 0
    checked = 0
    for unit in comparison.units:
        if unit.written is None:
            continue
        expected = lint_keys(analysis, unit)
        assert compare_keys(comparison, unit) == expected, (analysis.path, unit.name)
        checked += 1
    shown_everywhere(analysis, comparison, linter)
    return checked


def test_every_sample_plan(linter: Linter) -> None:
    checked = 0
    for path in sorted((SAMPLES / "good").glob("*.yaml")) + sorted(
        (SAMPLES / "bad").glob("*.yaml")
    ):
        checked += check(linter, linter.analyse_file(path))
    assert checked >= 10


@pytest.mark.parametrize("name", sorted(INIT_ANSWERS))
def test_init_written_plans(linter: Linter, name: str) -> None:
    analysis = analyse(linter, render_plan(INIT_ANSWERS[name]), f"{name}.yaml")
    assert check(linter, analysis) >= 1


def test_the_newcomers_plan_shows_the_warning_lint_gives(linter: Linter, tmp_path: Path) -> None:
    text = render_plan(INIT_ANSWERS["two-bu-mds"]).replace(", field_level_security", "")
    analysis = analyse(linter, text, "good.yaml")
    assert "AE317" in {finding.code for finding in analysis.findings}
    comparison = compare_analysis(analysis, linter.engine, "en")
    for unit in comparison.units:
        written = next(option for option in unit.options if option.as_written)
        assert [item.code for item in written.warnings] == ["AE317"]
        assert written.changes == () and written.steps == ()
    assert check(linter, analysis) == 2


def test_the_second_newcomers_plan_lists_the_plan_wide_warnings_once(linter: Linter) -> None:
    """``init --bus Japan,Korea --scope marketing_data_sharing`` gives AE206, AE207, AE701 about
    the team: every option of both units raises them, so they are listed once for the plan."""
    analysis = analyse(linter, render_plan(INIT_ANSWERS["two-bu-mds"]), "n.yaml")
    comparison = compare_analysis(analysis, linter.engine, "ja")
    assert [noted.code for noted in comparison.in_every_option] == ["AE206", "AE207", "AE701"]
    assert all(unit.in_every_option == () for unit in comparison.units)
    shown = io.StringIO()
    text_format.render(comparison, shown)
    lines = [line for line in shown.getvalue().splitlines() if "AE206" in line]
    assert len(lines) == 1
    assert lines[0].startswith("すべてのビジネスユニットのすべての選択肢に共通")
    assert "）：AE206" in lines[0] and ": " not in lines[0]
    assert check(linter, analysis) == 2
