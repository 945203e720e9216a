"""How ``aeplan init`` reads a typed answer: full-width digits, aliases, unique prefixes.

A Japanese keyboard often types ``２`` for ``2``; people answer ``y``, ``はい`` or ``MDS``; and
``int`` is plainly ``integration_user``. Each answer is normalised (Unicode NFKC, lower case),
then matched exactly, by alias, then by a prefix that only one choice starts with.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, Optional

import click

from planner.suggestions import ALIASES, normalised

# Yes/no words in English and Japanese (Salesforce's Japanese UI says はい/いいえ).
YES_NO_ALIASES = {"y": "yes", "はい": "yes", "n": "no", "いいえ": "no", "わからない": "unknown",
                  "不明": "unknown", "?": "unknown"}  # fmt: skip


def plain(text: str) -> str:
    """``text`` with full-width letters and digits made ASCII (NFKC) and trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def resolve(answer: str, choices: Sequence[str]) -> Optional[str]:
    """The choice ``answer`` means, or None when it means none or several."""
    word = plain(answer)
    key = normalised(word)
    if key in choices:
        return key
    for alias in (YES_NO_ALIASES.get(word.lower()), YES_NO_ALIASES.get(word), ALIASES.get(key)):
        if alias in choices:
            return alias
    starting = [choice for choice in choices if key and choice.startswith(key)]
    return starting[0] if len(starting) == 1 else None


class Answer(click.Choice[str]):
    """A click choice that accepts what :func:`resolve` understands."""

    def convert(
        self, value: Any, param: Optional[click.Parameter], ctx: Optional[click.Context]
    ) -> Any:
        """The choice meant by ``value`` (click's own error when there is none)."""
        found = resolve(str(value), [str(choice) for choice in self.choices])
        return found if found is not None else super().convert(value, param, ctx)
