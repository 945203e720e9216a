"""JSON pointers follow RFC 6901 exactly: the `jsonpointer` library is the reference."""

from __future__ import annotations

from typing import Any

import jsonpointer
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import pointers

DOCUMENT: Any = {"a": [10, 20, {"~/": "x", "": "empty"}], "b": {"0": "zero", "01": "z"}}
SEGMENTS = st.sampled_from(
    ["a", "b", "0", "1", "2", "01", "00", "-", "²", "١", "1٢", "~0~1", "~01", "", " 1", "+1", "1e0"]
)


def _reference(document: Any, pointer: str) -> tuple[bool, Any]:
    try:
        return True, jsonpointer.resolve_pointer(document, pointer)
    except (jsonpointer.JsonPointerException, KeyError, IndexError, TypeError):
        return False, None


@settings(max_examples=400, deadline=None)
@given(st.lists(SEGMENTS, max_size=4))
def test_resolve_agrees_with_jsonpointer(segments: list[str]) -> None:
    pointer = "".join("/" + segment for segment in segments)
    expected = _reference(DOCUMENT, pointer)
    if isinstance(expected[1], jsonpointer.EndOfList):  # `-`: the element after the last
        expected = (False, None)
    assert pointers.resolve(DOCUMENT, pointer) == expected


@pytest.mark.parametrize(
    ("pointer", "valid"),
    [("", True), ("/", True), ("/a/~0/~1", True), ("/a~", False), ("/~2", False), ("a/b", False),
     ("/business_units/²", True), ("/x/~01", True)],
)  # fmt: skip
def test_problem_names_what_rfc_6901_forbids(pointer: str, valid: bool) -> None:
    assert (pointers.problem(pointer) is None) is valid
    try:
        jsonpointer.JsonPointer(pointer)
        reference = True
    except jsonpointer.JsonPointerException:
        reference = False
    assert reference is valid


@pytest.mark.parametrize(
    ("segment", "index"),
    [("0", True), ("12", True), ("01", False), ("-", False), ("²", False), ("١", False),
     ("", False)],
)  # fmt: skip
def test_array_indexes_are_ascii_digits_without_leading_zeros(segment: str, index: bool) -> None:
    assert pointers.is_index(segment) is index


def test_escapes_round_trip() -> None:
    for segment in ("~", "/", "~1", "a/b~c", ""):
        assert pointers.split(pointers.join("", segment)) == [segment]
