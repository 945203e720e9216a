"""``aeplan config`` output: each effective setting, its value and where it came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planner.config.files import KEYS, shown
from planner.config.settings import COMMAND_LINE, DEFAULT, Settings
from planner.i18n import fill
from planner.terminal import width

VIEW_VERSION = 1
_SOURCE_KEYS = {
    DEFAULT: "config.view.source.default",
    COMMAND_LINE: "config.view.source.command_line",
}
"""The sources said in words; any other source is a configuration file's path, shown as is."""


def values(settings: Settings, cwd: Path) -> dict[str, Any]:
    """Every setting as plain JSON data, by TOML key, in the documented key order."""
    data: dict[str, Any] = {
        "select": list(settings.select),
        "ignore": list(settings.ignore),
        "extend-select": list(settings.extend_select),
        "severity": {code: level.value for code, level in settings.severity},
        "per-file-ignores": {glob: list(codes) for glob, codes in settings.per_file_ignores},
        "exclude": list(settings.exclude),
        "fail-on": settings.fail_on,
        "lang": settings.lang,
        "rules": [_shown(path, cwd) for path in settings.rules],
        "metadata": _shown(settings.metadata, cwd) if settings.metadata is not None else None,
        "max-file-size": settings.max_file_size,
        "max-depth": settings.max_depth,
        "max-nodes": settings.max_nodes,
    }
    return {key: data[key] for key in KEYS}


def document(settings: Settings, cwd: Path) -> dict[str, Any]:
    """The ``--format json`` document."""
    config_file = _shown(settings.config_file, cwd) if settings.config_file else None
    return {
        "version": VIEW_VERSION,
        "config_file": config_file,
        "settings": {
            key: {"value": value, "source": settings.source(key)}
            for key, value in values(settings, cwd).items()
        },
    }


def render_json(settings: Settings, cwd: Path) -> str:
    """The settings as indented JSON."""
    return json.dumps(document(settings, cwd), ensure_ascii=False, indent=2) + "\n"


def render_text(settings: Settings, cwd: Path, lang: str) -> str:
    """The settings as TOML lines, each followed by a comment saying where it came from."""
    unset = fill("config.view.unset", lang)
    if settings.config_file:
        config_file = _shown(settings.config_file, cwd)
    else:
        config_file = fill("config.view.none", lang)
    lines = [fill("config.view.file", lang, file=config_file)]
    rows = [
        (key, f"{key} = {value}" if value is not None else f"# {key} {unset}")
        for key, value in ((key, _toml(value)) for key, value in values(settings, cwd).items())
    ]
    # Columns by terminal cells, not characters: （未設定） takes two cells a character.
    widest = max(width(text) for _, text in rows)
    for key, text in rows:
        source = settings.source(key)
        label = fill(_SOURCE_KEYS[source], lang) if source in _SOURCE_KEYS else source
        lines.append(f"{text}{' ' * (widest - width(text))}  # {label}")
    return "\n".join(lines) + "\n"


def _shown(path: Path, cwd: Path) -> str:
    return shown(path, cwd)


def _toml(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(str(_toml(item)) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)
