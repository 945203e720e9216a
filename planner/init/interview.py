"""The questions ``aeplan init`` asks (the Trailhead unit's, in order) and its sentences.

The words live in the message catalogue under ``init.question``, ``init.hint``, ``init.saying``
and ``init.open`` (``templates/messages/{en,ja}.yaml``).
"""

from __future__ import annotations

from planner import i18n


def question(key: str, lang: str, **params: object) -> str:
    """The prompt for one question."""
    return i18n.fill(f"init.question.{key}", lang, **params)


def hint(key: str, lang: str) -> str:
    """A line shown before a question, or "" when the question explains itself."""
    name = f"init.hint.{key}"
    return i18n.fill(name, lang) if name in i18n.catalogue(lang) else ""


def saying(key: str, lang: str, **params: object) -> str:
    """One of ``aeplan init``'s own sentences."""
    return i18n.fill(f"init.saying.{key}", lang, **params)


def open_question(key: str, lang: str) -> str:
    """What an undecided answer leaves open, naming the plan key."""
    return i18n.fill(f"init.open.{key}", lang)
