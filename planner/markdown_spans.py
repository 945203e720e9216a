"""GitHub-flavoured Markdown code spans: backtick pairs in our wording stay code, safely.

Escaping applies to a span's *contents*, never its delimiters (CommonMark 0.30 §6.1, "Code
spans"; GFM §198 for ``\\|`` inside table cells).
"""

from __future__ import annotations

import re
from typing import Callable

_TICKS = re.compile(r"`+")


def code_span(text: str, in_table: bool = False) -> str:
    """``text`` as one code span: a fence longer than any backtick run inside, padded when needed.

    In a table cell ``|`` becomes ``\\|`` (GFM reads the cell boundary before the span).
    """
    longest = max((len(run) for run in _TICKS.findall(text)), default=0) if "`" in text else 0
    fence = "`" * (longest + 1)
    padded = f" {text} " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else text
    if in_table:
        padded = padded.replace("|", "\\|")
    return f"{fence}{padded}{fence}"


def rich(text: str, escape: Callable[[str], str], in_table: bool = False) -> str:
    """``text`` with paired backticks as code spans and everything else through ``escape``.

    An odd number of backticks means they are not ours to pair, so all of it is escaped.
    """
    parts = text.split("`")
    if len(parts) % 2 == 0:
        return escape(text)
    pieces = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            pieces.append(escape(part))
        elif part.strip():
            pieces.append(code_span(part, in_table))
        else:
            pieces.append(escape(f"`{part}`"))
    return "".join(pieces)
