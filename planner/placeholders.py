"""Filling ``{name}`` placeholders in rule messages and aeplan's own sentences."""

from __future__ import annotations

import re
from collections.abc import Mapping

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def render(template: str, params: Mapping[str, str]) -> str:
    """Fill ``{name}`` placeholders; text a plan supplied is never interpreted as a template."""
    return _PLACEHOLDER.sub(lambda match: str(params.get(match.group(1), match.group(0))), template)
