"""The References section: every source cited above, numbered in order of first citation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from planner.report import sources
from planner.report.context import ReportContext
from planner.report.wording import Wording

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
        items.append(Reference(number, _title(url, words), url, _LINKABLE.match(url) is not None))
    return References(words("references.intro"), tuple(items))


def _title(url: str, words: Wording) -> str:
    """A known source's title; a Salesforce knowledge article or Trailhead unit by its number or
    name; otherwise the site (a practitioner's page), with the full address shown beside it."""
    key = sources.key_of(url)
    if key:
        return words(f"source.{key}")
    unit = sources.trailhead_unit(url)
    if unit:
        return words(f"source.{unit}")
    parts = urlsplit(url)
    if parts.netloc == "help.salesforce.com":
        article = parse_qs(parts.query).get("id", [""])[0]
        if article.isdigit():
            return words("source.knowledge", number=article)
    if parts.netloc == "trailhead.salesforce.com":
        unit = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if unit:
            return words("source.trailhead", unit=unit.replace("-", " "))
    return parts.netloc or url
