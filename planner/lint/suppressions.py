"""In-plan suppressions: ``# aeplan: ignore[CODES] reason`` and ``ignore-file[CODES] reason``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Callable, Optional

import yaml

from planner import phrases
from planner.findings import Finding
from planner.plan.source import LoadedPlan, Position
from planner.yaml_loader import SafeLoader

WITHOUT_REASON = "AE901"
UNUSED = "AE902"
# The findings about suppressions cannot themselves be suppressed by a comment (use `ignore`).
UNSUPPRESSIBLE = frozenset({WITHOUT_REASON, UNUSED})

_QUICK = re.compile(r"#\s*[aA][eE][pP][lL][aA][nN]")  # a cheap pre-filter for _START
_START = re.compile(r"(?:^|(?<=\s))#\s*aeplan\s*:", re.IGNORECASE)
_DIRECTIVE = re.compile(r"\s*(ignore-file|ignore)\s*\[([^\]]*)\](.*)$", re.IGNORECASE)
# A code or prefix (AE402, AE4) or a rule name (secret-in-plan), in any case.
_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")

NoteMaker = Callable[[str, str, Position, "dict[str, str]"], Finding]


@dataclass(frozen=True)
class Suppression:
    """One suppression comment: where it is, which line it covers (0: the file), codes, reason."""

    line: int
    column: int
    target: int
    codes: tuple[str, ...]
    reason: str
    directive: str


@dataclass(frozen=True)
class Comments:
    """A plan's suppression comments, and the ``# aeplan:`` comments that are not understood."""

    suppressions: tuple[Suppression, ...] = ()
    malformed: tuple[Position, ...] = ()


def scan(text: str) -> Comments:
    """Find suppression comments; a ``#`` inside a YAML scalar (quoted, block) is not a comment."""
    if not _QUICK.search(text) or not _START.search(text):  # most plans have none: skip the scan
        return Comments()
    lines = text.splitlines()
    spans = _scalar_spans(text)
    found: list[Suppression] = []
    malformed: list[Position] = []
    following: Optional[list[int]] = None
    for index, line in enumerate(lines):
        start = next(
            (m for m in _START.finditer(line) if not _inside(spans, index, m.start())), None
        )
        if start is None:
            continue
        parsed = _parse(line[start.end() :])
        if parsed is None:
            malformed.append(Position(index + 1, start.start() + 1))
            continue
        directive, codes, reason = parsed
        if directive == "ignore-file":
            target = 0
        else:
            if following is None:
                following = _next_content_lines(lines)
            target = _target(lines, index, start.start(), following)
        found.append(Suppression(index + 1, start.start() + 1, target, codes, reason, directive))
    return Comments(tuple(found), tuple(malformed))


def _normal(selector: str) -> str:
    return selector.lower() if "-" in selector else selector.upper()


def _parse(rest: str) -> Optional[tuple[str, tuple[str, ...], str]]:
    match = _DIRECTIVE.match(rest)
    if match is None:
        return None
    # Codes upper-case, rule names (with `-`) lower-case, as every selector is written.
    codes = tuple(_normal(code.strip()) for code in match.group(2).split(","))
    if not codes or not all(_CODE.match(code) for code in codes):
        return None
    return match.group(1).lower(), tuple(dict.fromkeys(codes)), match.group(3).strip()


def _target(lines: list[str], index: int, column: int, following: list[int]) -> int:
    """The line a comment covers: its own after content, else the next non-comment line."""
    if lines[index][:column].strip():
        return index + 1
    return following[index + 1]


def _next_content_lines(lines: list[str]) -> list[int]:
    """For each 0-based index, the 1-based number of the first non-comment line at or after it.

    One backward pass, so a run of comment-only lines costs its length once, not once per
    comment (``len(lines) + 1`` when only comments follow).
    """
    following = [len(lines) + 1] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        is_comment = lines[index].lstrip().startswith("#")
        following[index] = following[index + 1] if is_comment else index + 1
    return following


def _scalar_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    try:
        for token in yaml.scan(text, Loader=SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                begin, end = token.start_mark, token.end_mark
                spans.append(((begin.line, begin.column), (end.line, end.column)))
    except yaml.YAMLError:
        pass  # broken YAML: the spans found so far still help; the rest counts as comments
    return sorted(spans)


def _inside(spans: list[tuple[tuple[int, int], tuple[int, int]]], line: int, column: int) -> bool:
    at = (line, column)
    index = bisect.bisect_right(spans, (at, (1 << 62, 0))) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]


@dataclass(frozen=True)
class Waived:
    """A finding a comment suppressed, with the comment's reason and where the comment is."""

    finding: Finding
    reason: str
    line: int
    column: int


@dataclass(frozen=True)
class Outcome:
    """Findings left after suppression, how many were suppressed, and AE901/AE902 notes."""

    kept: tuple[Finding, ...]
    suppressed: int
    notes: tuple[Finding, ...]
    waived: tuple[Waived, ...] = ()
    """The suppressed findings themselves, for formats that show waivers (SARIF)."""


