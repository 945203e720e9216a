"""Build plain data from YAML parser events, iteratively: no recursion, bounded work."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Optional

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from planner import pointers
from planner.limits import Limits
from planner.plan.source import LoadedPlan, Position, Problem
from planner.yaml_loader import SafeLoader

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_SAFE_SCALARS = {_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                 "tag:yaml.org,2002:null", _BOOL}  # fmt: skip
_TEXT_SCALARS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary",
                 "tag:yaml.org,2002:value", "tag:yaml.org,2002:merge"}  # fmt: skip
_CONTAINERS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap"}
_IMPLICIT = Resolver.yaml_implicit_resolvers
# An integer is a number only while its decimal form stays far below Python's 4,300-digit limit.
_MAX_INT_CHARACTERS = 1000
_MAX_INT_BITS = 3000
# An aliased string counts one value per this many characters it copies (its length is built).
_CHARACTERS_PER_VALUE = 16
_CONSTRUCTOR = SafeConstructor()
_SCALAR_EVENT: Any = yaml.ScalarEvent  # Any: mypy would narrow events to it
_DEFER = object()  # a scalar the inline path leaves to _Builder.feed


@dataclass
class _Frame:
    """An open mapping or sequence while its events arrive."""

    value: Any
    pointer: str
    anchor: Optional[str]
    size: int = 1
    key: Optional[str] = None
    key_position: Optional[Position] = None
    expecting_key: bool = True
    skip: bool = False
    merges: list[Any] = field(default_factory=list)
    start: Any = None


class _Stop(Exception):
    """Reading ends early: a problem has been recorded."""


def build(text: str, limits: Limits, loaded: LoadedPlan) -> None:
    """Fill ``loaded`` with the data, positions and problems of one YAML document."""
    builder = _Builder(loaded, limits)
    loader = None
    try:
        # yaml.parse's generator costs a Python frame per event; the parser's own get_event
        # (None after the stream ends) does not. (The pure-Python reader may raise on creation.)
        loader = SafeLoader(text)
        builder.consume(loader.get_event)
    except _Stop:
        loaded.data = None
    except yaml.MarkedYAMLError as error:
        loaded.problems.append(parse_problem(error, text))
        loaded.data = None
    except yaml.reader.ReaderError as error:
        loaded.problems.append(_reader_problem(error, text))
        loaded.data = None
    except yaml.YAMLError as error:
        loaded.problems.append(Problem("AE001", "", Position(1, 1), {"detail": str(error)}))
        loaded.data = None
    finally:
        if loader is not None:
            loader.dispose()


def _reader_problem(error: yaml.reader.ReaderError, text: str) -> Problem:
    """A character YAML does not allow (a control character), at its place in the text."""
    before = text[: error.position]
    line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
    character = error.character
    point = character if isinstance(character, int) else 0
    params = {"reason": "control", "character": f"U+{point:04X}", "escape": f"\\u{point:04x}"}
    return Problem("AE001", "", Position(line, column), params)


def parse_problem(error: yaml.MarkedYAMLError, text: str = "") -> Problem:
    """A parser error as AE001 (or AE006 for libyaml's own nesting limit), at the parser's mark."""
    from planner.plan.yaml_errors import explain

    mark = error.problem_mark or error.context_mark
    detail = " ".join(part for part in (error.context, error.problem) if part) or str(error)
    position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
    if "nesting depth" in detail:
        return Problem("AE006", "", position, {"limit": "depth", "value": "1000"})
    return explain(error, text)


_new_position = tuple.__new__


def _mark(event: Any) -> Position:
    mark = event.start_mark
    position: Position = _new_position(Position, (mark.line + 1, mark.column + 1))
    return position


@lru_cache(maxsize=8192)
def _resolve(text: str) -> str:
    """The implicit tag of a plain scalar (str, int, bool, null…), as PyYAML's resolver decides."""
    resolvers = _IMPLICIT.get(text[0] if text else "", []) + _IMPLICIT.get(None, [])
    for tag, pattern in resolvers:
        if pattern.match(text):
            return str(tag)
    return _STR


@lru_cache(maxsize=8192)
def _construct(tag: str, text: str) -> Any:
    """The value of a non-text scalar; immutable, so cached across the many repeats in a plan."""
    # YAML integers are ASCII: str.isdigit() takes `²` (int() refuses it: `!!int ²` crashed) and
    # int() takes `١٢`, so other digits stay text and the schema reports them. Past 4,300 digits
    # Python refuses int<->str (CVE-2020-10735): such a number is kept as text too.
    if tag == _INT and (not text.isascii() or len(text) > _MAX_INT_CHARACTERS):
        return text
    if tag == _INT and text.isdigit() and (text == "0" or text[0] != "0"):  # not YAML 1.1 octal
        return int(text)
    try:
        value = _CONSTRUCTOR.construct_object(ScalarNode(tag, text))
    except (yaml.YAMLError, ValueError, OverflowError):
        return text
    if type(value) is int and value.bit_length() > _MAX_INT_BITS:  # 0x…, 0b…, 1_000… spellings
        return text
    return value


class _Builder:
    """Consumes events one by one with an explicit stack of open containers."""

    def __init__(self, loaded: LoadedPlan, limits: Limits) -> None:
        self.loaded = loaded
        self.limits = limits
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.total = 0
        self.documents = 0

    def consume(self, next_event: Callable[[], Any]) -> None:
        """Feed every event until the stream ends (most scalars through :meth:`_inline`)."""
        stack, feed, inline = self.stack, self.feed, self._inline
        event = next_event()
        while event is not None:
            if (
                type(event) is not _SCALAR_EVENT
                or not stack
                or event.anchor is not None
                or not inline(stack[-1], event)
            ):
                feed(event)
            event = next_event()

    def _inline(self, top: _Frame, event: Any) -> bool:
        """Take a key, or an untagged scalar under a key or in a list, exactly as :meth:`feed`
        would, in fewer steps (this runs for most nodes of every plan); False leaves the event
        to :meth:`feed`."""
        container, mark = top.value, event.start_mark
        position = _new_position(Position, (mark.line + 1, mark.column + 1))
        keyed = type(container) is dict
        if keyed and top.expecting_key:  # as _take_key does
            top.expecting_key, top.key_position = False, position
            if event.value == "<<" and event.implicit[0]:
                top.key, top.skip = "<<", True
                top.merges.append(None)
            else:
                top.key, top.skip = event.value, False
            return True
        key = top.key
        if event.tag is not None and event.tag != "!":
            return False
        if not keyed:
            child = f"{top.pointer}/{len(container)}"
        elif top.skip or key is None:  # after a merge key or a complex key
            return False
        elif "~" in key or "/" in key:
            child = pointers.join(top.pointer, key)
        else:
            child = f"{top.pointer}/{key}"
        value = self._untagged(event, child)
        if value is _DEFER:
            return False
        self.total += 1
        if self.total > self.limits.max_nodes:
            self._count(0, event)
        top.size += 1
        values = self.loaded.values
        if not keyed:
            values[child] = position
            container.append(value)
            return True
        assert key is not None
        top.expecting_key = True  # as _take_value does
        if key in container:
            self.loaded.problems.append(
                Problem("AE004", child, top.key_position or position, {"key": key})
            )
        self.loaded.keys[child] = top.key_position or position
        values[child] = position
        container[key] = value
        return True

    def _untagged(self, event: Any, pointer: str) -> Any:
        """The value of an untagged (or ``!``) scalar at ``pointer``, as :meth:`_scalar` gives."""
        text = event.value
        if event.tag is not None or not event.implicit[0]:
            return text
        tag = _resolve(text)
        if tag == _STR or tag in _TEXT_SCALARS:
            return text
        if tag not in _SAFE_SCALARS:  # `tag:yaml.org,2002:yaml`: feed reports it
            return _DEFER
        value = _construct(tag, text)
        if tag == _BOOL and text.lower() not in ("true", "false"):
            self.loaded.bool_words[pointer] = text
        return value

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            top = self.stack[-1] if self.stack else None
            if top is not None and type(top.value) is dict:
                if top.expecting_key:
                    self._take_key(top, event)
                    return
                if event.anchor is None:  # the common case: a plain value under a key
                    value, size = self._scalar(event)
                    self._count(size, event)
                    self._take_value(top, value, size, event)
                    return
            self._place(*self._scalar(event), event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._open(event, {} if kind is yaml.MappingStartEvent else [])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._close()
        elif kind is yaml.AliasEvent:
            self._alias(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self._stop(Problem("AE001", "", _mark(event), {"reason": "documents"}))

    def _pointer_for_child(self) -> str:
        if not self.stack:
            return ""
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return pointers.join(frame.pointer, len(frame.value))
        return pointers.join(frame.pointer, frame.key or "")

    def _count(self, size: int, event: Any) -> None:
        self.total += size
        if self.total > self.limits.max_nodes:
            self._stop(
                Problem(
                    "AE006",
                    "",
                    _mark(event),
                    {"limit": "nodes", "value": str(self.limits.max_nodes)},
                )
            )

    def _stop(self, problem: Problem) -> None:
        self.loaded.problems.append(problem)
        raise _Stop

    def _scalar(self, event: Any) -> tuple[Any, int]:
        tag = event.tag
        value_text = event.value
        if tag is None or tag == "!":
            plain = event.implicit[0] and tag is None
            tag = _resolve(value_text) if plain else _STR
        if tag in _TEXT_SCALARS:
            return value_text, 1
        if tag not in _SAFE_SCALARS:
            self._problem("AE001", event, {"reason": "tag", "tag": tag})
            return None, 1
        if tag == _STR:
            return value_text, 1
        value = _construct(tag, value_text)
        if tag == _BOOL and value_text.lower() not in ("true", "false"):
            self.loaded.bool_words[self._pointer_for_child()] = value_text
        return value, 1

    def _place(self, value: Any, size: int, event: Any, anchor: Optional[str] = None) -> None:
        self._count(size, event)
        anchor = anchor if anchor is not None else getattr(event, "anchor", None)
        if anchor is not None:
            weight = size
            if isinstance(value, str):
                weight = 1 + len(value) // _CHARACTERS_PER_VALUE
            self.anchors[anchor] = (value, weight)
        if not self.stack:
            self.loaded.data = value
            self.loaded.values.setdefault("", _mark(event))
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            self.loaded.values[pointers.join(frame.pointer, len(frame.value))] = _mark(event)
            frame.value.append(value)
            frame.size += size
        elif frame.expecting_key:
            self._take_key(frame, event)
        else:
            self._take_value(frame, value, size, event)

    def _take_key(self, frame: _Frame, event: Any) -> None:
        frame.expecting_key = False
        frame.skip = False
        if type(event) is yaml.ScalarEvent:
            is_merge = event.value == "<<" and event.implicit[0]
            frame.key = "<<" if is_merge else event.value
            frame.key_position = _mark(event)
            frame.skip = is_merge
            if is_merge:
                frame.merges.append(None)
            return
        self._problem("AE002", event, {"reason": "complex_key"}, frame.pointer)
        frame.skip = True
        frame.key = None

    def _take_value(self, frame: _Frame, value: Any, size: int, event: Any) -> None:
        frame.expecting_key = True
        if frame.merges and frame.merges[-1] is None and frame.skip and frame.key == "<<":
            frame.merges[-1] = (value, frame.key_position, event)
            return
        if frame.skip or frame.key is None:
            return
        child = pointers.join(frame.pointer, frame.key)
        if frame.key in frame.value:
            self.loaded.problems.append(
                Problem("AE004", child, frame.key_position or _mark(event), {"key": frame.key})
            )
        assert frame.key_position is not None
        self.loaded.keys[child] = frame.key_position
        self.loaded.values[child] = _mark(event)
        frame.value[frame.key] = value
        frame.size += size

    def _open(self, event: Any, container: Any) -> None:
        if event.tag is not None and event.tag not in _CONTAINERS:
            self._problem("AE001", event, {"reason": "tag", "tag": event.tag})
        stack = self.stack
        if len(stack) >= self.limits.max_depth:
            self._stop(
                Problem(
                    "AE006",
                    self._pointer_for_child(),
                    _mark(event),
                    {"limit": "depth", "value": str(self.limits.max_depth)},
                )
            )
        if not stack:
            pointer = ""
        else:
            top = stack[-1]
            pointer = top.pointer
            if type(top.value) is list:
                pointer = f"{pointer}/{len(top.value)}"
            elif not top.expecting_key:  # a mapping as a key stands at its mapping's pointer
                pointer = pointers.join(pointer, top.key or "")
        self.total += 1
        if self.total > self.limits.max_nodes:
            self._count(0, event)
        stack.append(_Frame(container, pointer, event.anchor, start=event))

    def _close(self) -> None:
        stack = self.stack
        frame = stack.pop()
        if frame.merges:
            self._merge(frame)
        parent = stack[-1] if stack else None
        if (
            parent is None
            or frame.anchor is not None
            or (type(parent.value) is dict and parent.expecting_key)
        ):
            self._place(frame.value, 0, frame.start, anchor=frame.anchor)
        elif type(parent.value) is list:  # as _place does, without an anchor to record
            mark = frame.start.start_mark
            position = _new_position(Position, (mark.line + 1, mark.column + 1))
            self.loaded.values[f"{parent.pointer}/{len(parent.value)}"] = position
            parent.value.append(frame.value)
        else:
            self._take_value(parent, frame.value, 0, frame.start)
        if parent is not None:
            parent.size += frame.size
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.value, frame.size)

    def _merge(self, frame: _Frame) -> None:
        for merge in frame.merges:
            if merge is None:
                continue
            source, position, event = merge
            sources = source if isinstance(source, list) else [source]
            for mapping in sources:
                if not isinstance(mapping, dict):
                    self._problem("AE002", event, {"reason": "merge_not_mapping"}, frame.pointer)
                    continue
                # a merge copies every key (and a pointer for each): each counts as a value
                self._count(len(mapping), event)
                for key, value in mapping.items():
                    if key not in frame.value:
                        frame.value[key] = value
                        self.loaded.keys.setdefault(pointers.join(frame.pointer, key), position)

    def _alias(self, event: Any) -> None:
        value, size = self.anchors.get(event.anchor, (None, 1))
        self._place(value, size, event, anchor=None)

    def _problem(
        self, code: str, event: Any, params: dict[str, str], pointer: Optional[str] = None
    ) -> None:
        where = pointer if pointer is not None else self._pointer_for_child()
        self.loaded.problems.append(Problem(code, where, _mark(event), params))


def load_text(text: str, limits: Limits) -> LoadedPlan:
    """Read YAML text into a :class:`LoadedPlan`; problems become ``AE00x`` entries."""
    loaded = LoadedPlan(text=text)
    build(text, limits, loaded)
    return loaded
