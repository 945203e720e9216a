"""Where a key of a rule file is written, so a bad rule file is reported at its line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Union

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def line_of(
    path: Path, location: Sequence[Union[str, int]], at_value: bool = False
) -> tuple[int, int]:
    """(line, column), 1-based, of the deepest part of ``location`` found in the rule file.

    ``location`` is a key path (``("check", "report_at")``, ``("examples", "fail_at", 0)``);
    (0, 0) when the file cannot be read again or holds no such key. ``at_value``: a problem
    with the value itself (``severity: eror``) is pointed at a plain value, not at its key.
    """
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return 0, 0
    found = (0, 0)
    for part in location:
        child = _child(node, part)
        if child is None:
            break
        key_node, node = child
        found = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    else:
        if at_value and location and isinstance(node, yaml.ScalarNode):
            found = (node.start_mark.line + 1, node.start_mark.column + 1)
    return found


def _child(node: object, part: Union[str, int]) -> tuple[yaml.Node, yaml.Node] | None:
    """(node to point at, node to descend into) for one step of a key path."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        item = node.value[part]
        return item, item
    return None
