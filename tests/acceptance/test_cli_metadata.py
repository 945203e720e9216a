"""`--metadata` through the CLI: the new-user scenario, formats, where the path comes from."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import SAMPLES

METADATA = SAMPLES / "metadata"
PLAN = """\
aeplan: 1
salesforce: {org: globex}
business_units:
  - name: Japan
    edition: advanced
    connector: {version: 2, state: paused, user: integration_user}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {object: lead, field: Marketing_BU__c, operator: equals, value: Japan}
        - {object: contact, field: Marketing_BU__c, operator: equals, value: Japan}
    field_mappings:
      - {prospect_field: Opted Out, behavior: most_recent}
"""


def _run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    runner = CliRunner()
    here = os.getcwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(cli, args)
    finally:
        os.chdir(here)
    return result.exit_code, result.stdout, result.stderr


def _project(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copytree(METADATA / name, tmp_path / "force-app-project"))


def _break(project: Path) -> None:
    """The new user's org: no MDS field on Contact, no edit on Lead's, Opted Out untracked."""
    base = project / "force-app" / "main" / "default"
    (base / "objects/Contact/fields/Marketing_BU__c.field-meta.xml").unlink()
    profile = base / "profiles/B2BMA Integration User.profile-meta.xml"
    text = profile.read_text(encoding="utf-8")
    granted = "<editable>true</editable>\n        <field>Lead.Marketing_BU__c</field>"
    assert granted in text
    profile.write_text(text.replace(granted, granted.replace("true", "false")), encoding="utf-8")
    opted_out = base / "objects/Lead/fields/HasOptedOutOfEmail.field-meta.xml"
    tracked = opted_out.read_text(encoding="utf-8")
    opted_out.write_text(tracked.replace("<trackHistory>true", "<trackHistory>false"), "utf-8")


def test_new_user_scenario_three_findings_then_clean(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    project = _project(tmp_path, "globex-dx")
    _break(project)
    code, out, _ = _run(
        ["lint", "plan.yaml", "--metadata", project.name, "--format", "json"], tmp_path
    )
    findings = json.loads(out)["findings"]
    got = [(f["code"], f["line"], f["related"][0]["file"].split("/")[-1]) for f in findings
           if f["code"].startswith("AEM")]  # fmt: skip
    assert code == 1
    assert got == [
        ("AEM111", 10, "B2BMA Integration User.profile-meta.xml"),
        ("AEM101", 11, "Contact"),
        ("AEM121", 13, "HasOptedOutOfEmail.field-meta.xml"),
    ]
    # Fix the metadata: the field on Contact, edit access on Lead, history tracking on Opted Out.
    shutil.rmtree(project)
    _project(tmp_path, "globex-dx")
    code, out, _ = _run(
        ["lint", "plan.yaml", "--metadata", project.name, "--select", "AEM"], tmp_path
    )
    assert (code, out.strip()) == (0, "No findings in 1 file.")


def test_text_names_the_metadata_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    _project(tmp_path, "globex-broken-dx")
    _, out, _ = _run(["lint", "plan.yaml", "--metadata", "force-app-project"], tmp_path)
    assert (
        "see: force-app-project/force-app/main/default/objects/Lead/fields/"
        "HasOptedOutOfEmail.field-meta.xml:4" in out
    )


def test_sarif_carries_related_locations(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    _project(tmp_path, "globex-broken-dx")
    _, out, _ = _run(
        ["lint", "plan.yaml", "--metadata", "force-app-project", "--format", "sarif"], tmp_path
    )
    results = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "AEM121"]
    related = results[0]["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"].endswith("HasOptedOutOfEmail.field-meta.xml")
    assert related["region"] == {"startLine": 4}


def test_plan_key_is_relative_to_the_plan_and_the_command_line_wins(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    declared = PLAN.replace("{org: globex}", "{org: globex, metadata: ../force-app-project}")
    (plans / "plan.yaml").write_text(declared, encoding="utf-8")
    _project(tmp_path, "globex-broken-dx")
    shutil.copytree(METADATA / "globex-dx", tmp_path / "fixed")
    code, out, _ = _run(["lint", "plans/plan.yaml", "--select", "AEM"], tmp_path)
    assert code == 1 and "AEM101" in out
    code, out, _ = _run(
        ["lint", "plans/plan.yaml", "--select", "AEM", "--metadata", "fixed"], tmp_path
    )
    assert code == 0, out


def test_configuration_key_is_relative_to_its_file_and_config_shows_it(tmp_path: Path) -> None:
    (tmp_path / "aeplan.toml").write_text('metadata = "force-app-project"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    _project(tmp_path, "globex-broken-dx")
    code, out, _ = _run(["lint", "plan.yaml", "--select", "AEM"], tmp_path / "sub")
    assert code == 1 and "AEM121" in out
    _, shown, _ = _run(["config"], tmp_path / "sub")
    assert 'metadata = "../force-app-project"' in shown and "aeplan.toml" in shown


def test_a_missing_metadata_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    code, _, err = _run(["lint", "plan.yaml", "--metadata", "nowhere"], tmp_path)
    assert code == 2
    assert err.count("\n") == 1 and "--metadata" in err and "nowhere" in err


def test_a_hostile_metadata_file_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    project = _project(tmp_path, "globex-dx")
    field = project / "force-app/main/default/objects/Lead/fields/Marketing_BU__c.field-meta.xml"
    field.write_text('<!DOCTYPE x [<!ENTITY a "aaaa">]><CustomField>&a;</CustomField>')
    code, out, _ = _run(["lint", "plan.yaml", "--metadata", project.name, "--lang", "ja"], tmp_path)
    assert code == 1
    assert "AEM100" in out and "Marketing_BU__c.field-meta.xml:1" in out and "DTD" in out


def test_compare_checks_each_option_against_the_metadata(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    _project(tmp_path, "globex-broken-dx")
    args = ["compare", "plan.yaml", "--format", "json"]
    _, plain, _ = _run(args, tmp_path)
    _, checked, _ = _run([*args, "--metadata", "force-app-project"], tmp_path)
    assert "AEM101" not in plain and "AEM101" in checked
    code, _, err = _run([*args, "--metadata", "nowhere"], tmp_path)
    assert code == 2 and "--metadata" in err


def test_init_proposes_answers_read_from_the_metadata(tmp_path: Path) -> None:
    _project(tmp_path, "globex-dx")
    (tmp_path / "plans").mkdir()
    args = ["init", "--no-input", "--bus", "Japan,Korea", "--metadata", "force-app-project"]
    code, out, _ = _run([*args, "-o", "plans/new.yaml"], tmp_path)
    assert code == 0, out
    assert "Japan Campaign, Korea Campaign" in out and "Marketing_BU__c" in out
    plan = (tmp_path / "plans" / "new.yaml").read_text(encoding="utf-8")
    assert 'metadata: "../force-app-project"' in plan
    assert '{object: contact, field: "Marketing_BU__c"' in plan
    assert "person_accounts: false" in plan
    code, out, _ = _run(["lint", "plans/new.yaml", "--select", "AEM"], tmp_path)
    assert (code, out.strip()) == (0, "No findings in 1 file.")


def test_a_plan_cannot_send_aeplan_reading_outside_the_working_folder(tmp_path: Path) -> None:
    shutil.copytree(METADATA / "globex-dx", tmp_path / "elsewhere")
    (tmp_path / "repo").mkdir()
    declared = PLAN.replace("{org: globex}", "{org: globex, metadata: ../elsewhere}")
    (tmp_path / "repo" / "plan.yaml").write_text(declared, encoding="utf-8")
    code, out, _ = _run(["lint", "plan.yaml", "--select", "AEM"], tmp_path / "repo")
    assert code == 1 and "AEM100" in out and "outside the folder aeplan runs in" in out
    code, out, _ = _run(["lint", "plan.yaml", "--select", "AEM", "--metadata", "../elsewhere"],
                        tmp_path / "repo")  # fmt: skip
    assert code == 0, out


def test_a_global_value_set_is_named_in_the_finding_s_language(tmp_path: Path) -> None:
    """AEM132 on a picklist bound to a global value set names the set in each language."""
    project = _project(tmp_path, "globex-broken-dx")
    field = project / "force-app/main/default/objects/Lead/fields/Interest__c.field-meta.xml"
    text = field.read_text(encoding="utf-8")
    start, end = text.index("<valueSet>"), text.index("</valueSet>") + len("</valueSet>")
    bound = "<valueSet>\n        <valueSetName>Interests</valueSetName>\n    </valueSet>"
    field.write_text(text[:start] + bound + text[end:], encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PLAN.split("    sync:")[0] + "    field_mappings:\n"
        "      - {prospect_field: Interest, lead_field: Interest__c, contact_field: Interest__c,"
        " behavior: account_engagement, type: picklist}\n",
        encoding="utf-8",
    )
    said = {}
    for lang in ("en", "ja"):
        args = ["lint", "--format", "json", "--select", "AEM132", "--lang", lang,
                "--metadata", str(project), str(plan)]  # fmt: skip
        code, out, _ = _run(args, tmp_path)
        assert code == 0, out  # a warning: below the default --fail-on error
        said[lang] = [f["message"] for f in json.loads(out)["findings"]]
    assert any("global value set Interests" in message for message in said["en"])
    assert any("グローバル値セット Interests" in message for message in said["ja"])
    assert not any("global value set" in message for message in said["ja"])


def test_a_folder_of_several_projects_is_refused_naming_them(tmp_path: Path) -> None:
    holder = tmp_path / "m"
    for name in ("globex-dx", "globex-broken-dx", "globex-mdapi"):
        shutil.copytree(METADATA / name, holder / name)
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    for command in (["lint", "plan.yaml"], ["compare", "plan.yaml"]):
        code, out, err = _run([*command, "--metadata", "m"], tmp_path)
        assert code == 2 and out == ""
        assert err == (
            "aeplan: error: --metadata: the folder m is not itself a metadata project but holds "
            "m/globex-broken-dx, m/globex-dx, m/globex-mdapi; give --metadata the one to check\n"
        )
    code, _, err = _run(["lint", "plan.yaml", "--metadata", "m", "--lang", "ja"], tmp_path)
    assert code == 2 and "m/globex-broken-dx、m/globex-dx、m/globex-mdapi を含んでいます" in err
    code, out, _ = _run(["lint", "plan.yaml", "--metadata", "m/globex-dx"], tmp_path)
    assert code in (0, 1) and "globex-broken-dx" not in out


def test_a_plan_naming_a_folder_of_projects_gets_a_finding_not_a_merge(tmp_path: Path) -> None:
    for name in ("globex-dx", "globex-broken-dx"):
        shutil.copytree(METADATA / name, tmp_path / "m" / name)
    plan = PLAN.replace("salesforce: {org: globex}", "salesforce: {org: globex, metadata: m}")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    code, out, _ = _run(["lint", "plan.yaml"], tmp_path)
    assert code == 1
    assert "is not itself a metadata project but holds several" in out
    assert "(m/globex-broken-dx, m/globex-dx)" in out


def test_a_file_given_as_metadata_is_named_a_file_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "README.md").write_text("hello\n", encoding="utf-8")
    code, _, err = _run(["lint", "plan.yaml", "--metadata", "README.md"], tmp_path)
    assert code == 2
    assert err == (
        "aeplan: error: --metadata: README.md is a file, not a folder; "
        "give the DX project or Metadata API folder\n"
    )
    code, _, err = _run(["lint", "plan.yaml", "--metadata", "README.md", "--lang", "ja"], tmp_path)
    assert code == 2 and "README.md はフォルダーではなくファイルです" in err
    (tmp_path / "aeplan.toml").write_text('metadata = "README.md"\n', "utf-8")
    code, _, err = _run(["lint", "plan.yaml"], tmp_path)
    assert code == 2 and "is a file, not a folder" in err, err


def test_see_lines_are_named_the_way_the_plan_is(tmp_path: Path) -> None:
    """An absolute plan path gives absolute ``see:`` lines, not ``../../`` ones (as ruff names)."""
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    project = _project(tmp_path, "globex-broken-dx")
    elsewhere = tmp_path / "a" / "b"
    elsewhere.mkdir(parents=True)
    plan = (tmp_path / "plan.yaml").as_posix()
    _, out, _ = _run(["lint", plan, "--metadata", str(project)], elsewhere)
    assert f"{plan}:" in out and "../" not in out
    assert f"see: {project.as_posix()}/force-app/main/default/objects/Lead/fields/" in out
    _, out, _ = _run(["lint", "../../plan.yaml", "--metadata", str(project)], elsewhere)
    assert "../../plan.yaml:" in out
    assert "see: ../../force-app-project/force-app/main/default/objects/Lead/fields/" in out


def test_init_says_file_and_several_projects_as_lint_does(tmp_path: Path) -> None:
    for name in ("globex-dx", "globex-broken-dx"):
        shutil.copytree(METADATA / name, tmp_path / "m" / name)
    (tmp_path / "README.md").write_text("hello\n", encoding="utf-8")
    args = ["init", "--no-input", "--bus", "Japan", "-o", "new.yaml", "--metadata"]
    code, _, err = _run([*args, "README.md"], tmp_path)
    assert code == 2 and err.startswith("aeplan: error: --metadata: README.md is a file, not a")
    code, _, err = _run([*args, "m"], tmp_path)
    assert code == 2 and "holds m/globex-broken-dx, m/globex-dx; give --metadata" in err
    assert not (tmp_path / "new.yaml").exists()


def test_configuration_naming_a_folder_of_projects_is_named_as_written(tmp_path: Path) -> None:
    for name in ("globex-dx", "globex-broken-dx"):
        shutil.copytree(METADATA / name, tmp_path / "m" / name)
    (tmp_path / "aeplan.toml").write_text('metadata = "m"\n', encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    code, _, err = _run(["lint", "plan.yaml"], tmp_path)
    assert code == 2
    assert err == (
        "aeplan: error: aeplan.toml:1:1: `metadata`: the folder m is not itself a metadata project "
        "but holds m/globex-broken-dx, m/globex-dx; give `metadata` the one to check\n"
    )
