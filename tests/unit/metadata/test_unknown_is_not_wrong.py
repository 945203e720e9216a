"""Unknown is not wrong: what the metadata does not show is at most an info finding."""

from __future__ import annotations

import shutil
from pathlib import Path

from planner.findings import Severity
from planner.lint.linter import Linter, LintOptions
from tests.conftest import SAMPLES, analyse

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
      - {prospect_field: Email, lead_field: Email, contact_field: Email, behavior: most_recent}
      - {prospect_field: Opted Out, behavior: most_recent}
"""


def _metadata_findings(folder: Path, plan: str = PLAN) -> list[tuple[str, Severity, str]]:
    analysis = analyse(Linter(LintOptions(metadata=folder)), plan)
    return [(f.code, f.severity, f.pointer) for f in analysis.findings if f.code.startswith("AEM")]


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLES / "metadata" / "globex-dx", tmp_path / "org"))


def _base(project: Path) -> Path:
    return project / "force-app" / "main" / "default"


def test_the_good_org_is_clean() -> None:
    assert _metadata_findings(SAMPLES / "metadata" / "globex-dx") == []


def test_standard_fields_absent_from_the_metadata_are_not_reported(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    for obj in ("Lead", "Contact"):
        (_base(project) / f"objects/{obj}/fields/HasOptedOutOfEmail.field-meta.xml").unlink()
    assert _metadata_findings(project) == []


def test_a_profile_not_retrieved_is_one_info_finding(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    shutil.rmtree(_base(project) / "profiles")
    assert _metadata_findings(project) == [
        ("AEM117", Severity.INFO, "/business_units/0/connector/user")
    ]


def test_a_profile_retrieved_without_the_field_permission_is_info(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    profile = _base(project) / "profiles" / "B2BMA Integration User.profile-meta.xml"
    text = profile.read_text(encoding="utf-8")
    entry = (
        "    <fieldPermissions>\n        <editable>true</editable>\n"
        "        <field>Contact.Marketing_BU__c</field>\n        <readable>true</readable>\n"
        "    </fieldPermissions>\n"
    )
    assert entry in text
    profile.write_text(text.replace(entry, ""), encoding="utf-8")
    assert _metadata_findings(project) == [
        ("AEM118", Severity.INFO, "/business_units/0/sync/marketing_data_sharing/1/field")
    ]


def test_an_object_not_retrieved_is_one_info_finding(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    shutil.rmtree(_base(project) / "objects" / "Contact")
    assert _metadata_findings(project) == [
        ("AEM109", Severity.INFO, "/business_units/0/sync/marketing_data_sharing/1/field")
    ]


def test_field_names_match_without_regard_to_case(tmp_path: Path) -> None:
    assert (
        _metadata_findings(
            SAMPLES / "metadata" / "globex-dx", PLAN.replace("Marketing_BU__c", "marketing_bu__C")
        )
        == []
    )


def test_a_permission_set_the_plan_names_can_grant_what_the_profile_lacks(tmp_path: Path) -> None:
    project = _copy(tmp_path)
    profile = _base(project) / "profiles" / "B2BMA Integration User.profile-meta.xml"
    granted = "<editable>true</editable>\n        <field>Lead.Marketing_BU__c</field>"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace(granted, granted.replace("true", "false")), encoding="utf-8")
    assert [code for code, _, _ in _metadata_findings(project)] == ["AEM111"]
    folder = _base(project) / "permissionsets"
    folder.mkdir()
    (folder / "Marketing_BU_Editor.permissionset-meta.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n'
        "    <fieldPermissions>\n        <editable>true</editable>\n"
        "        <field>Lead.Marketing_BU__c</field>\n        <readable>true</readable>\n"
        "    </fieldPermissions>\n    <label>Marketing BU Editor</label>\n</PermissionSet>\n",
        encoding="utf-8",
    )
    with_set = PLAN.replace(
        "user: integration_user}",
        "user: integration_user, integration_user: {permission_sets: [Marketing BU Editor]}}",
    )
    assert _metadata_findings(project, with_set) == []
