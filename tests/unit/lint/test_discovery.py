"""Folder discovery: plans only, ruff-like skips, .gitignore, links, any depth."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.lint import discovery
from planner.lint.discovery import discover, is_plan
from planner.lint.globs import PathPatterns

PLAN = "aeplan: 1\nsalesforce: {org: acme}\n"


def write(path: Path, text: str = PLAN) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def reasons(found: discovery.Discovered, root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): why for path, why in
            ((item.path, item.reason) for item in found.skipped)}  # fmt: skip


def test_a_new_users_repository_lints_exactly_the_plan(tmp_path: Path) -> None:
    plan = write(tmp_path / "plans" / "acme.yaml")
    write(tmp_path / ".github" / "workflows" / "ci.yml", "on: push\njobs: {}\n")
    write(tmp_path / ".pre-commit-config.yaml", "repos: []\n")
    write(tmp_path / ".git" / "config.yaml", "x: 1\n")
    write(tmp_path / ".venv" / "lib" / "a.yaml", PLAN)
    write(tmp_path / "venv2" / "pyvenv.cfg", "home = /usr\n")
    write(tmp_path / "venv2" / "lib" / "a.yaml", PLAN)
    write(tmp_path / "node_modules" / "pkg" / "a.yml", PLAN)
    write(tmp_path / "docker-compose.yml", "services: {}\n")
    write(tmp_path / "action.yml", "name: x\nruns: {using: composite, steps: []}\n")
    write(tmp_path / "build" / "plan.yaml", PLAN)
    write(tmp_path / ".gitignore", "build/\n")
    write(tmp_path / "policies" / "ACME001.rule.yaml", "code: ACME001\n")
    found = discover([str(tmp_path)])
    assert found.files == (plan,)
    assert reasons(found, tmp_path) == {
        ".git": discovery.HIDDEN,
        ".github": discovery.HIDDEN,
        ".pre-commit-config.yaml": discovery.NOT_A_PLAN,
        ".venv": discovery.HIDDEN,
        "action.yml": discovery.NOT_A_PLAN,
        "build": discovery.GITIGNORED,
        "docker-compose.yml": discovery.NOT_A_PLAN,
        "node_modules": discovery.DEFAULT_EXCLUDED,
        "policies/ACME001.rule.yaml": discovery.RULE_FILE,
        "venv2": discovery.VIRTUAL_ENVIRONMENT,
    }


def test_a_file_named_explicitly_is_always_linted(tmp_path: Path) -> None:
    workflow = write(tmp_path / ".github" / "ci.yml", "on: push\n")
    hidden = write(tmp_path / ".hidden" / "plan.txt", PLAN)
    found = discover([str(workflow), str(hidden)])
    assert found.files == (workflow, hidden)


def test_exclude_applies_to_named_files_and_walks(tmp_path: Path) -> None:
    keep = write(tmp_path / "plans" / "a.yaml")
    old = write(tmp_path / "plans" / "old" / "b.yaml")
    draft = write(tmp_path / "plans" / "c.draft.yaml")
    exclude = PathPatterns(["old/", "*.draft.yaml", "!keep.draft.yaml"], tmp_path)
    kept_draft = write(tmp_path / "plans" / "keep.draft.yaml")
    assert discover([str(tmp_path / "plans")], exclude).files == (keep, kept_draft)
    assert discover([str(old), str(draft)], exclude).files == ()


def test_gitignore_files_above_the_walked_folder_count_up_to_the_repository(
    tmp_path: Path,
) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "drafts/\n")
    write(tmp_path / "plans" / ".gitignore", "*.local.yaml\n!keep.local.yaml\n")
    keep = write(tmp_path / "plans" / "a.yaml")
    write(tmp_path / "plans" / "drafts" / "b.yaml")
    write(tmp_path / "plans" / "c.local.yaml")
    kept = write(tmp_path / "plans" / "keep.local.yaml")
    assert discover([str(tmp_path / "plans")]).files == (keep, kept)
    everything = discover([str(tmp_path / "plans")], gitignore=False).files
    assert len(everything) == 4


def test_yaml_that_is_not_a_plan_is_recognised_by_its_top_level_keys(tmp_path: Path) -> None:
    cases = {
        "block.yaml": ("# c\naeplan: 1\n", True),
        "quoted.yaml": ('"aeplan": 1\n', True),
        "flow.yaml": ('{"aeplan": 1, "salesforce": {}}\n', True),
        "forgot-version.yaml": ("salesforce: {org: a}\nbusiness_units: []\n", True),
        "nested.yaml": ("x:\n  aeplan: 1\n", False),
        "compose.yaml": ("services:\n  web: {image: x}\n", False),
        "prefix.yaml": ("aeplanner: 1\n", False),
    }
    for name, (text, expected) in cases.items():
        assert is_plan(write(tmp_path / name, text)) is expected, name
    utf16 = tmp_path / "utf16.yaml"
    utf16.write_bytes("aeplan: 1\n".encode("utf-16"))
    assert is_plan(utf16)


def test_the_key_is_found_across_read_chunks(tmp_path: Path) -> None:
    padding = "# " + "x" * (discovery._CHUNK - 3) + "\n"
    assert is_plan(write(tmp_path / "late.yaml", padding + "aeplan: 1\n"))
    long_line = "k: " + "a" * (discovery._CHUNK + 10) + " aeplan: 1\n"
    assert not is_plan(write(tmp_path / "long.yaml", long_line))


def test_a_missing_path_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(PlannerError, match="no such file or folder"):
        discover([str(tmp_path / "nope")])


def test_each_file_is_linted_once_however_often_it_is_named(tmp_path: Path) -> None:
    plan = write(tmp_path / "p.yaml")
    found = discover([str(tmp_path), str(plan), str(tmp_path)])
    assert found.files == (plan,)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_links_out_of_the_walked_folder_are_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.yaml", PLAN)
    plans = tmp_path / "plans"
    inside = write(plans / "a.yaml")
    (plans / "leak.yaml").symlink_to(outside)
    (plans / "leak-dir").symlink_to(outside.parent, target_is_directory=True)
    (plans / "alias.yaml").symlink_to(inside)
    (plans / "loop").symlink_to(plans, target_is_directory=True)
    found = discover([str(plans)])
    assert found.files == (plans / "a.yaml", plans / "alias.yaml")
    assert reasons(found, plans)["leak.yaml"] == discovery.LINK_OUT
    assert reasons(found, plans)["leak-dir"] == discovery.LINK_OUT


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_special_files_in_a_folder_are_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    found = discover([str(tmp_path)])
    assert found.files == ()
    assert reasons(found, tmp_path) == {"pipe.yaml": discovery.NOT_REGULAR}


def test_a_folder_1200_levels_deep_is_walked_without_recursion(tmp_path: Path) -> None:
    """hostile case 25: pathlib's rglob recursed once per level (RecursionError, exit 3)."""
    folder = tmp_path / "deep"
    folder.mkdir()
    here = os.getcwd()
    os.chdir(folder)
    try:  # relative mkdir keeps every call under PATH_MAX
        for _ in range(1200):
            os.mkdir("d")
            os.chdir("d")
        Path("plan.yaml").write_text(PLAN, encoding="utf-8")
    finally:
        os.chdir(here)
    try:
        found = discover([str(folder)])
        assert len(found.files) == 1 and found.files[0].name == "plan.yaml"
    finally:
        _remove_chain(folder)


def _remove_chain(folder: Path) -> None:
    """Remove the chain of `d` folders bottom-up (pytest's rmtree recurses once per level)."""
    here = os.getcwd()
    os.chdir(folder)
    depth = 0
    try:
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        Path("plan.yaml").unlink()
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)
