"""The rules in force: the built-in rule files plus organisation rule folders, as a Rulebook."""

from __future__ import annotations

from pathlib import Path

from planner.errors import PlannerError
from planner.rules.index import cached_rules
from planner.rules.organisation import check_organisation_rule, organisation_rule_files
from planner.rules.rulebook import (
    Rulebook,
    RuleSpec,
    builtin_rule_files,
    builtin_rules_dir,
    load_rule_file,
    rule_from_index,
)


def load_rulebook(extra_dirs: tuple[Path, ...] = ()) -> Rulebook:
    """Load the built-in rules plus organisation rules from ``extra_dirs``."""
    rules: dict[str, RuleSpec] = {}
    builtin = builtin_rules_dir()
    if not builtin.is_dir():
        raise PlannerError.keyed("file.rule_folder_missing", file=str(builtin))
    builtin_files = builtin_rule_files()
    indexed = cached_rules(builtin, builtin_files) or {}
    files = [(path, False) for path in builtin_files]
    files += [(path, True) for folder in extra_dirs for path in organisation_rule_files(folder)]
    names: dict[str, str] = {}
    for path, organisation in files:
        raw = None if organisation else indexed.get(path.name)
        rule = load_rule_file(path) if raw is None else rule_from_index(raw)
        if organisation:
            check_organisation_rule(rule, path)
        if rule.code in rules:
            raise PlannerError.keyed("rule_file.defined_twice", code=rule.code, file=str(path))
        if rule.name in names:
            raise PlannerError.keyed(
                "rule_file.name_taken", name=rule.name, other=names[rule.name], file=str(path)
            )
        rules[rule.code] = rule
        names[rule.name] = rule.code
    return Rulebook(tuple(sorted(rules.values(), key=lambda rule: rule.code)))
