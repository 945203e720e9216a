"""Organisation rules: the shipped examples work, and every malformed rule file is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.lint.discovery import discover
from planner.lint.linter import Linter, LintOptions
from planner.rules.loader import load_rulebook
from planner.rules.rule_shape import mismatch
from planner.rules.rulebook import RuleSpec, code_in_file_name, is_rule_file
from tests.conftest import SAMPLES, analyse

ORG_RULES = SAMPLES / "org-rules"
ACME001 = (ORG_RULES / "ACME001.rule.yaml").read_text(encoding="utf-8")
ORG_RULEBOOK = load_rulebook((ORG_RULES,))
ORG_SPECS = [rule for rule in ORG_RULEBOOK.rules if not rule.code.startswith("AE")]


@pytest.fixture(scope="module")
def org_linter() -> Linter:
    return Linter(LintOptions(rule_dirs=(ORG_RULES,)))


def write_rule(folder: Path, text: str, name: str = "ACME001.rule.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(folder: Path) -> str:
    with pytest.raises(PlannerError) as caught:
        load_rulebook((folder,))
    return caught.value.one_line()


def test_two_example_organisation_rules_ship_with_the_samples() -> None:
    assert [rule.code for rule in ORG_SPECS] == ["ACME001", "ACME002"]
    builtin = {rule.code for rule in load_rulebook().rules}
    both = {rule.code for rule in load_rulebook((ORG_RULES,)).rules}
    assert both - builtin == {"ACME001", "ACME002"}


@pytest.mark.parametrize("rule", ORG_SPECS, ids=lambda rule: rule.code)
def test_organisation_examples_fire_where_documented(org_linter: Linter, rule: RuleSpec) -> None:
    failing = analyse(org_linter, rule.examples.fail)
    assert [f.pointer for f in failing.findings if f.code == rule.code] == rule.examples.fail_at
    passing = analyse(org_linter, rule.examples.pass_)
    assert passing.plan is not None
    assert [f.code for f in passing.findings if f.code == rule.code] == []


def test_rule_files_are_named_code_dot_rule_yaml_and_skipped_as_plans(tmp_path: Path) -> None:
    assert is_rule_file(Path("x/ACME001.rule.yaml")) and is_rule_file(Path("ACME1001.rule.yml"))
    assert not is_rule_file(Path("plan.yaml"))
    assert code_in_file_name(Path("ACME001.rule.yaml")) == "ACME001"
    assert code_in_file_name(Path("AE101.yaml")) == "AE101"
    write_rule(tmp_path, ACME001)
    (tmp_path / "plan.yaml").write_text("aeplan: 1\n", encoding="utf-8")
    assert discover([str(tmp_path)]).files == (tmp_path / "plan.yaml",)


def test_a_rule_file_that_is_not_yaml_is_refused_with_line_and_column(tmp_path: Path) -> None:
    write_rule(tmp_path, "code: ACME001\nname: [unclosed\n")
    message = refusal(tmp_path)
    assert "ACME001.rule.yaml:2:7: rule file is not valid YAML" in message  # the cause: `[` opened


def test_missing_japanese_docs_are_refused(tmp_path: Path) -> None:
    broken = ACME001.replace("    ja: '`sync.scope` が", "    jp: '`sync.scope` が")
    assert broken != ACME001
    write_rule(tmp_path, broken)
    # The line of the key that is wrong: `what:` under `docs:`.
    line = ACME001.splitlines().index("  what:") + 1
    assert f"ACME001.rule.yaml:{line}:3: bad rule file: `docs.what" in refusal(tmp_path)


def test_a_bad_json_schema_in_when_is_refused(tmp_path: Path) -> None:
    write_rule(tmp_path, ACME001.replace("{const: all_records}", "{type: colour}"))
    message = refusal(tmp_path)
    lines = ACME001.splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "{const: all_records}" in text)
    assert f"ACME001.rule.yaml:{line}:" in message
    assert "type` is not a valid JSON Schema: `type` takes JSON Schema type names" in message
    assert "colour" in message


def test_a_code_that_disagrees_with_the_file_name_is_refused(tmp_path: Path) -> None:
    write_rule(tmp_path, ACME001, name="ACME009.rule.yaml")
    assert "ACME009.rule.yaml: rule code ACME001 does not match the file name" in refusal(tmp_path)


def test_a_code_defined_twice_is_refused(tmp_path: Path) -> None:
    write_rule(tmp_path / "one", ACME001)
    write_rule(tmp_path / "two", ACME001.replace("every-bu-uses-mds", "every-bu-uses-mds-too"))
    with pytest.raises(
        PlannerError, match=r"two/ACME001\.rule\.yaml: rule code ACME001 is defined"
    ):
        load_rulebook((tmp_path / "one", tmp_path / "two"))


def test_a_name_used_twice_is_refused(tmp_path: Path) -> None:
    text = ACME001.replace("code: ACME001", "code: ACME003").replace(
        "name: every-bu-uses-mds", "name: unpause-before-review"
    )
    write_rule(tmp_path, text, name="ACME003.rule.yaml")
    assert "rule name unpause-before-review is already used by AE104" in refusal(tmp_path)


def test_the_ae_prefix_is_reserved_for_built_in_rules(tmp_path: Path) -> None:
    write_rule(tmp_path, ACME001.replace("code: ACME001", "code: AE901"), name="AE901.rule.yaml")
    message = refusal(tmp_path)
    assert "AE901.rule.yaml: organisation rule code AE901 uses the prefix AE" in message


def test_python_checks_are_built_in_only(tmp_path: Path) -> None:
    start = ACME001.index("check:\n")
    end = ACME001.index("examples:\n")
    text = ACME001[:start] + "check:\n  python: unpause_before_review\n" + ACME001[end:]
    write_rule(tmp_path, text)
    assert "`python:` and `structural:` checks are built-in only" in refusal(tmp_path)


def test_for_each_must_be_a_pointer(tmp_path: Path) -> None:
    write_rule(tmp_path, ACME001.replace("for_each: /business_units/*", "for_each: business_units"))
    line = ACME001.splitlines().index("  for_each: /business_units/*") + 1
    message = refusal(tmp_path)
    expected = f"ACME001.rule.yaml:{line}:3: `check.for_each` is not a JSON pointer (RFC 6901)"
    assert expected in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("report_at: sync/scope", "report_at: sync/~2", "`check.report_at` is not a JSON pointer"),
        ("for_each: /business_units/*", "for_each: /business_units/~", "`~` is only allowed"),
        ("fail_at: [/business_units/0/sync/scope]", "fail_at: [/business_units/0/sync/scope, x]",
         "`examples.fail_at.1` is not a JSON pointer"),
    ],
)  # fmt: skip
def test_pointers_in_rule_files_follow_rfc_6901_and_errors_name_the_line(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in ACME001
    write_rule(tmp_path, ACME001.replace(old, new))
    line = next(n for n, text in enumerate(ACME001.splitlines(), 1) if old in text)
    message = refusal(tmp_path)
    assert f"ACME001.rule.yaml:{line}:" in message and expected in message
    assert "\n" not in message


def test_pointers_of_a_case_follow_rfc_6901_and_errors_name_the_line(tmp_path: Path) -> None:
    cases = "  cases:\n    - name: odd\n      plan: 'aeplan: 1'\n      fires_at: [/ok, x]\n"
    write_rule(tmp_path, ACME001 + cases)
    line = len(ACME001.splitlines()) + 4
    message = refusal(tmp_path)
    assert f"ACME001.rule.yaml:{line}:" in message
    assert "`examples.cases.0.fires_at.1` is not a JSON pointer" in message


@pytest.mark.parametrize(
    ("report_at", "segment"),
    [("/business_units/²", "²"), ("/business_units/01", "01"), ("/business_units/-", "-"),
     ("/business_units/١", "١"), ("s/0/x", "s")],
)  # fmt: skip
def test_a_report_at_no_plan_can_hold_is_one_line_not_a_crash(
    tmp_path: Path, report_at: str, segment: str
) -> None:
    """`/business_units/²` was exit 3 (str.isdigit() took `²`); now the shape refuses it."""
    text = ACME001.replace("report_at: sync/scope", f"report_at: {report_at}")
    write_rule(tmp_path, text)
    message = refusal(tmp_path)
    assert f"ACME001.rule.yaml:{_line_of(text, 'report_at:')}:3: " in message
    said = f"`check.report_at` {report_at} can never point into a plan: no plan has `{segment}`"
    assert said in message
    assert "\n" not in message


def test_a_misspelt_relative_report_at_gets_the_relative_suggestion(tmp_path: Path) -> None:
    write_rule(tmp_path, ACME001.replace("report_at: sync/scope", "report_at: sync/scop"))
    message = refusal(tmp_path)
    assert message.endswith(
        "`check.report_at` sync/scop can never point into a plan: no plan has `scop` there, so "
        "every finding would point at nothing (did you mean sync/scope?)"
    )


def test_a_folder_without_rule_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    assert "no organisation rule files (CODE.rule.yaml) in this folder" in refusal(tmp_path)


def test_a_rule_file_without_the_rule_suffix_is_named_not_skipped(tmp_path: Path) -> None:
    write_rule(tmp_path, ACME001, name="ACME001.yaml")
    assert "rename it to ACME001.rule.yaml" in refusal(tmp_path)


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    assert "rule folder not found" in refusal(tmp_path / "absent")


def test_organisation_rules_can_be_selected_by_their_prefix() -> None:
    from planner.lint.linter import Selection

    linter = Linter(LintOptions(selection=Selection(("ACME",)), rule_dirs=(ORG_RULES,)))
    analysis = linter.analyse_file(SAMPLES / "good" / "minimal.yaml")
    assert {finding.code for finding in analysis.findings} == {"ACME001"}


def test_a_file_or_the_built_in_folder_is_not_an_organisation_folder(tmp_path: Path) -> None:
    rule = write_rule(tmp_path, ACME001)
    assert "--rules takes a folder of CODE.rule.yaml files, not a file" in refusal(rule)
    assert "the folder of built-in rules" in refusal(Path(__file__).resolve().parents[3] / "rules")


def test_a_misspelt_check_key_is_named_for_the_declarative_form(tmp_path: Path) -> None:
    write_rule(tmp_path, ACME001.replace("  when:\n", "  whenn:\n"))
    message = refusal(tmp_path)
    assert "bad rule file: `check.when`: this key is missing (2 problems in all)" in message
    assert "PythonCheck" not in message


def _refused(folder: Path) -> PlannerError:
    with pytest.raises(PlannerError) as caught:
        load_rulebook((folder,))
    return caught.value


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_a_placeholder_the_rule_cannot_fill_is_refused_at_its_line(tmp_path: Path) -> None:
    text = ACME001.replace('en: Business unit "{bu}" syncs', 'en: Business unit "{unit}" syncs')
    write_rule(tmp_path, text)
    error = _refused(tmp_path)
    line = _line_of(text, "{unit}")
    assert error.one_line() == (
        f"{tmp_path / 'ACME001.rule.yaml'}:{line}:3: `message.en` uses the placeholder {{unit}}, "
        "which an organisation rule cannot fill, so findings would print it as is; use {bu}, "
        "{item}, {value} (the business unit's name, the item's name, the value at report_at)"
    )
    assert "プレースホルダー {unit} を使用していますが" in error.one_line("ja")
    fix = ACME001.replace("を設定し、", "を {bu} に設定し、{name} ")
    write_rule(tmp_path, fix)
    assert "`fix.ja` uses the placeholder {name}" in _refused(tmp_path).one_line()


@pytest.mark.parametrize(
    ("for_each", "expected"),
    [
        ("/business_unit/*", "no plan has `business_unit` there, so the rule would never fire "
         "(did you mean /business_units/*?)"),
        ("/business_units/name", "no plan has `name` there, so the rule would never fire "
         "(did you mean /business_units/*?)"),
        ("/business_units/*/field_mapings/*", "(did you mean /business_units/*/field_mappings/*?)"),
        ("/business_units/*/sync/scope/x", "no plan has `x` there, so the rule would never fire"),
    ],
)  # fmt: skip
def test_a_for_each_no_plan_can_hold_is_refused_with_the_closest_pointer(
    tmp_path: Path, for_each: str, expected: str
) -> None:
    text = ACME001.replace("for_each: /business_units/*", f"for_each: {for_each}")
    write_rule(tmp_path, text)
    error = _refused(tmp_path)
    line = _line_of(text, "for_each:")
    assert error.one_line().startswith(f"{tmp_path / 'ACME001.rule.yaml'}:{line}:3: ")
    assert f"`check.for_each` {for_each} can never match a plan" in error.one_line()
    assert expected in error.one_line()
    assert "どのプランにも一致しません" in error.one_line("ja")


@pytest.mark.parametrize(
    "for_each",
    ["", "/business_units/*/field_mappings/*", "/business_units/0/connector", "/team/*",
     "/business_units/*/connector/0/user", "/salesforce/metadata", "/business_units/*/imports/*"],
)  # fmt: skip
def test_for_each_through_keys_and_indexes_of_the_plan_format_is_accepted(for_each: str) -> None:
    assert mismatch(for_each) is None


def test_a_fail_example_the_rule_does_not_fire_on_is_refused(tmp_path: Path) -> None:
    text = ACME001.replace("const: all_records", "const: every_record")
    write_rule(tmp_path, text)
    error = _refused(tmp_path)
    line = _line_of(text, "  fail: |")
    assert error.one_line() == (
        f"{tmp_path / 'ACME001.rule.yaml'}:{line}:3: `examples.fail`: the rule does not fire at "
        "/business_units/0/sync/scope on its own example, as `fail_at`/`fires_at` says it should "
        "(it fires at: nowhere)"
    )
    assert "（検出された位置: なし）" in error.one_line("ja")


def test_a_pass_example_the_rule_fires_on_is_refused(tmp_path: Path) -> None:
    start = ACME001.index("  pass: |")
    passing = "  pass: |\n    aeplan: 1\n    salesforce: {org: a}\n    business_units: [{name: J}]"
    text = ACME001[:start] + passing + "\n"
    write_rule(tmp_path, text)
    error = _refused(tmp_path)
    assert error.one_line().endswith(
        "`examples.pass`: the rule fires at /business_units/0/sync/scope on its own passing "
        "example, which must give no finding"
    )
    assert "合格する例では指摘事項が出てはいけません" in error.one_line("ja")


def test_a_case_that_fires_elsewhere_than_it_says_is_refused(tmp_path: Path) -> None:
    cases = (
        "  cases:\n    - name: two\n      plan: |\n        aeplan: 1\n"
        "        salesforce: {org: acme}\n        business_units: [{name: A}, {name: B}]\n"
        "      fires_at: [/business_units/0/sync/scope]\n"
    )
    write_rule(tmp_path, ACME001 + cases)
    message = _refused(tmp_path).one_line()
    assert f"ACME001.rule.yaml:{len(ACME001.splitlines()) + 3}:" in message
    assert "`examples.cases.0.plan`: the rule fires at /business_units/1/sync/scope" in message
    assert "which `fail_at`/`fires_at` does not list" in message
    fixed = cases.replace(
        "[/business_units/0/sync/scope]",
        "[/business_units/0/sync/scope, /business_units/1/sync/scope]",
    )
    write_rule(tmp_path, ACME001 + fixed)
    assert "ACME001" in load_rulebook((tmp_path,)).by_code()


def test_an_example_that_is_not_a_valid_plan_is_refused(tmp_path: Path) -> None:
    text = ACME001.replace(
        "        sync: {scope: all_records}", "        sync: {scope: all_records, bogus: 1}"
    )
    write_rule(tmp_path, text)
    message = _refused(tmp_path).one_line()
    assert "`examples.fail`: the example is not a valid plan (AE" in message
    assert "so the rule never runs on it" in message


def test_a_misspelt_severity_shows_the_value_and_the_closest(tmp_path: Path) -> None:
    write_rule(tmp_path, ACME001.replace("severity: error", "severity: eror"))
    error = _refused(tmp_path)
    assert error.one_line().endswith(
        '`severity`: expected one of: error, warning, info (found "eror"; did you mean error?)'
    )
    assert '（指定値: "eror"。error のことですか？）' in error.one_line("ja")
    write_rule(tmp_path, ACME001.replace("severity: error", "severity: fatal"))
    assert (
        _refused(tmp_path)
        .one_line()
        .endswith('`severity`: expected one of: error, warning, info (found "fatal")')
    )
