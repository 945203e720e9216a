"""The domain fact sheet (docs/facts.md): how confident the sources behind each fact id are."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from planner.i18n import DEFAULT_LANGUAGE, catalogue, fill
from planner.resources import data_path

_FACT = re.compile(r"^- \*\*(F\d+)\*\*", re.MULTILINE)
_CONFIDENCE = re.compile(r"\*Conf:\*(.*?)(?:\*Src:\*|\Z)", re.DOTALL)
_LEVEL = re.compile(r"\b(high|medium|low)\b")


def fact_sheet_path() -> Path:
    """Where the fact sheet is: shipped in the wheel, or ``docs/`` of a source checkout."""
    return data_path("docs") / "facts.md"


def parse_confidences(text: str) -> dict[str, tuple[str, ...]]:
    """Fact id → its confidence levels (``high``, ``medium``, ``low``), in the sheet's order."""
    starts = list(_FACT.finditer(text))
    found: dict[str, tuple[str, ...]] = {}
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        match = _CONFIDENCE.search(text, start.end(), end)
        if match:
            levels = _LEVEL.findall(match.group(1))
            found[start.group(1)] = tuple(dict.fromkeys(levels))
    return found


def load_confidences() -> dict[str, tuple[str, ...]]:
    """The confidences from the fact sheet, or none when the sheet is not available."""
    try:
        return parse_confidences(fact_sheet_path().read_text(encoding="utf-8"))
    except OSError:
        return {}


def confidence_words(levels: tuple[str, ...], lang: str) -> str:
    """``high / medium`` in English, ``高 / 中`` in Japanese."""
    return " / ".join(fill(f"explain.fact.level.{level}", lang) for level in levels)


_LEVELS_ONLY = re.compile(r"^(?:high|medium|low)(?:\s*[-/]\s*(?:high|medium|low))*$")


def confidence_said(ident: str, written: str, lang: str) -> str:
    """A fact's confidence as the sheet writes it (``high (field) / medium (page labels)``), in
    ``lang``: the catalogue's ``explain.fact.qualified.<id>`` for one with qualifiers, the level
    words translated for one without (``low-medium`` → ``低〜中``)."""
    if lang == DEFAULT_LANGUAGE:
        return written
    qualified = f"explain.fact.qualified.{ident}"
    if qualified in catalogue(lang):
        return fill(qualified, lang)
    if _LEVELS_ONLY.match(written):
        said = _LEVEL.sub(lambda found: fill(f"explain.fact.level.{found[1]}", lang), written)
        return re.sub(r"\s*-\s*", "〜", re.sub(r"\s*/\s*", " / ", said))
    return written  # a qualifier the catalogue does not know yet (a test keeps them all known)


_FACT_ID = re.compile(r"^[Ff](\d{1,4})$")
# ``*(…)*``: a note for maintainers (review history, the seed's wording), never shown to users.
_MAINTAINERS_NOTE = re.compile(r"\s*\*\(.*?\)\*")


def statement_of(block: str) -> str:
    """The fact as users see it: no markup or maintainers' notes, no seed/confidence/source."""
    flat = " ".join(line.strip() for line in block.splitlines())
    flat = _MAINTAINERS_NOTE.sub("", flat.removeprefix("- ")).replace("**", "")
    statement = flat.split("*Seed:*", 1)[0].split("*Conf:*", 1)[0].strip()
    return re.sub(r"^F\d+\s+—\s+", "", statement)


def is_citable(url: str) -> bool:
    """A page that says something: not a site's or an author's home page (``note.com/someone``)."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    return bool(parts.query) or len(segments) >= (2 if parts.netloc in _PROFILE_HOSTS else 1)


SEED_URL = (
    "https://trailhead.salesforce.com/content/learn/modules/"
    "pardot-salesforce-integration-for-lightning-app/integrate-pardot-with-salesforce"
)
# Hosts where ``/name`` is a person's page and an article needs more of a path.
_PROFILE_HOSTS = frozenset({"note.com", "medium.com", "qiita.com", "zenn.dev", "github.com"})


def fact_id(wanted: str) -> str | None:
    """``F17`` for ``f17``/``F017``; None when ``wanted`` is not a fact id."""
    match = _FACT_ID.fullmatch(wanted.strip())
    return f"F{int(match.group(1)):02d}" if match else None


def fact_blocks(text: str) -> dict[str, str]:
    """Fact id → its paragraph in the sheet (the bullet and its continuation lines)."""
    starts = list(_FACT.finditer(text))
    blocks: dict[str, str] = {}
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        block = text[start.start() : end].split("\n\n", 1)[0].split("\n## ", 1)[0]
        blocks[start.group(1)] = block.rstrip()
    return blocks


def explain_fact(text: str, wanted: str, lang: str) -> str | None:
    """``aeplan explain F17``: the fact, its confidence and its sources; None when not found.

    The statement is printed as the sheet words it (English); labels follow ``lang``.
    """
    ident = fact_id(wanted)
    block = fact_blocks(text).get(ident or "")
    if ident is None or block is None:
        return None
    fact, confidence, sources, body = (
        fill(f"explain.fact.{key}", lang) for key in ("heading", "confidence", "sources", "body")
    )
    flat = " ".join(line.strip() for line in block.splitlines())
    statement = statement_of(block)
    levels = parse_confidences(block).get(ident, ())
    links = list(parse_sources(text).get(ident, ()))  # ``same as F19`` follows F19
    conf_text = re.search(r"\*Conf:\*(.*?)(?:·|\*Src:\*|$)", flat)
    lines = [f"{fact} {ident}", "", f"{body}:", f"  {statement}", ""]
    shown = (
        confidence_said(ident, conf_text.group(1).strip(), lang)
        if conf_text
        else confidence_words(levels, lang)
    )
    lines += [f"{confidence}: {shown}", "", f"{sources}:"]
    if re.search(r"\*Src:\*[^<]*\bseed\b", flat) and SEED_URL not in links:
        links.append(SEED_URL)  # the Trailhead unit the project started from, by its address
    lines += [f"  - {link}" for link in links]
    return "\n".join(lines) + "\n"


_SOURCE = re.compile(r"\*Src:\*(.*?)(?=^- \*\*F\d+\*\*|^#|\Z)", re.DOTALL | re.MULTILINE)
_URL = re.compile(r"<(https?://[^>\s]+)>")
_SAME_AS = re.compile(r"same as (F\d+)")


def parse_sources(text: str) -> dict[str, tuple[str, ...]]:
    """Fact id → the web addresses its ``*Src:*`` names (``same as F45`` follows F45)."""
    starts = list(_FACT.finditer(text))
    found: dict[str, tuple[str, ...]] = {}
    same: dict[str, str] = {}
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        match = _SOURCE.search(text, start.end(), end)
        block = match.group(1) if match else ""
        found[start.group(1)] = tuple(
            dict.fromkeys(url for url in _URL.findall(block) if is_citable(url))
        )
        alias = _SAME_AS.search(block)
        if alias and not found[start.group(1)]:
            same[start.group(1)] = alias.group(1)
    for fact, other in same.items():
        found[fact] = found.get(other, ())
    return found


def load_sources() -> dict[str, tuple[str, ...]]:
    """The fact sheet's sources, or none when the sheet is not available."""
    try:
        return parse_sources(fact_sheet_path().read_text(encoding="utf-8"))
    except OSError:
        return {}
