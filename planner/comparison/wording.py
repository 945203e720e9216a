"""Everything the sync method comparison says: the ``compare.*`` keys of the message catalogue."""

from __future__ import annotations

from collections.abc import Mapping

from planner import i18n
from planner.placeholders import shortened

_SECTION = "compare."


def text(key: str, lang: str, **params: object) -> str:
    """A comparison sentence or label in ``lang``, with ``{name}`` placeholders filled.

    A ``count`` of 1 picks the ``_one`` form ("1 business unit", not "1 business units");
    each value is shortened like a rule message's (:func:`planner.placeholders.shortened`).
    """
    full = _SECTION + key
    if str(params.get("count")) == "1" and f"{full}_one" in i18n.catalogue(i18n.DEFAULT_LANGUAGE):
        full = f"{full}_one"
    return i18n.fill(full, lang, **{name: shortened(str(value)) for name, value in params.items()})


def labelled(label: str, shown: str, lang: str) -> str:
    """``label: text`` with the language's colon (full-width ``：`` after Japanese, no space)."""
    return i18n.fill(_SECTION + "labelled", lang, label=label, text=shown)


def colon(lang: str) -> str:
    """What ends a label in ``lang``: ``:`` or ``：`` (:func:`labelled` adds the space English
    puts after it)."""
    return labelled("", "", lang).rstrip()


def join(items: list[str], lang: str) -> str:
    """Items joined with the language's comma."""
    return text("list.comma", lang).join(items)


def object_name(name: str, lang: str) -> str:
    """An MDS rule's object in words (custom objects keep their API name)."""
    key = f"object.{name}"
    return text(key, lang) if _SECTION + key in i18n.catalogue(i18n.DEFAULT_LANGUAGE) else name


def keys() -> Mapping[str, tuple[str, str]]:
    """Every comparison sentence as (English, Japanese), for tests that check both languages."""
    english, japanese = i18n.catalogue("en"), i18n.catalogue("ja")
    return {
        key[len(_SECTION) :]: (english[key], japanese[key])
        for key in english
        if key.startswith(_SECTION)
    }
