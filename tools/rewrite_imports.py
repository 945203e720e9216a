"""Rewrite imports of the pre-issue-13 layout to the stage packages (see docs/module-moves.md).

Usage: ``python tools/rewrite_imports.py [--check] FILE...``; with ``--check`` nothing is written
and the exit code is 1 when a file would change.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MODULES = {
    "commands": "cli.options",
    **{f"commands.{name}": f"cli.{name}" for name in (
        "compare", "config", "explain", "init", "lint", "report", "rules", "schema")},
    "loading": "plan.source",
    "event_builder": "plan.events",
    "model": "plan.model",
    "structure": "plan.structure",
    "schema_export": "plan.schema_export",
    "checks.secrets": "plan.secrets",
    "checks": "rules.checks",
    "rulebook": "rules.rulebook",
    "rule_index": "rules.index",
    "organisation": "rules.organisation",
    "conditions": "rules.conditions",
    "engine": "rules.engine",
    "config": "config.files",
    "settings": "config.settings",
    "settings_view": "config.view",
    "linting": "lint.linter",
    "lint_run": "lint.run",
    "suppressions": "lint.suppressions",
    "baseline": "lint.baseline",
    "globs": "lint.globs",
    "catalogue": "catalogue.listing",
    "explanation": "catalogue.explanation",
    "factsheet": "catalogue.factsheet",
    "rules_docs": "catalogue.rules_docs",
    "interview": "init.interview",
    "plan_writer": "init.plan_writer",
    "plan_comments": "init.plan_comments",
}  # fmt: skip

# Names that left the module their old module was renamed to: (new module, name) -> new home.
NAMES = {
    ("planner.plan.source", "load_text"): "planner.plan.events",
    ("planner.plan.secrets", "secret_in_plan"): "planner.rules.checks.secret_values",
    ("planner.rules.rulebook", "load_rulebook"): "planner.rules.loader",
    ("planner.rules.organisation", "is_rule_file"): "planner.rules.rulebook",
    ("planner.rules.organisation", "code_in_file_name"): "planner.rules.rulebook",
    ("planner.rules.organisation", "RULE_FILE_SUFFIXES"): "planner.rules.rulebook",
    ("planner.rules.engine", "render"): "planner.placeholders",
    ("planner.rules.checks", "secrets"): "planner.plan",
    ("planner.report.document", "Document"): "planner.report.rendering",
    ("planner.report.document", "BuiltSection"): "planner.report.rendering",
}

_DOTTED = re.compile(r"(?<![\w.])planner((?:\.\w+)+)")
_NEW = sorted({new for new in MODULES.values()} | {"plan", "rules", "lint", "init"}, key=len)
_FROM_PLANNER = re.compile(r"^([ \t]*)from planner import ([\w, ]+)$", re.M)
_FROM_MODULE = re.compile(r"^([ \t]*)from (planner[\w.]*) import ([\w, ]+)$", re.M)


def _from_planner(match: re.Match[str]) -> str:
    indent, names = match.group(1), [name.strip() for name in match.group(2).split(",")]
    lines = []
    kept = [name for name in names if name not in MODULES]
    if kept:
        lines.append(f"{indent}from planner import {', '.join(kept)}")
    for name in names:
        if name in MODULES:
            package, _, leaf = f"planner.{MODULES[name]}".rpartition(".")
            alias = "" if leaf == name else f" as {name}"
            lines.append(f"{indent}from {package} import {leaf}{alias}")
    return "\n".join(lines)


def _from_module(match: re.Match[str]) -> str:
    indent, module = match.group(1), match.group(2)
    names = [name.strip() for name in match.group(3).split(",")]
    moved: dict[str, list[str]] = {}
    for name in names:
        if (module, name) in NAMES:
            moved.setdefault(NAMES[(module, name)], []).append(name)
    if not moved:
        return match.group(0)
    kept = [name for name in names if (module, name) not in NAMES]
    lines = [f"{indent}from {module} import {', '.join(kept)}"] if kept else []
    lines += [f"{indent}from {home} import {', '.join(found)}" for home, found in moved.items()]
    return "\n".join(lines)


def _starts_with(dotted: str, prefix: str) -> bool:
    return dotted == prefix or dotted.startswith(prefix + ".")


def _dotted(match: re.Match[str]) -> str:
    """One dotted name; a name already in the new layout is left alone (a rerun changes nothing)."""
    dotted = match.group(1)[1:]
    if any(_starts_with(dotted, new) for new in _NEW if "." in new or new not in MODULES):
        return match.group(0)
    after = re.match(r" import (\w+)", match.string[match.end() :])
    if after and f"{dotted}.{after.group(1)}" in _NEW:
        return match.group(0)  # ``from planner.config import files``: already the new package
    for old in sorted(MODULES, key=len, reverse=True):
        if _starts_with(dotted, old):
            return "planner." + MODULES[old] + dotted[len(old) :]
    return match.group(0)


def rewrite(text: str) -> str:
    """``text`` with old dotted module names and moved names rewritten."""
    text = _DOTTED.sub(_dotted, text)
    text = _FROM_PLANNER.sub(_from_planner, text)
    return _FROM_MODULE.sub(_from_module, text)


def main(arguments: list[str]) -> int:
    """Rewrite the files named in ``arguments``; 1 when ``--check`` finds a file to change."""
    check = "--check" in arguments
    changed = 0
    for name in (argument for argument in arguments if argument != "--check"):
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            changed += 1
            print(f"{'would rewrite' if check else 'rewrote'} {path}")
            if not check:
                path.write_text(new, encoding="utf-8")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
