"""Reading a metadata tree: both formats, only what the plan needs, links never followed out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.metadata.documents import MetadataFileError
from planner.metadata.reading import Needs, Reader
from planner.metadata.source import locate
from tests.conftest import SAMPLES
from tests.metadata_formats import convert

GOOD = SAMPLES / "metadata" / "globex-dx"
NEEDS = Needs(
    fields={"lead": frozenset({"marketing_bu__c", "hasoptedoutofemail"}), "campaign": frozenset()},
    holders=frozenset({("profile", "B2BMA Integration User")}),
)


def _summary(folder: Path) -> tuple[object, ...]:
    org = Reader(locate(folder, "x")).read(NEEDS)
    lead = org.object("Lead")
    assert lead is not None
    field = lead.field("MARKETING_BU__C")
    assert field is not None
    holder = org.holder("profile", "b2bma integration user")
    assert holder is not None
    campaign = org.object("campaign")
    assert campaign is not None
    return (
        field.type, field.picklist, field.restricted, field.track_history,
        lead.field("HasOptedOutOfEmail").track_history,  # type: ignore[union-attr]
        sorted(lead.names), sorted(rt.label for rt in campaign.record_types),
        holder.fields["lead.marketing_bu__c"].editable, org.problems,
    )  # fmt: skip


def test_dx_and_metadata_api_formats_read_the_same(tmp_path: Path) -> None:
    dx = _summary(GOOD)
    assert dx[:4] == ("Picklist", ("Japan", "Korea"), True, False)
    assert dx[-2:] == (True, ())
    assert _summary(convert(GOOD, tmp_path / "mdapi")) == dx
    assert _summary(SAMPLES / "metadata" / "globex-mdapi") == dx


def test_a_source_folder_without_a_project_file_is_read_too() -> None:
    source = locate(GOOD / "force-app", "force-app")
    assert source.kind == "source" and source.of("objects")


def test_only_the_named_field_files_are_parsed() -> None:
    reader = Reader(locate(GOOD))
    reader.read(NEEDS)
    parsed = {path.name for path in reader._documents}
    assert "Marketing_BU__c.field-meta.xml" in parsed
    assert "Region__c.field-meta.xml" not in parsed


def test_a_missing_or_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MetadataFileError) as missing:
        locate(tmp_path / "nowhere")
    assert missing.value.reason == "not_found"
    with pytest.raises(MetadataFileError) as empty:
        locate(tmp_path)
    assert empty.value.reason == "no_metadata"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_out_of_the_tree_is_not_read_and_a_link_loop_ends(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text("<CustomField><fullName>Leaked__c</fullName></CustomField>")
    fields = tmp_path / "project" / "objects" / "Lead" / "fields"
    fields.mkdir(parents=True)
    (fields / "Leaked__c.field-meta.xml").symlink_to(secret)
    (tmp_path / "project" / "objects" / "Lead" / "loop").symlink_to(tmp_path / "project")
    (tmp_path / "project" / "again").symlink_to(tmp_path / "project")
    org = Reader(locate(tmp_path / "project")).read(Needs({"lead": frozenset({"leaked__c"})}))
    assert [problem.reason for problem in org.problems] == ["outside"]
    lead = org.object("lead")
    assert lead is not None and lead.field("Leaked__c") is None


def test_a_plain_folder_holding_projects_is_refused_and_never_entered(tmp_path: Path) -> None:
    for number in range(7):
        project = tmp_path / f"p{number}"
        (project / "objects" / "Lead").mkdir(parents=True)
        (project / "package.xml").write_text("<Package/>", encoding="utf-8")
    with pytest.raises(MetadataFileError) as several:
        locate(tmp_path, "m")
    assert several.value.reason == "several_projects"
    assert several.value.detail == "m/p0, m/p1, m/p2, m/p3, m/p4, …"
    assert locate(tmp_path / "p3", "m/p3").kind == "mdapi"
    (tmp_path / "README.md").write_text("hi", encoding="utf-8")
    with pytest.raises(MetadataFileError) as file:
        locate(tmp_path / "README.md")
    assert file.value.reason == "not_folder"


def test_hidden_and_node_modules_folders_are_not_walked(tmp_path: Path) -> None:
    (tmp_path / "force-app" / "objects" / "Lead").mkdir(parents=True)
    for skipped in ("node_modules", ".sfdx"):
        (tmp_path / skipped / "objects" / "Contact").mkdir(parents=True)
        (tmp_path / skipped / "sfdx-project.json").write_text("{}", encoding="utf-8")
    source = locate(tmp_path, ".")
    assert source.of("objects") == (tmp_path / "force-app" / "objects",)
