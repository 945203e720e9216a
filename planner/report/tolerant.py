"""A plan with a few unknown keys or wrong words, read anyway so it still gets a full report.

An unknown key (AE003) or a wrong word on an optional key (AE002) is left out of a copy of the
plan's data, as if the plan did not say it; the findings still list it. Anything else (a missing
required key, a broken structure, an unsupported format version) leaves the plan unreportable.
"""

from __future__ import annotations

import copy
from typing import Any, Optional

from pydantic import ValidationError

from planner.plan.model import FORMAT_VERSIONS, Plan

_DROPPABLE = frozenset({"extra_forbidden", "literal_error", "enum"})
_ROUNDS = 8
"""Each round drops every offending key pydantic reported; nesting bounds how many are needed."""


def without_unreadable_keys(data: object) -> Optional[dict[str, Any]]:
    """A copy of ``data`` that validates once unknown keys and wrong words are left out, or None.

    None when a problem of another kind remains (or the format version is not supported).
    """
    version = data.get("aeplan") if isinstance(data, dict) else None
    if not isinstance(data, dict) or type(version) is not int or version not in FORMAT_VERSIONS:
        return None
    repaired = copy.deepcopy(data)
    for _ in range(_ROUNDS):
        try:
            Plan.model_validate(repaired)
        except ValidationError as error:
            details = error.errors(include_url=False)
            if any(detail["type"] not in _DROPPABLE for detail in details):
                return None
            for detail in details:
                if not _drop(repaired, detail["loc"]):
                    return None
        else:
            return repaired
    return None


def _drop(data: Any, loc: tuple[Any, ...]) -> bool:
    """Remove the key at ``loc``; False when the path is not a key of a mapping in ``data``."""
    *parents, last = loc
    node = data
    for step in parents:
        in_mapping = isinstance(node, dict) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if not (in_mapping or in_list):
            return False
        node = node[step]
    if isinstance(node, dict) and last in node:
        del node[last]
        return True
    return False