def apply(
    findings: Iterable[Finding],
    loaded: LoadedPlan,
    *,
    active: Collection[str],
    known: Collection[str],
    check_unused: bool,
    make: NoteMaker,
    names: Mapping[str, str] = MappingProxyType({}),
) -> Outcome:
    """Drop the findings that comments suppress, and report reasonless, unknown and unused ones.

    ``names`` maps rule names to codes: a comment may name a rule either way.
    """
    comments = _by_code(scan(loaded.text), names)
    all_findings = list(findings)
    if not comments.suppressions and not comments.malformed:
        return Outcome(tuple(all_findings), 0, ())
    by_line: dict[int, list[Suppression]] = {}
    for suppression in comments.suppressions:
        by_line.setdefault(suppression.target, []).append(suppression)
    used: set[tuple[Suppression, str]] = set()
    kept: list[Finding] = []
    waived: list[Waived] = []
    for finding in all_findings:
        covering = by_line.get(0, []) + by_line.get(finding.line, [])
        hits = [
            (suppression, code)
            for suppression in covering
            for code in suppression.codes
            if finding.code.startswith(code) and finding.code not in UNSUPPRESSIBLE
        ]
        used.update(hits)
        if not hits:
            kept.append(finding)
        else:
            first = hits[0][0]
            waived.append(Waived(finding, first.reason, first.line, first.column))
    notes = _notes(comments, used, active, known, check_unused, _Maker(loaded, make))
    return Outcome(tuple(kept), len(all_findings) - len(kept), tuple(notes), tuple(waived))


def _by_code(comments: Comments, names: Mapping[str, str]) -> Comments:
    """The comments with rule names (any case) replaced by their codes."""
    if not names or not comments.suppressions:
        return comments
    suppressions = tuple(
        replace(item, codes=tuple(dict.fromkeys(names.get(c.lower(), c) for c in item.codes)))
        for item in comments.suppressions
    )
    return Comments(suppressions, comments.malformed)


class _Maker:
    """Makes AE901/AE902 findings that point at the plan value on the line a comment covers."""

    def __init__(self, loaded: LoadedPlan, make: NoteMaker) -> None:
        self.loaded = loaded
        self.make = make
        self._by_line: Optional[dict[int, str]] = None

    def __call__(self, code: str, position: Position, params: dict[str, str]) -> Finding:
        target = int(params.get("target", "0"))
        if self._by_line is None:  # built once per plan: notes x nodes would be quadratic
            self._by_line = pointers_by_line(self.loaded)
        return self.make(code, self._by_line.get(target, ""), position, params)


def pointers_by_line(loaded: LoadedPlan) -> dict[int, str]:
    """For each line, the pointer of its first key or value (leftmost, then shortest)."""
    best: dict[int, tuple[int, int, str]] = {}
    for table in (loaded.keys, loaded.values):
        for pointer, position in table.items():
            candidate = (position.column, len(pointer), pointer)
            current = best.get(position.line)
            if current is None or candidate < current:
                best[position.line] = candidate
    return {line: entry[2] for line, entry in best.items() if line > 0}


def _notes(
    comments: Comments,
    used: set[tuple[Suppression, str]],
    active: Collection[str],
    known: Collection[str],
    check_unused: bool,
    make: _Maker,
) -> list[Finding]:
    notes: list[Finding] = []
    for position in comments.malformed:
        if UNUSED in active:
            notes.append(make(UNUSED, position, {"reason": "malformed"}))
    for item in comments.suppressions:
        where = Position(item.line, item.column)
        codes = ", ".join(item.codes)
        if not item.reason and WITHOUT_REASON in active:
            params = {"codes": codes, "directive": item.directive}
            notes.append(make(WITHOUT_REASON, where, {**params, "target": str(item.target)}))
        if UNUSED not in active:
            continue
        unknown = [code for code in item.codes if not any(k.startswith(code) for k in known)]
        if unknown:
            notes.append(make(UNUSED, where, _params("unknown", unknown, item)))
        fixed = [code for code in item.codes if code in UNSUPPRESSIBLE]
        if fixed:
            notes.append(make(UNUSED, where, _params("unsuppressible", fixed, item)))
        idle = [
            code
            for code in item.codes
            if code not in unknown and (item, code) not in used and _suppressible(code, active)
        ]
        if idle and check_unused:
            reason = "unused_file" if item.target == 0 else "unused_line"
            notes.append(make(UNUSED, where, _params(reason, idle, item)))
    return notes


def _params(reason: str, codes: list[str], item: Suppression) -> dict[str, str]:
    return {"reason": reason, "codes": ", ".join(codes), "target": str(item.target)}


def _suppressible(prefix: str, codes: Collection[str]) -> bool:
    return any(code.startswith(prefix) for code in codes if code not in UNSUPPRESSIBLE)


def note_params(code: str, params: dict[str, str], lang: str) -> dict[str, str]:
    """AE902's message is one of aeplan's sentences, chosen by why the suppression is unused."""
    if code != UNUSED:
        return params
    return {"detail": phrases.structural_detail(code, params, lang)}
