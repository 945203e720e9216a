"""SARIF output: valid against the official 2.1.0 schema, complete rules, stable fingerprints."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from planner.findings import Severity
from planner.lint.linter import LintResult
from planner.reporters import sarif
from tests.unit.reporters.support import (
    HOSTILE,
    hostile_plan,
    hostile_result,
    load_json_schema,
    rendered,
    results,
    samples_result,
    texts_result,
)

CASES = results()


def sarif_of(result: LintResult) -> Any:
    return json.loads(rendered("sarif", result))


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_output_is_valid_sarif_2_1_0(case: str) -> None:
    schema = load_json_schema("sarif-schema-2.1.0.json")
    validator_class = validator_for(schema)
    assert validator_class.__name__ == "Draft4Validator"
    errors = sorted(validator_class(schema).iter_errors(sarif_of(CASES[case])), key=str)
    assert [error.message for error in errors] == []


def test_driver_lists_every_rule_in_code_order_with_its_docs() -> None:
    result = samples_result("en")
    driver = sarif_of(result)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "aeplan"
    assert [rule["id"] for rule in driver["rules"]] == [r.code for r in result.rulebook.rules]
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    spec = result.rulebook.by_code()["AE104"]
    rule = by_id["AE104"]
    assert rule["name"] == "unpause-before-review"
    assert rule["shortDescription"]["text"] == spec.summary.en
    assert rule["fullDescription"]["text"] == spec.docs.what.en
    assert rule["help"]["text"] == spec.docs.fix.en
    assert "**Why it matters**" in rule["help"]["markdown"]
    assert spec.references[0] in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rule["properties"]["facts"] == ["F09", "F11", "F102"]
    assert "account-engagement" in rule["properties"]["tags"]
    assert by_id["AE001"]["properties"]["tags"] == ["account-engagement", "structure"]


def test_results_carry_level_message_location_pointer_and_fingerprint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    result = hostile_result()
    log = sarif_of(result)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    findings = result.findings
    assert len(log["runs"][0]["results"]) == len(findings)
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for finding, entry in zip(findings, log["runs"][0]["results"]):
        assert rules[entry["ruleIndex"]]["id"] == entry["ruleId"] == finding.code
        assert entry["level"] == levels[finding.severity]
        assert entry["message"]["text"] == finding.message
        physical = entry["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"] == {
            "uri": "plans/hostile.yaml",
            "uriBaseId": "%SRCROOT%",
        }
        region = physical["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert region["endLine"] == finding.line and region["endColumn"] > finding.column
        logical = entry["locations"][0]["logicalLocations"][0]
        assert logical == {"fullyQualifiedName": finding.pointer, "kind": "member"}
        key = f"{finding.code}\0{finding.pointer}\0plans/hostile.yaml".encode()
        assert entry["partialFingerprints"] == {"aeplan/v1": hashlib.sha256(key).hexdigest()}
    assert any(HOSTILE in entry["message"]["text"] for entry in log["runs"][0]["results"])


def test_fingerprints_survive_lines_added_above_a_finding() -> None:
    plan = hostile_plan("Japan")
    moved = plan.replace("aeplan: 1\n", "aeplan: 1\n# a comment\n# and another\n", 1)
    before = sarif_of(texts_result((("plan.yaml", plan),)))["runs"][0]["results"]
    after = sarif_of(texts_result((("plan.yaml", moved),)))["runs"][0]["results"]
    ae104 = [(b, a) for b, a in zip(before, after) if b["ruleId"] == "AE104"]
    assert ae104
    for old, new in ae104:
        old_line = old["locations"][0]["physicalLocation"]["region"]["startLine"]
        assert new["locations"][0]["physicalLocation"]["region"]["startLine"] == old_line + 2
        assert new["partialFingerprints"] == old["partialFingerprints"]


def test_files_outside_the_working_directory_get_absolute_file_uris(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    inside = tmp_path / "work"
    inside.mkdir()
    monkeypatch.chdir(inside)
    outside = str(tmp_path / "other folder" / "plan #1.yaml")
    spaced = str(inside / "my plans" / "plan #1.yaml")
    result = texts_result(((outside, hostile_plan("Japan")), (spaced, hostile_plan("Japan"))))
    uris = {
        entry["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: entry["locations"][0][
            "physicalLocation"
        ]["artifactLocation"].get("uriBaseId")
        for entry in sarif_of(result)["runs"][0]["results"]
    }
    assert uris == {
        Path(outside).as_uri(): None,
        "my%20plans/plan%20%231.yaml": "%SRCROOT%",
    }
    assert Path(outside).as_uri().startswith("file:///") and "%20" in Path(outside).as_uri()


def test_language_follows_the_result() -> None:
    log = sarif_of(samples_result("ja"))
    run = log["runs"][0]
    assert run["language"] == "ja-JP"
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "AE104")
    assert rule["shortDescription"]["text"].startswith("一時停止中の v2 コネクタでは")
    assert "**重要な理由**" in rule["help"]["markdown"]
    assert any("ビジネスユニット" in entry["message"]["text"] for entry in run["results"])
    assert sarif_of(samples_result("en"))["runs"][0]["language"] == "en-US"


def test_columns_are_declared_as_code_points_and_output_is_stable() -> None:
    result = samples_result("en")
    text = rendered("sarif", result)
    assert json.loads(text)["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert rendered("sarif", result) == text
    assert text.endswith("}\n")


def test_version_and_schema_uri() -> None:
    log = sarif_of(samples_result("en"))
    assert log["version"] == "2.1.0"
    assert log["$schema"] == sarif.SCHEMA_URI


def test_a_finding_whose_code_is_not_in_the_rulebook_is_still_reported() -> None:
    from dataclasses import replace

    from planner.findings import Finding

    result = texts_result((("p.yaml", hostile_plan("Japan")),))
    stray = Finding("ZZ999", "stray", Severity.INFO, "m", "p.yaml", "", 1, 1)
    result = replace(result, analyses=(replace(result.analyses[0], findings=(stray,)),))
    [entry] = sarif_of(result)["runs"][0]["results"]
    assert entry["ruleId"] == "ZZ999" and "ruleIndex" not in entry
    assert "logicalLocations" not in entry["locations"][0]


def test_metadata_findings_carry_related_locations() -> None:
    from tests.unit.reporters.support import metadata_result

    log = sarif_of(metadata_result())
    found = [r for r in log["runs"][0]["results"] if r["ruleId"] == "AEM111"]
    assert found
    related = found[0]["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "B2BMA%20Integration%20User.profile-meta.xml"
    ) or related["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "B2BMA Integration User.profile-meta.xml"
    )
    assert related["physicalLocation"]["region"]["startLine"] > 1


def test_rules_carry_what_github_orders_and_links_by() -> None:
    driver = sarif_of(samples_result("en"))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert by_id["AE104"]["helpUri"].endswith("/docs/rules.md#ae104")
    assert {rule["properties"]["precision"] for rule in driver["rules"]} == {"high"}
    severities = {rule["defaultConfiguration"]["level"]: rule["properties"]["problem.severity"]
                  for rule in driver["rules"]}  # fmt: skip
    assert severities == {"error": "error", "warning": "warning", "note": "recommendation"}
    japanese = sarif_of(samples_result("ja"))["runs"][0]["tool"]["driver"]["rules"]
    assert japanese[0]["helpUri"].endswith("/docs/rules.ja.md#ae001")


def test_region_runs_to_the_end_of_the_value_before_a_comment() -> None:
    from planner.findings import Finding

    text = "aeplan: 1\nname: Acme   # a title\n  # aeplan: ignore[AE104]\n"

    def at(line: int, column: int) -> dict[str, int]:
        finding = Finding("AE104", "x", Severity.WARNING, "m", "p.yaml", "/name", line, column)
        return sarif.region(finding, text)

    assert at(2, 7) == {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 11}
    assert at(3, 3)["endColumn"] == len("  # aeplan: ignore[AE104]") + 1  # a comment: to its end
    assert at(9, 4) == {"startLine": 9, "startColumn": 4, "endLine": 9, "endColumn": 5}


def test_suppressed_findings_are_reported_as_in_source_suppressions() -> None:
    from tests.conftest import SAMPLES

    plan = SAMPLES / "bad" / "suppressions.yaml"
    result = texts_result(((str(plan), plan.read_text(encoding="utf-8")),))
    entries = sarif_of(result)["runs"][0]["results"]
    waived = [entry for entry in entries if "suppressions" in entry]
    assert len(waived) == result.suppressed > 0
    assert len(entries) == len(result.findings) + result.suppressed
    first = waived[0]["suppressions"][0]
    assert first["kind"] == "inSource" and first["status"] == "accepted"
    assert first["justification"] == "users are mapped in a separate, already reviewed step"
    assert first["location"]["physicalLocation"]["region"]["startLine"] > 0
    schema = load_json_schema("sarif-schema-2.1.0.json")
    assert list(validator_for(schema)(schema).iter_errors(sarif_of(result))) == []
