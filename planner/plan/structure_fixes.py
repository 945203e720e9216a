"""Suggested values and text edits for structural problems (AE002, AE003, AE005).

Each function returns the extra message params (``suggestion``) and the :class:`Edit` that makes
the change, or nothing when no single fix is evident.
"""

from __future__ import annotations

import difflib
from typing import Any, Optional

from planner.findings import Edit
from planner.plan import fixes
from planner.plan.source import LoadedPlan
from planner.suggestions import normalised, suggest

Amendment = tuple[dict[str, str], Optional[Edit]]
NOTHING: Amendment = ({}, None)


def written(value: str) -> str:
    """``value`` as YAML text that reads back as the same string (quoted only when needed)."""
    read = fixes._read(value)
    return value if isinstance(read, str) and read == value else f'"{value}"'


def enum_value(loaded: LoadedPlan, pointer: str, given: Any, allowed: list[str]) -> Amendment:
    """``Paused`` → ``paused``, ``MDS`` → ``marketing_data_sharing`` (a word outside the list)."""
    if not isinstance(given, str):
        return NOTHING
    found = suggest(given, allowed)
    if found is None:
        return NOTHING
    edit = fixes.value_edit(loaded, pointer, given, written(found.value), safe=found.certain)
    return {"reason": "enum_suggest", "suggestion": found.value}, edit


def bool_word(loaded: LoadedPlan, pointer: str, word: str, allowed: list[str]) -> Amendment:
    """``yes``/``on`` read as true/false where a word was meant, and the word is allowed."""
    found = suggest(word, allowed)
    if found is None or not found.certain:
        return NOTHING
    given = loaded_value(loaded, pointer)
    edit = fixes.value_edit(loaded, pointer, given, written(found.value), safe=True)
    return {"suggestion": found.value}, edit


def quoted_number(loaded: LoadedPlan, pointer: str, given: Any, allowed: list[str]) -> Amendment:
    """``"2"`` where the number 2 is expected: drop the quotes."""
    if not isinstance(given, str) or given.strip() not in allowed:
        return NOTHING
    number = given.strip()
    edit = fixes.value_edit(loaded, pointer, given, number, safe=True)
    return {"suggestion": number, "value": given}, edit


_BOOLEAN_WORDS = {"true": "true", "false": "false", "yes": "true", "no": "false"}


def quoted_boolean(loaded: LoadedPlan, pointer: str, given: Any) -> Amendment:
    """``"true"`` or ``"yes"`` (text) where true/false is expected: write the boolean."""
    if not isinstance(given, str) or given.strip().lower() not in _BOOLEAN_WORDS:
        return NOTHING
    word = _BOOLEAN_WORDS[given.strip().lower()]
    edit = fixes.value_edit(loaded, pointer, given, word, safe=True)
    return {"suggestion": word, "value": given}, edit


def text_for_list(loaded: LoadedPlan, pointer: str, given: Any, options: list[str]) -> Amendment:
    """``review settings`` where a list of steps is expected → ``[review_settings]``."""
    if not isinstance(given, str) or not options:
        return NOTHING
    found = [suggest(part, options) for part in given.split(",")]
    if not found or any(item is None for item in found):
        return NOTHING
    words = [item.value for item in found if item is not None]
    listed = "[" + ", ".join(written(word) for word in words) + "]"
    certain = all(item.certain for item in found if item is not None)
    edit = fixes.value_edit(loaded, pointer, given, listed, safe=certain)
    return {"suggestion": listed, "value": given}, edit


def unknown_key(loaded: LoadedPlan, pointer: str, key: str, known: tuple[str, ...]) -> Amendment:
    """A misspelt key with one evident correction (safe when it differs only in case/spelling)."""
    if not known:
        return NOTHING
    if normalised(key) in known:
        suggestion, safe = normalised(key), True
    else:
        close = difflib.get_close_matches(key.lower(), known, n=2, cutoff=0.6)
        if not close:
            return NOTHING
        suggestion = close[0]
        ratio = difflib.SequenceMatcher(None, key.lower(), suggestion).ratio()
        safe = len(close) == 1 and ratio >= 0.8
    edit = fixes.key_edit(loaded, pointer, suggestion, safe=safe)
    return {"suggestion": suggestion}, edit


def loaded_value(loaded: LoadedPlan, pointer: str) -> Any:
    """The value the loader read at ``pointer`` (None when absent)."""
    from planner import pointers

    return pointers.resolve(loaded.data, pointer)[1]
