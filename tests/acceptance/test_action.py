"""The GitHub Action and the README's CI snippets: valid YAML whose names refer to each other."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import yaml

from planner.cli import cli
from planner.cli.options import LANGUAGES
from planner.reporters import REPORTERS
from tests.conftest import REPO, SAMPLES

INPUT_REFERENCE = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
STEP_OUTPUT = re.compile(r"\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}")


def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    return loaded


def readme_snippet(heading: str) -> dict[str, Any]:
    """The first ```yaml block after the paragraph that starts with ``heading``."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    after = text.split(heading, 1)[1]
    block = after.split("```yaml\n", 1)[1].split("```", 1)[0]
    loaded: dict[str, Any] = yaml.safe_load(block)
    return loaded


def lint_step() -> dict[str, Any]:
    [step] = [step for step in action()["runs"]["steps"] if step.get("id") == "lint"]
    return step


def test_action_is_composite_and_installs_from_its_own_checkout() -> None:
    steps = action()["runs"]["steps"]
    assert action()["runs"]["using"] == "composite"
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert any(
        "pip install" in s.get("run", "") and '"$GITHUB_ACTION_PATH"' in s.get("run", "")
        for s in steps
    )
    assert all("shell" in step for step in steps if "run" in step)
    assert not any("upload-sarif" in step.get("uses", "") for step in steps)


def test_every_input_is_declared_used_and_passed_through_the_environment() -> None:
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    declared = set(action()["inputs"])
    assert {"paths", "fail-on", "lang", "sarif-file"} <= declared
    assert set(INPUT_REFERENCE.findall(text)) == declared
    assert action()["inputs"]["sarif-file"]["default"] == "aeplan.sarif"
    step = lint_step()
    assert "${{" not in step["run"]
    for variable in re.findall(r"\$(AEPLAN_[A-Z_]+)", step["run"]):
        assert variable in step["env"]


def test_output_points_at_the_lint_step() -> None:
    [(step_id, name)] = STEP_OUTPUT.findall(action()["outputs"]["sarif-file"]["value"])
    assert (step_id, name) == ("lint", "sarif-file")
    assert "sarif-file=" in lint_step()["run"]


def test_the_lint_step_uses_real_aeplan_lint_options() -> None:
    lint = cli.get_command(click.Context(cli), "lint")
    assert lint is not None
    options = {name: param for param in lint.params for name in param.opts}
    for flag in re.findall(r"(--[a-z-]+)", lint_step()["run"]):
        assert flag in options, flag
    fail_on = options["--fail-on"].type
    assert isinstance(fail_on, click.Choice)
    description = action()["inputs"]["fail-on"]["description"]
    assert all(choice in description for choice in fail_on.choices)
    assert all(lang in action()["inputs"]["lang"]["description"] for lang in LANGUAGES)
    assert "sarif" in REPORTERS


def test_readme_workflow_uses_the_action_and_uploads_its_sarif() -> None:
    workflow = readme_snippet("**GitHub Actions.**")
    assert workflow["permissions"]["security-events"] == "write"
    [job] = workflow["jobs"].values()
    [ours] = [step for step in job["steps"] if re.search(r"/aeplan@", step.get("uses", ""))]
    assert set(ours["with"]) <= set(action()["inputs"])
    [upload] = [s for s in job["steps"] if "codeql-action/upload-sarif@" in s.get("uses", "")]
    assert upload["if"] == "always()"
    [(step_id, name)] = STEP_OUTPUT.findall(upload["with"]["sarif_file"])
    assert step_id == ours["id"]
    assert name in action()["outputs"]


def test_readme_gitlab_and_pre_commit_snippets() -> None:
    gitlab = readme_snippet("**GitLab CI.**")["aeplan"]
    script = " ".join(gitlab["script"])
    formats = dict(re.findall(r"--output (\w+)=(\S+)", script))
    assert set(formats) <= set(REPORTERS)
    assert formats["gitlab"] == gitlab["artifacts"]["reports"]["codequality"]
    assert formats["junit"] == gitlab["artifacts"]["reports"]["junit"]
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [repo] = readme_snippet("**pre-commit.**")["repos"]
    assert {hook["id"] for hook in repo["hooks"]} <= {hook["id"] for hook in hooks}


def test_the_lint_step_script_runs_and_writes_sarif(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    assert bash is not None
    shutil.copy(SAMPLES / "bad" / "paused-imports.yaml", tmp_path / "my plan.yaml")
    shutil.copy(SAMPLES / "good" / "minimal.yaml", tmp_path / "good.yaml")
    outputs = tmp_path / "github-output"
    environment = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(outputs),
        "AEPLAN_PATHS": "good.yaml\n*.yaml",
        "AEPLAN_FAIL_ON": "error",
        "AEPLAN_LANG": "",
        "AEPLAN_SARIF_FILE": "reports.sarif",
    }
    run = subprocess.run(
        [bash, "-e", "-c", lint_step()["run"]],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    # "*.yaml" is not globbed (set -f): aeplan reports it as a missing file, exit 2, one line.
    assert run.returncode == 2
    assert "*.yaml: no such file or folder" in run.stderr
    environment["AEPLAN_PATHS"] = "."
    run = subprocess.run(
        [bash, "-e", "-c", lint_step()["run"]],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert "AE402" in run.stdout
    assert "sarif-file=reports.sarif" in outputs.read_text(encoding="utf-8")
    sarif = json.loads((tmp_path / "reports.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert any(r["ruleId"] == "AE402" for r in sarif["runs"][0]["results"])
