"""aeplan's own sentences: one catalogue per language (``templates/messages``), one ``fill``.

Also the one order in which the language of a run is chosen: ``--lang``, then ``lang`` in the
configuration file, then ``AEPLAN_LANG``, then the plan's ``language``, then the locale
(``LC_ALL``/``LC_MESSAGES``/``LANG`` starting ``ja``), then English.
"""

from __future__ import annotations

import functools
import json
import re
import zlib
from collections.abc import Mapping
from typing import Any, Optional

from planner.resources import data_path

LANGUAGES = ("en", "ja")
NOT_SET = "\x00not set\x00"
"""A rule param for a value the plan does not give: said as "not set" / "未設定"."""
LIST_SEPARATOR = "\x1f"
"""Joins the names of a rule param that lists several: said as ", " in English, "、" in Japanese."""
_SAID_SEPARATOR = {"en": ", ", "ja": "、"}
DEFAULT_LANGUAGE = "en"
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_LANGUAGE_LINE = re.compile(r"^language\s*:\s*['\"]?(en|ja)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def valid(lang: Optional[str]) -> Optional[str]:
    """``lang`` lower-cased when it is a supported language, else None."""
    if not lang:
        return None
    cleaned = lang.strip().lower()
    return cleaned if cleaned in LANGUAGES else None


# What people write for a language aeplan speaks: ISO 639-2, country codes, the names.
_LANGUAGE_ALIASES = {
    "jp": "ja", "jpn": "ja", "jap": "ja", "japanese": "ja", "nihongo": "ja", "日本語": "ja",
    "eng": "en", "english": "en", "us": "en", "uk": "en", "gb": "en", "英語": "en",
}  # fmt: skip


def meant(lang: Optional[str]) -> Optional[str]:
    """The supported language a near miss means (``jp``, ``ja_JP.UTF-8``, ``English`` →
    ``ja``/``ja``/``en``); None when ``lang`` is supported already or means none."""
    if not lang or lang in LANGUAGES:
        return None
    word = lang.strip().lower().split(".", 1)[0]
    close = _LANGUAGE_ALIASES.get(word) or valid(re.split(r"[-_@]", word, maxsplit=1)[0])
    return close if close in LANGUAGES else None


def unknown_in_environment(environ: Mapping[str, str]) -> Optional[str]:
    """``AEPLAN_LANG`` when it is set to something aeplan does not speak (``jp``), else None."""
    value = environ.get("AEPLAN_LANG", "")
    return value if value.strip() and not valid(value) else None


def from_locale(environ: Mapping[str, str]) -> Optional[str]:
    """``ja`` when the POSIX locale (the first of LC_ALL, LC_MESSAGES, LANG set) starts with ja."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else None
    return None


def from_environment(environ: Mapping[str, str]) -> Optional[str]:
    """The language ``AEPLAN_LANG`` names, if it names one."""
    return valid(environ.get("AEPLAN_LANG"))


def choose(*candidates: Optional[str]) -> str:
    """The first supported language among ``candidates`` (in priority order), else English."""
    for candidate in candidates:
        chosen = valid(candidate)
        if chosen:
            return chosen
    return DEFAULT_LANGUAGE


def scan_plan_language(text: str) -> Optional[str]:
    """A plan's top-level ``language: en|ja`` found by a text scan (works on broken YAML).

    Only the first 200 lines are read, so the cost is bounded whatever the file's size.
    """
    if "language" not in text[:20000]:  # the line needs the word: most plans end here
        return None
    head = "\n".join(text[:20000].splitlines()[:200])
    match = _LANGUAGE_LINE.search(head)
    return match.group(1) if match else None


def fill(key: str, lang: str, /, **params: object) -> str:
    """The sentence ``key`` in ``lang`` with ``{name}`` placeholders filled from ``params``
    (a list joined by :data:`LIST_SEPARATOR` joined as ``lang`` joins lists: ", " / "、").

    Text that came from a plan or the user is never interpreted as a template. A key missing
    from the catalogue is a bug (KeyError); the meta-test keeps both languages complete.
    """
    template = catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)[key]
    separator = _SAID_SEPARATOR.get(lang, ", ")
    values = {name: str(value).replace(LIST_SEPARATOR, separator) for name, value in params.items()}
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)


def said(params: Mapping[str, Any], lang: str) -> dict[str, str]:
    """``params`` as text, with :data:`NOT_SET` values put into words in ``lang`` and lists
    joined by :data:`LIST_SEPARATOR` joined as ``lang`` joins them (", " / "、")."""
    separator = _SAID_SEPARATOR.get(lang, ", ")
    return {name: fill("label.not_set", lang) if value == NOT_SET
            else str(value).replace(LIST_SEPARATOR, separator)
            for name, value in params.items()}  # fmt: skip


def plural(key: str, lang: str, count: int, /, **params: object) -> str:
    """``key`` for one (``key_one``) or many (``key``); Japanese has one form for both."""
    chosen = f"{key}_one" if count == 1 and f"{key}_one" in catalogue(lang) else key
    return fill(chosen, lang, count=count, **params)


def placeholders(template: str) -> frozenset[str]:
    """The placeholder names a template uses."""
    return frozenset(_PLACEHOLDER.findall(template))


@functools.cache
def catalogue(lang: str) -> Mapping[str, str]:
    """Every sentence of ``lang`` by dotted key, read from its YAML file once per process.

    The flattened catalogue is also kept as JSON beside the YAML (``make docs``), stamped with the
    YAML's size and CRC-32: read when the stamp matches (no YAML parse at start-up), else ignored.
    """
    path = data_path("templates") / "messages" / f"{lang}.yaml"
    source = path.read_bytes()
    try:
        compiled = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        compiled = None
    if isinstance(compiled, dict) and compiled.get("source") == source_stamp(source):
        entries: dict[str, str] = compiled["entries"]
        return entries
    return flattened(source)


def flattened(source: bytes) -> dict[str, str]:
    """A catalogue file's sentences by dotted key."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(source.decode("utf-8"), Loader=loader)
    entries: dict[str, str] = {}
    _flatten("", raw, entries)
    return entries


def source_stamp(source: bytes) -> str:
    """What identifies a catalogue's YAML for its JSON copy: its size and CRC-32."""
    return f"{len(source)}:{zlib.crc32(source):08x}"


def compiled_text(source: bytes) -> str:
    """The JSON copy of a catalogue's YAML ``source`` (``make docs`` writes it)."""
    document = {"source": source_stamp(source), "entries": flattened(source)}
    return json.dumps(document, ensure_ascii=False, indent=0) + "\n"


def main() -> None:
    """Write the JSON copy of each language's catalogue (``make docs`` runs this)."""
    folder = data_path("templates") / "messages"
    for lang in LANGUAGES:
        source = (folder / f"{lang}.yaml").read_bytes()
        (folder / f"{lang}.json").write_text(compiled_text(source), encoding="utf-8")


def _flatten(prefix: str, node: Any, into: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, into)
    else:
        into[prefix] = str(node)


if __name__ == "__main__":
    main()
