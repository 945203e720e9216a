"""Effective settings: defaults, then the configuration file, then the command line."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from planner.errors import PlannerError
from planner.findings import Severity
from planner.limits import Limits
from planner.rulebook import Rulebook

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
    config_file: Optional[Path] = None
    config_name: str = ""
    """How messages name the configuration file (relative to the working folder when below it)."""
    sources: dict[str, str] = field(default_factory=dict, compare=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    configured_codes: tuple[tuple[str, tuple[str, ...]], ...] = ()

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


def resolve(overrides: Overrides, cwd: Optional[Path] = None) -> Settings:
    """Settings for a run started in ``cwd``: defaults < closest config file < command line."""
    from planner import config

    here = (cwd or Path.cwd()).absolute()
    if overrides.isolated and overrides.config:
        raise PlannerError("--config and --isolated cannot be used together")
    settings = Settings(root=here)
    path: Optional[Path] = None
    if overrides.config:
        path = Path(overrides.config)
    elif not overrides.isolated:
        path = config.discover(here)
    if path is not None:
        settings = _apply_file(settings, config.load(path, _shown(path, here)), here)
    return _apply_command_line(settings, overrides, here)


def _shown(path: Path, cwd: Path) -> str:
    from planner.config import shown

    return shown(path, cwd)


def _label(path: Path, cwd: Path) -> str:
    return _shown(path, cwd) + (" [tool.aeplan]" if path.name == "pyproject.toml" else "")


def normal_selector(selector: str) -> str:
    """A rule selector as written canonically: codes upper-case, names (with ``-``) lower-case."""
    selector = selector.strip()
    return selector.lower() if "-" in selector else selector.upper()


def _upper(codes: Any) -> tuple[str, ...]:
    return tuple(normal_selector(str(code)) for code in codes)


def _check_rule_folders(folders: tuple[Path, ...], loaded: Any, cwd: Path) -> None:
    """A missing organisation rule folder is named with the configuration line that asked for it."""
    for entry in folders:
        if not entry.is_dir():
            raise PlannerError(
                f"`rules`: the folder {entry} does not exist",
                file=_shown(loaded.path, cwd), line=loaded.line_of("rules") or 0,
            )  # fmt: skip


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
        changes[name] = value
    label = _label(loaded.path, cwd)
    keys = sorted(name.replace("_", "-") for name in values.model_fields_set)
    return replace(
        settings, **changes, root=folder, config_file=loaded.path,
        config_name=_shown(loaded.path, cwd),
        sources={key: label for key in keys}, lines={key: loaded.line_of(key) for key in keys},
        configured_codes=_codes_in(changes),
    )  # fmt: skip


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
    if given.select:
        changes.update(select=given.select, extend_select=())
        sources["select"] = sources["extend-select"] = COMMAND_LINE
    if given.ignore:
        changes["ignore"] = _merge(settings.ignore, given.ignore)
        sources["ignore"] = _joined(settings.source("ignore"))
    if given.rules:
        changes["rules"] = settings.rules + tuple(cwd / folder for folder in given.rules)
        sources["rules"] = _joined(settings.source("rules"))
    for key in ("fail_on", "lang"):
        value = getattr(given, key)
        if value is not None:
            changes[key] = value
            sources[key.replace("_", "-")] = COMMAND_LINE
    return replace(settings, **changes, sources=sources)


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
        rules.append(rule.model_copy(update={"severity": chosen[-1]}) if chosen else rule)
    return Rulebook(tuple(rules))
