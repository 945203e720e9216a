"""Any bytes in a metadata file end in a model or one calm refusal, and lint still reports."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.lint.linter import Linter, LintOptions
from planner.metadata.documents import MetadataFileError, parse_bytes
from tests.conftest import SAMPLES, analyse

EXAMPLES = int(os.environ.get("AEPLAN_FUZZ_EXAMPLES", "400"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM")
)
XML_PIECES = (
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">', "</CustomField>",
    "<fullName>", "</fullName>", "Marketing_BU__c", "<type>", "</type>", "Picklist",
    "<trackHistory>", "</trackHistory>", "true", "<valueSet>", "</valueSet>", "<restricted>",
    "</restricted>", "<value>", "</value>", "<formula>", "</formula>", "<!DOCTYPE x [",
    "<!ENTITY a 'b'>", "]>", "&a;", "&amp;", "&#0;", "&#x110000;", "<![CDATA[", "]]>", "<!--",
    "-->", "<?pi x?>", "<", ">", "/", "=", '"', "\x00", "\ufeff", "\u2028", "\n", " ", "é", "組織",
)  # fmt: skip
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
"""


@st.composite
def xml_bytes(draw: st.DrawFn) -> bytes:
    """Text stitched from metadata XML pieces and random words, or random bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=200))
    pieces = draw(
        st.lists(st.one_of(st.sampled_from(XML_PIECES), st.text(max_size=6)), max_size=40)
    )
    return "".join(pieces).encode("utf-8", "surrogatepass")


@FUZZ
@given(xml_bytes())
def test_any_bytes_parse_or_are_refused_calmly(raw: bytes) -> None:
    try:
        parse_bytes(raw)
    except MetadataFileError as error:
        assert error.reason


@settings(max_examples=max(EXAMPLES // 10, 20), deadline=None,
          derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM"))  # fmt: skip
@given(xml_bytes())
def test_lint_with_any_field_file_reports_and_never_raises(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(shutil.copytree(SAMPLES / "metadata" / "globex-dx", Path(folder) / "org"))
        field = (
            project / "force-app/main/default/objects/Lead/fields/Marketing_BU__c.field-meta.xml"
        )
        field.write_bytes(raw)
        analysis = analyse(Linter(LintOptions(metadata=project)), PLAN)
    try:
        parse_bytes(raw)
        refused = False
    except MetadataFileError:
        refused = True
    unreadable = [f for f in analysis.findings if f.code == "AEM100"]
    assert analysis.plan is not None
    assert bool(unreadable) == refused
    for finding in unreadable:
        assert finding.related[0].file.endswith("Marketing_BU__c.field-meta.xml")
        assert "\n" not in finding.message
