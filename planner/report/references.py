"""The References section: every source cited above, numbered in order of first citation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.report import sources
from planner.report.context import ReportContext

# Only plain web addresses become links (a Markdown autolink or an HTML href).
_LINKABLE = re.compile(r"^https?://[^\s<>\"'`]+$")


@dataclass(frozen=True)
class Reference:
    """One numbered source: its title where known, and its address."""

    number: int
    title: str
    url: str
    linkable: bool


@dataclass(frozen=True)
class References:
    """The numbered sources; built last, so it sees every citation."""

    intro: str
    items: tuple[Reference, ...]


def build(context: ReportContext) -> References:
    """The sources cited by the sections before this one."""
    words = context.words
    items = []
    for number, url in enumerate(context.citations.urls, start=1):
        key = sources.key_of(url)
        title = words(f"source.{key}") if key else _host(url)
        items.append(Reference(number, title, url, _LINKABLE.match(url) is not None))
    return References(words("references.intro"), tuple(items))


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url
