"""The committed rule index matches the rule files; a stale index is never used."""

from __future__ import annotations

import shutil
from pathlib import Path

from planner.rules.index import INDEX_NAME, build_index_text, cached_rules
from planner.rules.rulebook import builtin_rule_files, builtin_rules_dir


def test_committed_index_is_current() -> None:
    committed = (builtin_rules_dir() / INDEX_NAME).read_text(encoding="utf-8")
    assert committed == build_index_text(builtin_rule_files()), (
        "rules/index.json is stale: run `make docs` and commit it"
    )


def test_a_changed_rule_file_makes_the_index_stale(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), folder)
    files = sorted(folder.glob("*.y*ml"))
    assert cached_rules(folder, files) is not None
    first = files[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cached_rules(folder, files) is None


def test_a_missing_or_broken_index_is_ignored(tmp_path: Path) -> None:
    files = builtin_rule_files()
    assert cached_rules(tmp_path, files) is None
    (tmp_path / INDEX_NAME).write_text("{not json", encoding="utf-8")
    assert cached_rules(tmp_path, files) is None


def test_rules_from_the_index_equal_rules_validated_from_yaml() -> None:
    from planner.rules.loader import load_rulebook
    from planner.rules.rulebook import load_rule_file

    indexed = load_rulebook().rules
    assert indexed == tuple(load_rule_file(path) for path in builtin_rule_files())
