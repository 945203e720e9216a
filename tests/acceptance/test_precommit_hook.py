"""The `aeplan-lint` pre-commit hook, run by the real `pre-commit try-repo` on a scratch repo."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, SAMPLES

HOOKS = REPO / ".pre-commit-hooks.yaml"


def hook() -> dict[str, object]:
    [only] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(only, dict)
    return only


@pytest.mark.parametrize(
    ("path", "linted"),
    [
        ("aeplan.yaml", True),
        ("deploy/aeplan.yml", True),
        ("japan.aeplan.yaml", True),
        ("plans/japan.yaml", True),
        ("ops/plan/korea.yml", True),
        ("config/settings.yaml", False),
        ("notaeplan.yaml", False),
        ("plans/readme.md", False),
    ],
)
def test_the_files_pattern_picks_plans_by_name(path: str, linted: bool) -> None:
    pattern = hook()["files"]
    assert isinstance(pattern, str)
    matched = re.search(pattern, path) is not None and path.endswith((".yaml", ".yml"))
    assert matched is linted


def test_the_hook_runs_aeplan_lint_and_the_repo_dogfoods_it() -> None:
    assert hook()["id"] == "aeplan-lint"
    assert hook()["entry"] == "aeplan lint --allow-empty"
    assert hook()["language"] == "python"
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [local] = config["repos"]
    assert local["repo"] == "local"
    hooks = {entry["id"]: entry for entry in local["hooks"]}
    assert re.search(hooks["aeplan-samples"]["files"], "samples/good/minimal.yaml")
    # The same tools as `make check` in CI, so a commit that passes the hooks passes CI's checks.
    assert {"ruff-check", "ruff-format", "mypy", "import-linter", "vulture"} <= set(hooks)


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.mark.slow
def test_try_repo_fails_the_bad_plan_and_passes_the_good_one(tmp_path: Path) -> None:
    """Needs PyPI access: pre-commit builds the hook's environment from this repository."""
    import pre_commit  # noqa: F401 - a test dependency (the `test` extra); fail loudly if missing

    project = tmp_path / "project"
    (project / "plans").mkdir(parents=True)
    (project / "config").mkdir()
    shutil.copy(SAMPLES / "good" / "minimal.yaml", project / "plans" / "good.yaml")
    shutil.copy(SAMPLES / "bad" / "paused-imports.yaml", project / "bad.aeplan.yaml")
    (project / "config" / "other.yaml").write_text("{not: a plan\n", encoding="utf-8")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    # Outside GitHub's runner settings, so the hook prints the plain text format.
    outside = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    environment = {**outside, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    # The committed HEAD, not the working tree: uncommitted edits in progress must not leak in.
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(REPO),
                "aeplan-lint",
                "--ref",
                head,
                "--color",
                "never",
                "--files",
                *files,
            ],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )

    bad = try_repo("bad.aeplan.yaml", "plans/good.yaml")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.aeplan.yaml:27:9: AE402 [warning]" in bad.stdout
    assert "plans/good.yaml" not in bad.stdout.split("Failed", 1)[-1].replace("bad.aeplan", "")
    good = try_repo("plans/good.yaml", "config/other.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
