"""Untrusted metadata XML: hostile files end in a calm, bounded refusal, never a hang or a read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.metadata import documents
from planner.metadata.documents import MetadataFileError, parse_bytes, read_document

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<CustomField>&lol3;</CustomField>
"""


def _reason(raw: bytes) -> tuple[str, int]:
    with pytest.raises(MetadataFileError) as caught:
        parse_bytes(raw)
    return caught.value.reason, caught.value.line


def test_a_field_file_keeps_names_text_and_lines() -> None:
    root = parse_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n'
        b"    <fullName>Marketing_BU__c</fullName>\n    <trackHistory>true</trackHistory>\n"
        b"</CustomField>\n"
    )
    assert (root.tag, root.line) == ("CustomField", 2)
    assert root.value("fullName") == "Marketing_BU__c"
    assert root.flag("trackHistory") is True
    assert root.first("trackHistory") is not None and root.first("trackHistory").line == 4


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (BILLION_LAUGHS, "dtd"),
        (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', "dtd"),
        (b'<!DOCTYPE x SYSTEM "http://example.com/x.dtd"><x/>', "dtd"),
        (b"<x><y></x>", "malformed"),
        (b"<x>&undefined;</x>", "malformed"),
        (b"", "malformed"),
        (b"\xff\xfe<x/>", "malformed"),
        (b"<a>" * (documents.MAX_DEPTH + 5), "too_deep"),
    ],
    ids=["billion-laughs", "external-entity", "external-dtd", "mismatched", "entity", "empty",
         "bad-bytes", "deep"],
)  # fmt: skip
def test_hostile_or_broken_xml_is_refused_with_a_reason(raw: bytes, reason: str) -> None:
    assert _reason(raw)[0] == reason


def test_a_malformed_file_names_its_line() -> None:
    assert _reason(b"<x>\n<y>\n</x>\n") == ("malformed", 3)


def test_too_many_elements_stop_the_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_ELEMENTS", 10)
    assert _reason(b"<x>" + b"<y/>" * 20 + b"</x>")[0] == "too_many_elements"


def test_a_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 100)
    path = tmp_path / "Lead.object"
    path.write_bytes(b"<x>" + b" " * 200 + b"</x>")
    with pytest.raises(MetadataFileError) as caught:
        read_document(path)
    assert caught.value.reason == "too_large"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_reasons_read_in_both_languages() -> None:
    for reason in documents.REASONS:
        english = documents.reason_text(reason, "", "en")
        japanese = documents.reason_text(reason, "", "ja")
        assert english and japanese and english != japanese


@pytest.mark.parametrize(
    ("raw", "english", "japanese"),
    [
        (b"<x><y></x>", "a closing tag does not match the tag it closes", "終了タグ"),
        (b"<x>&undefined;</x>", "an entity (&name;) is not defined", "エンティティ"),
        (b"", "the file holds no XML element", "XML 要素がない"),
        (b"<x>a & b</x>", "a character that is not allowed here", "使用できない文字"),
        (b"<x/><y/>", "more text follows the root element", "ルート要素の後"),
        (b'<x a="1" a="2"/>', "an attribute is given twice", "同じ属性"),
    ],
)
def test_the_parsers_reason_is_said_in_aeplans_words(
    raw: bytes, english: str, japanese: str
) -> None:
    """expat's own English (``mismatched tag``) never reaches a finding."""
    with pytest.raises(documents.MetadataFileError) as caught:
        documents.parse_bytes(raw)
    reason = documents.reason_text(caught.value.reason, caught.value.detail, "en")
    assert reason.startswith("is not well-formed XML (") and english in reason
    assert japanese in documents.reason_text(caught.value.reason, caught.value.detail, "ja")


@pytest.mark.parametrize(
    ("text", "english", "japanese"),
    [
        ("{", "is not a valid sfdx-project.json (the file is not valid JSON)", "JSON として正しく"),
        ("{}", "(it has no `packageDirectories` list)", "のリストがありません"),
    ],
)
def test_an_unusable_project_file_is_said_in_aeplans_words(
    tmp_path: Path, text: str, english: str, japanese: str
) -> None:
    from planner.metadata.source import locate

    (tmp_path / "sfdx-project.json").write_text(text, encoding="utf-8")
    with pytest.raises(documents.MetadataFileError) as caught:
        locate(tmp_path)
    error = caught.value
    assert english in documents.reason_text(error.reason, error.detail, "en")
    assert japanese in documents.reason_text(error.reason, error.detail, "ja")
