"""Guarantee 3, text quirks: each gets a precise message and the right line numbers."""

from __future__ import annotations

import codecs

from planner.lint.linter import Linter

PLAN = "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units:\n  - name: Japan\n    edition: gold\n"


def _first(linter: Linter, raw: bytes) -> tuple[str, int, int, str]:
    finding = linter.analyse_bytes(raw, "quirk.yaml").findings[0]
    return finding.code, finding.line, finding.column, finding.message


def test_utf8_with_bom(linter: Linter) -> None:
    assert _first(linter, codecs.BOM_UTF8 + PLAN.encode())[:3] == ("AE002", 5, 14)


def test_utf16_with_bom(linter: Linter) -> None:
    assert _first(linter, PLAN.encode("utf-16"))[:3] == ("AE002", 5, 14)


def test_latin1_bytes_name_the_byte_and_its_place(linter: Linter) -> None:
    code, line, column, message = _first(linter, "aeplan: 1\nname: Café\n".encode("latin-1"))
    assert (code, line, column) == ("AE001", 2, 10)
    assert "0xe9" in message and "UTF-8" in message


def test_crlf_line_endings_keep_line_numbers(linter: Linter) -> None:
    assert _first(linter, PLAN.replace("\n", "\r\n").encode())[:3] == ("AE002", 5, 14)


def test_tabs_for_indentation(linter: Linter) -> None:
    code, line, _, message = _first(linter, b"aeplan: 1\nsalesforce:\n\torg: acme\n")
    assert (code, line) == ("AE001", 3)
    assert "tab" in message.lower()


def test_empty_file_and_comment_only_file(linter: Linter) -> None:
    for raw in (b"", b"# only a comment\n# and another\n"):
        code, line, _, message = _first(linter, raw)
        assert (code, line) == ("AE002", 1) and "the plan is empty" in message


def test_several_documents(linter: Linter) -> None:
    code, line, _, message = _first(linter, (PLAN + "---\naeplan: 1\n").encode())
    assert (code, line) == ("AE001", 6) and "several" in message


def test_top_level_list_and_scalar(linter: Linter) -> None:
    assert "holds a list" in _first(linter, b"- a\n")[3]
    assert "holds a whole number" in _first(linter, b"42\n")[3]


def test_null_everywhere(linter: Linter) -> None:
    raw = b"aeplan: 1\nsalesforce: ~\nteam: null\nbusiness_units:\n  - ~\n"
    found = [(f.code, f.line) for f in linter.analyse_bytes(raw, "nulls.yaml").findings]
    assert ("AE002", 2) in found and ("AE002", 5) in found


def test_yaml_11_booleans_where_words_are_expected(linter: Linter) -> None:
    raw = PLAN.replace("edition: gold", "connector: {state: off}").encode()
    assert "`off` is read as true/false by YAML 1.1" in _first(linter, raw)[3]


def test_very_large_integer_and_nan(linter: Linter) -> None:
    raw = PLAN.replace("edition: gold", "edition: advanced").replace(
        "{org: acme}", "{org: acme, crm_licenses_available: " + "9" * 400 + "}"
    )
    analysis = linter.analyse_bytes(raw.encode(), "big.yaml")
    assert analysis.findings == () or all(len(f.message) < 500 for f in analysis.findings)
    nan = PLAN.replace("edition: gold", "edition: .nan").encode()
    assert _first(linter, nan)[:2] == ("AE002", 5)


def test_custom_tags_never_construct_anything(linter: Linter) -> None:
    raw = b"aeplan: 1\nname: !!python/object/apply:os.system ['touch /tmp/aeplan-pwned']\n"
    findings = linter.analyse_bytes(raw, "tag.yaml").findings
    [tag] = [f for f in findings if f.code == "AE001"]
    assert (tag.line, tag.column) == (2, 7) and "python/object/apply" in tag.message
