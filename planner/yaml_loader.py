"""The one YAML loader class aeplan uses: libyaml's safe loader when PyYAML was built with it.

libyaml parses about ten times faster; the pure-Python ``SafeLoader`` gives the same events, tokens
and data (only slower), so every reader of YAML (plans, rule files, wording) picks it from here.
"""

from __future__ import annotations

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

__all__ = ["SafeLoader"]
