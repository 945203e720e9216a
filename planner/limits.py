"""The bounds that keep aeplan's work finite on hostile input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Documented limits on one plan file; configuration may raise them."""

    max_bytes: int = 16 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 1_000_000
