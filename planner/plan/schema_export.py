"""The plan's JSON Schema, generated from the model, for editors and other validators.

Descriptions and examples come from ``templates/i18n/schema.yaml`` (English and Japanese), so every
key explains itself on hover in either language. Two dialects: JSON Schema 2020-12 (the default)
and draft-07, which SchemaStore and older validators prefer.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from planner.i18n import fill
from planner.plan.model import Plan

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
DRAFTS = {"2020-12": SCHEMA_DIALECT, "7": "http://json-schema.org/draft-07/schema#"}
LANGUAGES = ("en", "ja")


def file_name(lang: str = "en", draft: str = "2020-12") -> str:
    """The committed file of a variant: ``plan.schema.json``, ``plan.schema.ja.json``, …"""
    parts = ["plan.schema"]
    if lang != "en":
        parts.append(lang)
    if draft != "2020-12":
        parts.append("draft-07")
    return ".".join(parts) + ".json"


def plan_schema(lang: str = "en", draft: str = "2020-12") -> dict[str, Any]:
    """The JSON Schema of the plan format in ``lang`` and dialect ``draft`` (``2020-12`` or ``7``).

    Raises ``KeyError`` for a language or draft not listed in :data:`LANGUAGES` / :data:`DRAFTS`.
    """
    from planner import project_links

    dialect = DRAFTS[draft]
    schema = Plan.model_json_schema()
    words = descriptions()
    _describe(schema, "Plan", words, lang)
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, name, words, lang)
    schema["title"] = fill("schema.title", lang)
    identity = project_links.schema_id(file_name(lang, draft))
    document = {"$schema": dialect, "$id": identity, **schema}
    return _draft_07(document) if draft == "7" else document


def plan_schema_text(lang: str = "en", draft: str = "2020-12") -> str:
    """The schema as the text committed under ``schema/`` (sorted keys, two-space indent)."""
    return json.dumps(plan_schema(lang, draft), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@lru_cache(maxsize=1)
def descriptions() -> dict[str, dict[str, Any]]:
    """``Model`` and ``Model.property`` → ``{"en": …, "ja": …, "examples": [...]}``."""
    import yaml

    from planner.resources import data_path

    text = (data_path("templates") / "i18n" / "schema.yaml").read_text(encoding="utf-8")
    loaded: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return loaded


def _describe(
    definition: dict[str, Any], model: str, words: dict[str, dict[str, Any]], lang: str
) -> None:
    """Set the description (and examples) of a model and of each of its properties, in place."""
    own = words.get(model)
    if own:
        definition["description"] = own[lang]
    for name, prop in definition.get("properties", {}).items():
        entry = words.get(f"{model}.{name}")
        if entry is None:
            continue  # a test keeps every key described; a new key keeps the model's text meanwhile
        prop["description"] = entry[lang]
        if "examples" in entry:
            prop["examples"] = entry["examples"]


def _draft_07(schema: dict[str, Any]) -> dict[str, Any]:
    """The same schema for draft-07: ``$defs`` become ``definitions`` and references follow."""
    text = json.dumps(schema, ensure_ascii=False)
    text = text.replace('"#/$defs/', '"#/definitions/')
    moved: dict[str, Any] = json.loads(text)
    if "$defs" in moved:
        moved["definitions"] = moved.pop("$defs")
    return moved
