"""Where aeplan, its rule documentation and its schema live on the web (one place to change).

The rule pages are the generated ``docs/rules.md`` (English) and ``docs/rules.ja.md`` (Japanese),
with one ``<a id>`` anchor per rule; the schemas are the committed files under ``schema/``.
"""

from __future__ import annotations

HOME = "https://github.com/your-org/aeplan"
_RULE_PAGES = {"en": "docs/rules.md", "ja": "docs/rules.ja.md"}


def rule_help(code: str, lang: str) -> str:
    """The stable address of a rule's documentation, in ``lang`` (English for any other)."""
    page = _RULE_PAGES.get(lang, _RULE_PAGES["en"])
    return f"{HOME}/blob/main/{page}#{code.lower()}"


def schema_id(name: str) -> str:
    """The ``$id`` of a committed schema file ``schema/<name>`` (its raw address on the web)."""
    return f"{HOME}/raw/main/schema/{name}"
