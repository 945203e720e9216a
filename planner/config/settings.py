"""Effective settings: defaults, then the configuration file, then the command line."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from planner.config import files as config
from planner.config.files import shown
from planner.errors import PlannerError
from planner.findings import Severity
from planner.limits import Limits
from planner.rules.rulebook import Rulebook

DEFAULT = "default"
COMMAND_LINE = "command line"


@dataclass(frozen=True)
class Overrides:
    """What the command line says; empty or None means "not given"."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Optional[str] = None
    lang: Optional[str] = None
    rules: tuple[str, ...] = ()
    config: Optional[str] = None
    isolated: bool = False
    metadata: Optional[str] = None


@dataclass(frozen=True)
class Settings:
    """Every setting in force for one run, and where each came from (``sources``, by TOML key)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str = "error"
    lang: Optional[str] = None
    rules: tuple[Path, ...] = ()
    max_file_size: int = Limits().max_bytes
    max_depth: int = Limits().max_depth
    max_nodes: int = Limits().max_nodes
    root: Path = Path(".")
    metadata: Optional[Path] = None
    """The org's metadata folder (configuration: relative to its file; command line: to the cwd)."""
    config_file: Optional[Path] = None
    config_name: str = ""
    """How messages name the configuration file (relative to the working folder when below it)."""
    sources: dict[str, str] = field(default_factory=dict, compare=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    configured_codes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    written: dict[str, str] = field(default_factory=dict, compare=False)
    """How the user wrote each selector (canonical → as written), so messages quote it."""
    locale_lang: Optional[str] = None
    """The language the locale (LC_ALL/LC_MESSAGES/LANG) asks for, after the plan's own."""

    def source(self, key: str) -> str:
        """Where the value of TOML key ``key`` came from."""
        return self.sources.get(key, DEFAULT)

    @property
    def limits(self) -> Limits:
        """The limits on one plan file."""
        return Limits(self.max_file_size, self.max_depth, self.max_nodes)

    @property
    def effective_select(self) -> tuple[str, ...]:
        """``select`` plus ``extend-select`` (the empty prefix stands for "all rules")."""
        if not self.extend_select:
            return self.select
        return (self.select or ("",)) + self.extend_select


def resolve(
    overrides: Overrides, cwd: Optional[Path] = None, environ: Optional[Mapping[str, str]] = None
) -> Settings:
    """Settings for a run started in ``cwd``: defaults < closest config file < command line.

    ``lang`` not set by either falls back to ``AEPLAN_LANG`` (then, per plan, to the plan's
    ``language`` and ``locale_lang``), as :mod:`planner.i18n` orders them.
    """
    here = (cwd or Path.cwd()).absolute()
    if overrides.isolated and overrides.config:
        raise PlannerError.keyed("config.both")
    settings = Settings(root=here)
    path: Optional[Path] = None
    if overrides.config:
        path = Path(overrides.config)
    elif not overrides.isolated:
        path = config.discover(here)
    if path is not None:
        settings = _apply_file(settings, config.load(path, _shown(path, here)), here)
    settings = _apply_command_line(settings, overrides, here)
    return _apply_environment(settings, os.environ if environ is None else environ)


def _apply_environment(settings: Settings, environ: Mapping[str, str]) -> Settings:
    from planner import i18n

    locale = i18n.from_locale(environ)
    from_environment = i18n.from_environment(environ)
    if settings.lang is not None or from_environment is None:
        return replace(settings, locale_lang=locale)
    sources = {**settings.sources, "lang": "AEPLAN_LANG"}
    return replace(settings, lang=from_environment, sources=sources, locale_lang=locale)


def _shown(path: Path, cwd: Path) -> str:
    return shown(path, cwd)


def _label(path: Path, cwd: Path) -> str:
    return _shown(path, cwd) + (" [tool.aeplan]" if path.name == "pyproject.toml" else "")


def normal_selector(selector: str) -> str:
    """A rule selector as written canonically: codes upper-case, names (with ``-``) lower-case."""
    selector = selector.strip()
    return selector.lower() if "-" in selector else selector.upper()


def split_selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    """Selectors from repeatable, comma-separated options, as written (:func:`resolve`
    normalises them, and messages quote what the user typed)."""
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _upper(codes: Any) -> tuple[str, ...]:
    return tuple(normal_selector(str(code)) for code in codes)


def _check_rule_folders(folders: tuple[Path, ...], loaded: Any, cwd: Path) -> None:
    """A missing organisation rule folder is named with the configuration line that asked for it."""
    for entry in folders:
        if not entry.is_dir():
            raise PlannerError.keyed(
                "config.rules_missing", path=entry,
                file=_shown(loaded.path, cwd), line=loaded.line_of("rules") or 0,
            )  # fmt: skip


def _check_metadata_folder(
    folder: Path, config_file: Optional[str], line: int, shown: Optional[str] = None
) -> None:
    """A metadata source that is not a folder, or a folder of several projects, is bad tool use."""
    from planner.metadata.source import check_folder

    key = "`metadata`" if config_file else "--metadata"
    check_folder(folder, key, shown if shown is not None else str(folder), config_file, line)


def _apply_file(settings: Settings, loaded: Any, cwd: Path) -> Settings:
    values = loaded.values
    folder = loaded.folder.absolute()
    changes: dict[str, Any] = {}
    for name in values.model_fields_set:
        value = getattr(values, name)
        if name in ("select", "ignore", "extend_select"):
            value = _upper(value)
        elif name == "severity":
            value = tuple(
                sorted((normal_selector(code), Severity(level)) for code, level in value.items())
            )
        elif name == "per_file_ignores":
            value = tuple(sorted((glob, _upper(codes)) for glob, codes in value.items()))
        elif name in ("exclude",):
            value = tuple(value)
        elif name == "rules":
            value = tuple(folder / entry for entry in value)
            _check_rule_folders(value, loaded, cwd)
        elif name == "metadata":
            written = str(value)
            value = folder / value
            _check_metadata_folder(
                value, _shown(loaded.path, cwd), loaded.line_of("metadata"), written
            )
        changes[name] = value
    label = _label(loaded.path, cwd)
    keys = sorted(name.replace("_", "-") for name in values.model_fields_set)
    raw = [*(values.select or ()), *(values.ignore or ()), *(values.extend_select or ()),
           *(values.severity or {}), *(code for codes in (values.per_file_ignores or {}).values()
                                      for code in codes)]  # fmt: skip
    return replace(
        settings,
        **changes,
        written=_written(settings.written, raw),
        root=folder,
        config_file=loaded.path,
        config_name=_shown(loaded.path, cwd),
        sources={key: label for key in keys},
        lines={key: loaded.line_of(key) for key in keys},
        configured_codes=_codes_in(changes),
    )


def _codes_in(changes: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found = [(key, changes.get(key, ())) for key in ("select", "ignore", "extend_select")]
    found.append(("severity", tuple(code for code, _ in changes.get("severity", ()))))
    found.append(
        (
            "per_file_ignores",
            tuple(c for _, codes in changes.get("per_file_ignores", ()) for c in codes),
        )
    )
    return tuple((key.replace("_", "-"), codes) for key, codes in found if codes)


def _apply_command_line(settings: Settings, given: Overrides, cwd: Path) -> Settings:
    sources = dict(settings.sources)
    changes: dict[str, Any] = {}
    changes["written"] = _written(settings.written, given.select + given.ignore)
    if given.select:
        changes.update(select=_upper(given.select), extend_select=())
        sources["select"] = sources["extend-select"] = COMMAND_LINE
    if given.ignore:
        changes["ignore"] = _merge(settings.ignore, _upper(given.ignore))
        sources["ignore"] = _joined(settings.source("ignore"))
    if given.rules:
        # As given (relative to the working folder), so every command names a bad rule file the
        # way `rules`, `explain` and `compare` do; joined only when the run has another cwd.
        here = cwd == Path.cwd().absolute()
        folders = tuple(Path(folder) if here else cwd / folder for folder in given.rules)
        changes["rules"] = settings.rules + folders
        sources["rules"] = _joined(settings.source("rules"))
    if given.metadata is not None:
        changes["metadata"] = cwd / given.metadata
        _check_metadata_folder(changes["metadata"], None, 0, str(given.metadata))
        sources["metadata"] = COMMAND_LINE
    for key in ("fail_on", "lang"):
        value = getattr(given, key)
        if value is not None:
            changes[key] = value
            sources[key.replace("_", "-")] = COMMAND_LINE
    return replace(settings, **changes, sources=sources)


def _written(known: dict[str, str], selectors: Iterable[str]) -> dict[str, str]:
    """``known`` plus how each of ``selectors`` was written, by its canonical form."""
    written = dict(known)
    for selector in selectors:
        written.setdefault(normal_selector(str(selector)), str(selector).strip())
    return written


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(code for code in second if code not in first)


def _joined(previous: str) -> str:
    return COMMAND_LINE if previous == DEFAULT else f"{previous} + {COMMAND_LINE}"


def with_severities(rulebook: Rulebook, overrides: tuple[tuple[str, Severity], ...]) -> Rulebook:
    """The rulebook with configured severities, so every format and ``--fail-on`` sees them."""
    if not overrides:
        return rulebook
    ranked = sorted(overrides, key=lambda item: len(item[0]))
    rules = []
    for rule in rulebook.rules:
        chosen = [severity for prefix, severity in ranked if rule.code.startswith(prefix)]
        rules.append(replace(rule, severity=chosen[-1]) if chosen else rule)
    return Rulebook(tuple(rules))
