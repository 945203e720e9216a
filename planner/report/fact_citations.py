"""Fact ids in report text become the report's numbered references (``(F21, F44)`` → ``[3, 5]``)."""

from __future__ import annotations

import re
from functools import lru_cache

from planner.catalogue.factsheet import fact_blocks, fact_sheet_path
from planner.report.context import ReportContext

_FACT_GROUP = re.compile(r"\s*\((F\d+(?:,\s*F\d+)*)\)")
_URL = re.compile(r"<(https?://[^>]+)>")
SEED_URL = (
    "https://trailhead.salesforce.com/content/learn/modules/"
    "pardot-salesforce-integration-for-lightning-app/integrate-pardot-with-salesforce"
)
_SAME_AS = re.compile(r"same as (F\d+)")


@lru_cache(maxsize=1)
def fact_sources() -> dict[str, str]:
    """Fact id → its first source address in docs/facts.md (Salesforce's own pages come first)."""
    try:
        text = fact_sheet_path().read_text(encoding="utf-8")
    except OSError:
        return {}
    blocks = fact_blocks(text)
    found: dict[str, str] = {}
    for ident, block in blocks.items():
        source = block.split("*Src:*", 1)[-1]
        same = _SAME_AS.search(source)  # "*Src:* same as F28": the other fact's sources
        if same and same.group(1) in blocks:
            source = blocks[same.group(1)].split("*Src:*", 1)[-1] + source
        urls = _URL.findall(source)
        official = [url for url in urls if "salesforce.com" in url]
        if official or urls:
            found[ident] = (official or urls)[0]
        elif "seed" in source:  # the Trailhead unit the project started from (facts.md notes)
            found[ident] = SEED_URL
    return found


def cite_facts(context: ReportContext, text: str) -> str:
    """``text`` with each ``(F..)`` group replaced by its reference numbers; unknown ids drop."""

    def numbers(match: re.Match[str]) -> str:
        sources = fact_sources()
        urls = [sources[ident] for ident in re.findall(r"F\d+", match.group(1)) if ident in sources]
        if not urls:
            return ""
        cited = context.citations.cite(*dict.fromkeys(urls))
        return " [" + ", ".join(str(number) for number in cited) + "]"

    return _FACT_GROUP.sub(numbers, text)
