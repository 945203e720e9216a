"""The comments ``aeplan init`` writes into a new plan (``init.comment.*`` of the catalogue)."""

from __future__ import annotations

from planner.i18n import fill


def comment(key: str, lang: str) -> tuple[str, ...]:
    """The lines of one plan comment in ``lang`` (``en`` or ``ja``): the entry's lines."""
    return tuple(fill(f"init.comment.{key}", lang).split("\n"))
