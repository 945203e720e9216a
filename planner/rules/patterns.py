"""Regular expressions from rule files, run by a linear-time engine (RE2), never backtracking.

JSON Schema's ``pattern`` comes from organisation rule files, which a pull request may edit.
Python's ``re`` backtracks (``(a+)+$`` on 41 characters never ends); RE2 (Google's engine, the
``google-re2`` package) matches in time linear in the text and refuses the few features that
need backtracking (back-references, look-around) when the pattern is compiled.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterator, Union

import re2

Search = Callable[[str], bool]

#: Keys that make a JSON Schema load another document: refused in rule files (no fetch, no read).
REFERENCE_KEYWORDS = frozenset({"$ref", "$dynamicRef", "$recursiveRef"})

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print its own error to stderr: we raise a one-liner
_OPTIONS.max_mem = 8 << 20  # bytes of compiled program: bounds a pattern like (a{1000}){1000}


class PatternError(ValueError):
    """A pattern RE2 cannot run: bad syntax, back-references or look-around, or too large."""


@lru_cache(maxsize=1024)
def compile_search(pattern: str) -> Search:
    """An unanchored search (``re.search`` semantics) for ``pattern``, linear in the text's length.

    Raises :class:`PatternError` naming RE2's reason when the pattern cannot be compiled.
    """
    try:
        compiled = re2.compile(pattern, _OPTIONS)
    except re2.error as error:
        reason = error.args[0] if error.args else error
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(str(reason)) from None
    return lambda text: compiled.search(text) is not None


Path = tuple[Union[str, int], ...]


def schema_patterns(schema: Any) -> Iterator[tuple[str, str, Path]]:
    """Every ``(keyword, value, path)`` in a schema that is a pattern or a reference, walked
    iteratively; ``path`` is the key path to it inside the schema.

    Yields ``("pattern", p, …)``, ``("patternProperties", key, …)`` and ``("$ref", target, …)``
    (or the other reference keywords); the walk visits each dict and list once, so its cost is
    linear.
    """
    stack: list[tuple[Any, Path]] = [(schema, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed([(item, (*path, index)) for index, item in enumerate(node)]))
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in REFERENCE_KEYWORDS:
                    yield key, str(value), (*path, key)
                elif key == "pattern" and isinstance(value, str):
                    yield key, value, (*path, key)
                elif key == "patternProperties" and isinstance(value, dict):
                    yield from ((key, str(name), (*path, key, name)) for name in value)
            stack.extend(reversed([(value, (*path, key)) for key, value in node.items()]))
