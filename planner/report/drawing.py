"""Lay out the flow as an inline SVG picture: boxes, wrapped text and curved arrows, in Python."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from planner.report.flow import Flow

TITLE_SIZE = 14
DETAIL_SIZE = 12
LINE_GAP = 18
PAD = 12
MAX_LINES = 3
COLUMNS = {"unit": (20, 190), "user": (250, 225), "filter": (510, 256), "org": (800, 220)}
TOP = 58
ROW_GAP = 22
WIDTH = 1040


@dataclass(frozen=True)
class TextLine:
    """One line of text at an absolute position."""

    x: float
    y: float
    text: str
    strong: bool


@dataclass(frozen=True)
class Box:
    """A rounded rectangle, its CSS class and its text."""

    x: float
    y: float
    width: float
    height: float
    kind: str
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class Arrow:
    """A curve from one box to another; ``two_way`` puts an arrowhead at both ends."""

    path: str
    two_way: bool


@dataclass(frozen=True)
class Drawing:
    """Everything the SVG template draws, in drawing order."""

    width: int
    height: int
    headers: tuple[TextLine, ...]
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def text_width(text: str, size: float) -> float:
    """Roughly how wide ``text`` is in pixels: wide (CJK) characters take a full em."""
    return sum(size if _wide(char) else size * 0.58 for char in text)


_NO_BREAK_AFTER = frozenset("（「『(“[")
_NO_BREAK_BEFORE = frozenset("）」』、。)”],.")


def _break_at(line: str) -> int:
    """The last place ``line`` may break: after a space or next to a wide character, but not
    after an opening or before a closing bracket (Japanese line-breaking rules, simplified)."""
    for index in range(len(line) - 1, 0, -1):
        before, after = line[index - 1], line[index]
        if before in _NO_BREAK_AFTER or after in _NO_BREAK_BEFORE:
            continue
        if before == " " or after == " " or _wide(before) or _wide(after):
            return index
    return len(line)


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` broken into lines that fit ``width`` (at spaces or CJK boundaries), at most 3."""
    lines: list[str] = []
    current = ""
    for char in text:
        if text_width(current + char, size) <= width or not current:
            current += char
            continue
        easy = char == " " or (_wide(char) and char not in _NO_BREAK_BEFORE)
        cut = len(current) if easy and current[-1] not in _NO_BREAK_AFTER else _break_at(current)
        lines.append(current[:cut].rstrip())
        current = (current[cut:] + char).lstrip()
    lines.append(current.rstrip())
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][:-1] + "…"
    return [line for line in lines if line] or [""]


def _box(x: float, y: float, width: float, kind: str, title: str, details: tuple[str, ...]) -> Box:
    inner = width - 2 * PAD
    rows = [(line, True) for line in wrap(title, inner, TITLE_SIZE)]
    for detail in details:
        rows += [(line, False) for line in wrap(detail, inner, DETAIL_SIZE)]
    lines = tuple(
        TextLine(x + PAD, y + PAD + 13 + i * LINE_GAP, text, strong)
        for i, (text, strong) in enumerate(rows)
    )
    return Box(x, y, width, 2 * PAD + len(rows) * LINE_GAP - 4, kind, lines)


def _moved(box: Box, y: float) -> Box:
    shift = y - box.y
    lines = tuple(TextLine(t.x, t.y + shift, t.text, t.strong) for t in box.lines)
    return Box(box.x, y, box.width, box.height, box.kind, lines)


def _curve(start: Box, end: Box, two_way: bool, level: bool = False) -> Arrow:
    x1, y1 = start.x + start.width, start.y + start.height / 2
    x2, y2 = end.x, end.y + end.height / 2
    if level:
        # Into the tall org frame: stay level with the start, inside the frame.
        y2 = min(max(y1, end.y + 20), end.y + end.height - 20)
    middle = (x1 + x2) / 2
    path = f"M{x1:.0f},{y1:.0f} C{middle:.0f},{y1:.0f} {middle:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
    return Arrow(path, two_way)


def _in_column(column: str, y: float, kind: str, title: str, details: tuple[str, ...]) -> Box:
    x, width = COLUMNS[column]
    return _box(x, y, width, kind, title, details)


def _rows(flow: Flow) -> tuple[list[Box], list[Box], dict[str, Box], float]:
    """One row per business unit (its box, its filter, its own user box); the shared user is
    centred on all rows. Returns the unit boxes, filter boxes, user boxes and the rows' bottom."""
    users = {user.id: user for user in flow.users}
    units: list[Box] = []
    filters: list[Box] = []
    row_users: dict[str, Box] = {}
    y = float(TOP)
    for unit in flow.units:
        row = [
            _in_column("unit", y, "unit", unit.name, (unit.detail,)),
            _in_column("filter", y, "filter", unit.filter_title, unit.filter_lines),
        ]
        if not flow.shared_user:
            user = users[unit.user_id]
            row.append(_in_column("user", y, "user", user.label, (user.detail,)))
        height = max(box.height for box in row)
        row = [_moved(box, y + (height - box.height) / 2) for box in row]
        units.append(row[0])
        filters.append(row[1])
        if not flow.shared_user:
            row_users[unit.user_id] = row[2]
        y += height + ROW_GAP
    if flow.shared_user:
        user = flow.users[0]
        box = _in_column("user", 0, "user", user.label, (user.detail,))
        middle = (units[0].y + units[-1].y + units[-1].height) / 2
        row_users[user.id] = _moved(box, max(float(TOP), middle - box.height / 2))
    return units, filters, row_users, y - ROW_GAP


def layout(flow: Flow, headers: tuple[str, str, str, str]) -> Drawing:
    """Place every node of ``flow``; ``headers`` title the four columns."""
    units, filters, users, rows_bottom = _rows(flow)
    org = _org(flow)
    arrows = []
    for unit, unit_box, filter_box in zip(flow.units, units, filters):
        user_box = users[unit.user_id]
        arrows += [_curve(unit_box, user_box, False), _curve(user_box, filter_box, False)]
        arrows.append(_curve(filter_box, org[0], True, level=True))
    bottom = max(rows_bottom, org[0].y + org[0].height, *(b.y + b.height for b in users.values()))
    return Drawing(
        width=WIDTH,
        height=int(bottom + 20),
        headers=tuple(
            TextLine(COLUMNS[column][0], 30, text, True)
            for column, text in zip(("unit", "user", "filter", "org"), headers)
        ),
        boxes=(*units, *users.values(), *filters, *org),
        arrows=tuple(arrows),
    )


def _org(flow: Flow) -> list[Box]:
    x, width = COLUMNS["org"]
    heading = _box(x, TOP, width, "org", flow.org_title, ())
    objects = []
    y = TOP + heading.height + 4
    for item in flow.objects:
        box = _box(
            x + 10,
            y,
            width - 20,
            "object" if item.two_way else "readonly",
            item.label,
            (item.direction,),
        )
        objects.append(box)
        y += box.height + 8
    frame = Box(x, TOP, width, y - TOP + 4, "org", heading.lines)
    return [frame, *objects]
