"""terminal.printable: text that is already printable comes back as it is, the rest escaped."""

from __future__ import annotations

import re

from planner import terminal


def _escaped_slowly(text: str) -> str:
    """printable() without its fast path: the replacements and the pattern alone."""
    text = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return terminal._UNSAFE.sub(terminal._escaped, text)


def test_the_fast_path_never_skips_a_character_that_is_escaped() -> None:
    for code in [*range(0x3100), *range(0xD800, 0x10000), 0x1F600, 0xE0001]:
        text = f"a{chr(code)}b"
        assert terminal.printable(text) == _escaped_slowly(text), hex(code)


def test_controls_bidi_and_line_breaks_are_shown_as_escapes() -> None:
    assert terminal.printable("x\x1b[31my\u202ez\u2028\t") == "x\\x1b[31my\\u202ez\\u2028 "
    assert terminal.printable("項目 Field__c") == "項目 Field__c"
    assert re.fullmatch(r"[ -~]*", terminal.printable("\x00\x7f\x9f"))
