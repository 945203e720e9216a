"""Filling ``{name}`` placeholders in rule messages and aeplan's own sentences."""

from __future__ import annotations

import re
from collections.abc import Mapping

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


#: The most characters one placeholder adds to a message: a finding's size never grows with a
#: plan's longest value, so output stays linear in the plan (a 1 MiB name is not copied per rule).
MAX_PARAMETER_CHARACTERS = 200


def render(template: str, params: Mapping[str, str]) -> str:
    """Fill ``{name}`` placeholders; text a plan supplied is never interpreted as a template.

    Each value is cut to :data:`MAX_PARAMETER_CHARACTERS` characters (ending in ``…``).
    """
    return _PLACEHOLDER.sub(
        lambda match: shortened(str(params.get(match.group(1), match.group(0)))), template
    )


def shortened(text: str, limit: int = MAX_PARAMETER_CHARACTERS) -> str:
    """``text`` itself, or its first ``limit - 1`` characters and ``…`` when it is longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
