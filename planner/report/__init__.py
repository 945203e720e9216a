"""The implementation report: a plain-data view of one plan, rendered as Markdown or HTML."""

from __future__ import annotations

FORMATS = ("markdown", "html")
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
