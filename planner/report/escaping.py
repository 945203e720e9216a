"""Make user text safe for Markdown, Mermaid labels and HTML, whatever characters it holds."""

from __future__ import annotations

import functools
import re

from markupsafe import Markup, escape

from planner import markdown_spans

# Backslash escapes keep GFM from reading user text as markup, tables, HTML or math.
_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|~&$!#")
# Mermaid reads these inside quoted labels; `#NNN;` entity codes print them as text.
_MERMAID_SPECIAL = frozenset('"#&<>`|[]{}();\\')
_CODE_PAIR = re.compile(r"`([^`]*)`")
# Unicode's Cc (C0, DEL, C1), Zl (U+2028) and Zp (U+2029): fixed sets, so one character class
# (a test holds it to unicodedata.category over every code point).
_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Found by one regular expression (most text has nothing to escape), then replaced.
_MARKDOWN_ESCAPED = re.compile("[" + re.escape("".join(sorted(_MARKDOWN_SPECIAL))) + "]")
# Backslash first, so the backslashes added for the others are not doubled; one ``replace`` per
# special character present scans at C speed (``str.translate`` looks each character up:
# 20 times slower on a 4,000-character checklist line).
_MARKDOWN_ORDER = ("\\", *sorted(_MARKDOWN_SPECIAL - {"\\"}))
_MERMAID_ESCAPED = re.compile("[" + re.escape("".join(sorted(_MERMAID_SPECIAL))) + "]")
_MERMAID_TABLE = {ord(char): f"#{ord(char)};" for char in _MERMAID_SPECIAL}


def one_line(text: object) -> str:
    """``text`` as a string on one line: line breaks and other control characters become spaces."""
    return _BREAKING.sub(" ", str(text))


# Each Markdown filter remembers this many texts it escaped: a report repeats field names,
# types and its own wording across units and tables.
_KEPT = 1 << 14


def markdown(text: object) -> str:
    """User text as GFM inline text that also keeps a table cell intact."""
    return _markdown(text if type(text) is str else str(text))


@functools.lru_cache(maxsize=_KEPT)
def _markdown(text: str) -> str:
    line = one_line(text)
    if _MARKDOWN_ESCAPED.search(line) is None:
        return line
    for char in _MARKDOWN_ORDER:
        if char in line:
            line = line.replace(char, "\\" + char)
    return line


def markdown_rich(text: object) -> str:
    """Like :func:`markdown`, but paired backticks from our own wording stay code spans."""
    return _markdown_rich(text if type(text) is str else str(text), False)


def markdown_cell(text: object) -> str:
    """Like :func:`markdown_rich`, for a GFM table cell (``|`` in a code span is escaped too)."""
    return _markdown_rich(text if type(text) is str else str(text), True)


@functools.lru_cache(maxsize=_KEPT)
def _markdown_rich(text: str, in_table: bool) -> str:
    return markdown_spans.rich(one_line(text), markdown, in_table=in_table)


def markdown_code(text: object) -> str:
    """User text (a path, an API name) as one inline code span, whatever backticks it holds."""
    return _markdown_code(text if type(text) is str else str(text), False)


def markdown_cell_code(text: object) -> str:
    """Like :func:`markdown_code`, inside a GFM table cell."""
    return _markdown_code(text if type(text) is str else str(text), True)


@functools.lru_cache(maxsize=_KEPT)
def _markdown_code(text: str, in_table: bool) -> str:
    return markdown_spans.code_span(one_line(text), in_table=in_table)


def mermaid(text: object) -> str:
    """User text for a double-quoted Mermaid label (quotes, brackets and markup become entities)."""
    line = one_line(text)
    return line.translate(_MERMAID_TABLE) if _MERMAID_ESCAPED.search(line) else line


def html_rich(text: object) -> Markup:
    """HTML-escaped text in which paired backticks become ``<code>`` (escaping comes first)."""
    escaped = str(escape(one_line(text)))
    if escaped.count("`") % 2:
        return Markup(escaped)
    return Markup(_CODE_PAIR.sub(lambda match: f"<code>{match.group(1)}</code>", escaped))
