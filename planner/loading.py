"""Read a plan's bytes into plain data that never loses a value's line and column."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any, Optional

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planner import pointers
from planner.limits import Limits

try:  # the C composer is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_BOOL_TAG = "tag:yaml.org,2002:bool"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
    _BOOL_TAG,
}
_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:value"}
_CONTAINER_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap"}


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in the plan's text."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """A structural problem the loader found, before any rule ran."""

    code: str
    pointer: str
    position: Position
    params: dict[str, str]


@dataclass
class LoadedPlan:
    """Plain data plus where each value and key stands in the text."""

    text: str
    data: Any = None
    values: dict[str, Position] = field(default_factory=dict)
    keys: dict[str, Position] = field(default_factory=dict)
    bool_words: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, pointer: str, *, prefer_key: bool = True) -> Position:
        """Where a pointer stands; a pointer that is absent falls back to its nearest ancestor."""
        for candidate in pointers.ancestors(pointer):
            if prefer_key and candidate in self.keys:
                return self.keys[candidate]
            if candidate in self.values:
                return self.values[candidate]
            if candidate in self.keys:
                return self.keys[candidate]
        return Position(1, 1)


def decode(raw: bytes) -> tuple[Optional[str], Optional[Problem]]:
    """Decode plan bytes (UTF-8, with or without BOM, or UTF-16 with BOM) into text."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as error:
            return None, _encoding_problem(raw, error.start, "UTF-16")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, _encoding_problem(raw, error.start, "UTF-8")


def _encoding_problem(raw: bytes, offset: int, encoding: str) -> Problem:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    detail = f"byte 0x{raw[offset]:02x} is not valid {encoding}"
    return Problem("AE001", "", Position(line, column), {"detail": detail, "encoding": encoding})


def load_text(text: str, limits: Limits) -> LoadedPlan:
    """Compose YAML text into a :class:`LoadedPlan`; problems become ``AE00x`` entries."""
    loaded = LoadedPlan(text=text)
    try:
        node = yaml.compose(text, Loader=_Loader)  # noqa: S506 - a safe loader, composing only
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = " ".join(part for part in (error.context, error.problem) if part)
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        loaded.problems.append(Problem("AE001", "", position, {"detail": detail or str(error)}))
        return loaded
    except yaml.YAMLError as error:
        loaded.problems.append(Problem("AE001", "", Position(1, 1), {"detail": str(error)}))
        return loaded
    except RecursionError:
        loaded.problems.append(_limit_problem("", Position(1, 1), "depth", limits.max_depth))
        return loaded
    if node is None:
        return loaded
    builder = _Builder(loaded, limits)
    if builder.check_size(node):
        loaded.data = builder.build(node, "", 0)
    return loaded


def _limit_problem(pointer: str, position: Position, limit: str, value: int) -> Problem:
    return Problem("AE006", pointer, position, {"limit": limit, "value": str(value)})


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Walks composed nodes once, building data and recording positions."""

    def __init__(self, loaded: LoadedPlan, limits: Limits) -> None:
        self.loaded = loaded
        self.limits = limits
        self.constructor = yaml.constructor.SafeConstructor()
        self.built: dict[int, Any] = {}

    def check_size(self, root: Node) -> bool:
        """Refuse documents whose aliases expand beyond the node limit (billion laughs)."""
        sizes: dict[int, int] = {}
        stack: list[tuple[Node, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            if id(node) in sizes:
                continue
            children = _children(node)
            if children_done or not children:
                total = 1 + sum(sizes.get(id(child), 0) for child in children)
                sizes[id(node)] = total
                if total > self.limits.max_nodes:
                    self.loaded.problems.append(
                        _limit_problem("", _position(node), "nodes", self.limits.max_nodes)
                    )
                    return False
                continue
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
        return True

    def build(self, node: Node, pointer: str, depth: int) -> Any:
        if depth > self.limits.max_depth:
            self.loaded.problems.append(
                _limit_problem(pointer, _position(node), "depth", self.limits.max_depth)
            )
            return None
        self.loaded.values.setdefault(pointer, _position(node))
        if id(node) in self.built:  # an alias: share what its anchor built
            return self.built[id(node)]
        if isinstance(node, MappingNode):
            value: Any = self._mapping(node, pointer, depth)
        elif isinstance(node, SequenceNode):
            value = self._sequence(node, pointer, depth)
        else:
            value = self._scalar(node, pointer)
        self.built[id(node)] = value
        return value

    def _sequence(self, node: SequenceNode, pointer: str, depth: int) -> list[Any]:
        self._check_tag(node, pointer)
        result: list[Any] = []
        self.built[id(node)] = result
        for index, item in enumerate(node.value):
            result.append(self.build(item, pointers.join(pointer, index), depth + 1))
        return result

    def _mapping(self, node: MappingNode, pointer: str, depth: int) -> dict[str, Any]:
        self._check_tag(node, pointer)
        result: dict[str, Any] = {}
        self.built[id(node)] = result
        merged: list[tuple[str, Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged.extend(self._merge_sources(value_node, pointer))
                continue
            key = self._key(key_node, pointer)
            if key is None:
                continue
            child = pointers.join(pointer, key)
            if key in result:
                self.loaded.problems.append(
                    Problem("AE004", child, _position(key_node), {"key": key})
                )
            self.loaded.keys[child] = _position(key_node)
            self.loaded.values.pop(child, None)
            result[key] = self.build(value_node, child, depth + 1)
        for key, key_node, value_node in merged:
            if key not in result:
                child = pointers.join(pointer, key)
                self.loaded.keys.setdefault(child, _position(key_node))
                result[key] = self.build(value_node, child, depth + 1)
        return result

    def _merge_sources(self, node: Node, pointer: str) -> list[tuple[str, Node, Node]]:
        sources = node.value if isinstance(node, SequenceNode) else [node]
        entries: list[tuple[str, Node, Node]] = []
        for source in sources:
            if not isinstance(source, MappingNode):
                self._problem("AE002", pointer, source, "merge_not_mapping", {})
                continue
            for key_node, value_node in source.value:
                if isinstance(key_node, ScalarNode) and key_node.tag != _MERGE_TAG:
                    entries.append((key_node.value, key_node, value_node))
        return entries

    def _key(self, node: Node, pointer: str) -> Optional[str]:
        if isinstance(node, ScalarNode):
            return str(node.value)
        self._problem("AE002", pointer, node, "complex_key", {})
        return None

    def _scalar(self, node: ScalarNode, pointer: str) -> Any:
        if node.tag in _TEXT_TAGS:
            return node.value
        if node.tag not in _SAFE_SCALAR_TAGS:
            self._problem("AE001", pointer, node, "tag", {"tag": node.tag})
            return None
        value = self.constructor.construct_object(node)
        if node.tag == _BOOL_TAG and node.value.lower() not in ("true", "false"):
            self.loaded.bool_words[pointer] = node.value
        return value

    def _check_tag(self, node: Node, pointer: str) -> None:
        if node.tag not in _CONTAINER_TAGS:
            self._problem("AE001", pointer, node, "tag", {"tag": node.tag})

    def _problem(
        self, code: str, pointer: str, node: Node, reason: str, params: dict[str, str]
    ) -> None:
        self.loaded.problems.append(
            Problem(code, pointer, _position(node), {"reason": reason, **params})
        )


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []
