"""All report wording, one YAML file per language in ``templates/i18n``, loaded once."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import yaml

from planner.errors import PlannerError
from planner.resources import data_path
from planner.yaml_loader import SafeLoader

LANGUAGES = ("en", "ja")


class Wording:
    """The report's sentences in one language, looked up by dotted key."""

    def __init__(self, lang: str, entries: Mapping[str, str]) -> None:
        self.lang = lang
        self._entries = dict(entries)
        self._plain: dict[str, str] = {}  # sentences without params, filled once (rows repeat)

    def __call__(self, key: str, **params: object) -> str:
        """The sentence ``key`` with ``{name}`` placeholders filled from ``params``."""
        if not params:
            known = self._plain.get(key)
            if known is not None:
                return known
        try:
            template = self._entries[key]
        except KeyError:
            raise PlannerError(
                f"report wording has no entry {key!r}", file=_file(self.lang)
            ) from None
        filled = template.format_map({name: str(value) for name, value in params.items()})
        if not params:
            self._plain[key] = filled
        return filled

    def keys(self) -> frozenset[str]:
        """Every key this language defines."""
        return frozenset(self._entries)

    def template(self, key: str) -> str:
        """The unfilled sentence ``key`` (placeholders still in braces)."""
        return self._entries[key]

    def has(self, key: str) -> bool:
        """True when ``key`` is defined."""
        return key in self._entries


def _file(lang: str) -> str:
    return str(data_path("templates") / "i18n" / f"{lang}.yaml")


def _flatten(prefix: str, node: Any, into: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, into)
    elif isinstance(node, str):
        into[prefix] = node
    else:
        raise PlannerError(f"report wording {prefix!r} is not text", file=_file("?"))


@functools.cache
def wording(lang: str) -> Wording:
    """The wording for ``lang`` (``en`` or ``ja``), read from its YAML file once per process."""
    path = data_path("templates") / "i18n" / f"{lang if lang in LANGUAGES else 'en'}.yaml"
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except (OSError, yaml.YAMLError) as error:
        raise PlannerError(f"cannot read report wording: {error}", file=str(path)) from None
    entries: dict[str, str] = {}
    _flatten("", raw, entries)
    return Wording(lang, entries)
