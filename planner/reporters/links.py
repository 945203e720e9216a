"""Where aeplan and its rule documentation live on the web (SARIF ``informationUri``/``helpUri``).

One place to change when the project is published elsewhere; the rule pages are the generated
``docs/rules.md`` (English) and ``docs/rules.ja.md`` (Japanese), one ``<a id>`` anchor per rule.
"""

from __future__ import annotations

HOME = "https://github.com/your-org/aeplan"
_RULE_PAGES = {"en": "docs/rules.md", "ja": "docs/rules.ja.md"}


def rule_help(code: str, lang: str) -> str:
    """The stable address of a rule's documentation, in ``lang`` (English for any other)."""
    page = _RULE_PAGES.get(lang, _RULE_PAGES["en"])
    return f"{HOME}/blob/main/{page}#{code.lower()}"
