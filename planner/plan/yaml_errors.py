"""YAML syntax errors explained: the position of the *cause* and what to do about it.

PyYAML (and libyaml) report where parsing gave up, which is often far from the mistake: an
unclosed quote is reported at the end of the file. This module looks at the error's context
mark and the text to name the cause: an unclosed quote or bracket, a tab, a line indented
differently from its siblings, a `key: value: more` line. The result is an AE001 problem whose
params the message catalogue (``yaml.<cause>``) turns into words.
"""

from __future__ import annotations

from typing import Any, Optional

from planner.plan.source import Position, Problem

_CLOSING = {"{": "}", "[": "]"}
_BLOCK_WORDS = ("block mapping", "block collection", "block end", "expected key",
                "mapping values are not allowed", "expected '-' indicator")  # fmt: skip


def explain(error: Any, text: str) -> Problem:
    """An AE001 problem for a ``yaml.MarkedYAMLError`` raised while parsing ``text``."""
    problem = str(error.problem or "")
    context = str(error.context or "")
    mark, start = error.problem_mark, error.context_mark
    lines = text.split("\n")
    at = Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)
    found = (
        _tab(lines, at)
        or _quote(context, start, lines)
        or _spanning_quote(text, mark, context, problem)
        or _flow(context, start)
        or _indent(f"{context} {problem}", lines, at)
        or _colon(problem, at)
    )
    if found is not None:
        return found
    # PyYAML's problem alone: "while parsing a block mapping" + "did not find expected key"
    # joined reads as one garbled sentence, and the problem is the part that says what is wrong
    detail = problem or context or str(error)
    return _problem("generic", at, problem=detail)


def _problem(cause: str, at: Position, **params: str) -> Problem:
    values = {"reason": "yaml", "cause": cause, "line": str(at.line), "column": str(at.column)}
    return Problem("AE001", "", at, {**values, **params})


def _tab(lines: list[str], at: Position) -> Optional[Problem]:
    line = lines[at.line - 1] if 0 < at.line <= len(lines) else ""
    leading = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in leading or line[at.column - 1 : at.column] == "\t":
        column = leading.index("\t") + 1 if "\t" in leading else at.column
        return _problem("tab", Position(at.line, column))
    return None


def _quote(context: str, start: Any, lines: list[str]) -> Optional[Problem]:
    if "quoted scalar" not in context or start is None:
        return None
    line = lines[start.line] if start.line < len(lines) else ""
    quote = line[start.column : start.column + 1] or '"'
    return _problem("unclosed_quote", Position(start.line + 1, start.column + 1), quote=quote)


def _spanning_quote(text: str, mark: Any, context: str, problem: str) -> Optional[Problem]:
    """A quote left open that the next quote in the file "closes" some lines later (``org:
    "globex`` at line 11, ``notes: "x"`` at line 16): the parser fails just after that quote,
    lines below the mistake. The cause is the quoted string that spans lines and ends on the
    line where parsing failed; it is named at its opening quote, as a never-closed one is."""
    if mark is None or not any(phrase in f"{context} {problem}" for phrase in _BLOCK_WORDS):
        return None
    import yaml

    spanning: Optional[Any] = None
    try:
        for token in yaml.scan(text[: mark.index + 1], Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                spans = token.start_mark.line < token.end_mark.line
                spanning = token if spans and token.end_mark.line == mark.line else None
    except yaml.YAMLError:
        pass  # the text after the mistake need not scan; the tokens before it did
    if spanning is None:
        return None
    start, end = spanning.start_mark, spanning.end_mark
    return _problem(
        "runaway_quote", Position(start.line + 1, start.column + 1), quote=str(spanning.style),
        end_line=str(end.line + 1), end_column=str(end.column),
    )  # fmt: skip


def _flow(context: str, start: Any) -> Optional[Problem]:
    if ("flow mapping" not in context and "flow sequence" not in context) or start is None:
        return None
    bracket = "{" if "mapping" in context else "["
    at = Position(start.line + 1, start.column + 1)
    return _problem("unclosed_flow", at, bracket=bracket, closing=_CLOSING[bracket])


def _indent(words: str, lines: list[str], at: Position) -> Optional[Problem]:
    """A line whose indentation matches no open level (a sibling misaligned by a space or so)."""
    if not any(phrase in words for phrase in _BLOCK_WORDS):
        return None
    for number in (at.line, at.line - 1):
        found = _misaligned(lines, number)
        if found is not None:
            got, expected = found
            return _problem(
                "indent", Position(number, got + 1), got=str(got), expected=str(expected)
            )
    return None


def _misaligned(lines: list[str], number: int) -> Optional[tuple[int, int]]:
    if not 1 < number <= len(lines) or not _content(lines[number - 1]):
        return None
    got = _width(lines[number - 1])
    levels: list[int] = []
    for previous in reversed(lines[: number - 1]):
        if not _content(previous):
            continue
        width = _width(previous)
        if not levels or width < levels[-1]:
            levels.append(width)
            item = previous.lstrip(" ")
            if item.startswith("- "):
                levels.insert(-1, width + 2 + len(item[2:]) - len(item[2:].lstrip(" ")))
        if width == 0:
            break
    if not levels or got in levels:
        return None
    previous = next(line for line in reversed(lines[: number - 1]) if _content(line))
    above = _width(previous)
    if got > above:
        # deeper than the line above: a child when that line opens a mapping, else misindented
        return None if previous.rstrip().endswith(":") else (got, above)
    bigger = [level for level in levels if level > got]
    return got, (min(bigger) if bigger else levels[0])


def _colon(problem: str, at: Position) -> Optional[Problem]:
    return _problem("colon", at) if "mapping values are not allowed" in problem else None


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _width(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
