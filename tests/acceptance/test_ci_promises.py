"""CI never passes or fails by accident: selectors, empty runs, duplicate keys, folder walks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CLEAN = (SAMPLES / "good" / "minimal.yaml").read_text(encoding="utf-8")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "acme.yaml").write_text(CLEAN, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--select", "AE999"), "`--select`: AE999 matches no rule code or name (did you mean"),
        (("--ignore", "AE4O2"), "`--ignore`: AE4O2 matches no rule code or name (did you mean AE402?)"),  # noqa: E501
        (("--select", "AE1,nosuch-rule"), "`--select`: nosuch-rule matches no rule"),
        (("--ignore", "duplicate-kye"), "(did you mean duplicate-key?)"),
    ],
)  # fmt: skip
def test_a_selector_that_matches_no_rule_is_exit_two_on_one_line(
    project: Path, args: tuple[str, ...], expected: str
) -> None:
    code, out, err = run("lint", "plans", *args)
    assert (code, out) == (2, "")
    assert expected in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('select = ["AE999"]\n', "aeplan.toml:1:1: bad configuration: `select`: AE999 matches no"),
        ('\nignore = ["AE4O2"]\n', "aeplan.toml:2:1: bad configuration: `ignore`: AE4O2 matches"),
        ('[severity]\nno-such-rule = "info"\n', "`severity`: no-such-rule matches no rule"),
        ('[per-file-ignores]\n"x.yaml" = ["AE4O2"]\n', "`per-file-ignores`: AE4O2 matches no"),
    ],
)
def test_a_configured_selector_that_matches_no_rule_is_exit_two(
    project: Path, text: str, expected: str
) -> None:
    (project / "aeplan.toml").write_text(text, encoding="utf-8")
    for command in (("lint", "plans"), ("report", "plans/acme.yaml")):
        code, out, err = run(*command)
        assert (code, out) == (2, ""), command
        assert expected in err and err.count("\n") == 1


def test_rule_names_are_accepted_wherever_codes_are(project: Path) -> None:
    # AE701 is a warning (governance advice, issue 14): fail on warnings so its presence shows.
    plan = project / "plans" / "acme.yaml"
    plan.write_text(CLEAN.replace("  sync_error_owner: Marketing Ops\n", ""), encoding="utf-8")
    code, out, _ = run("lint", "--fail-on", "warning", "--format", "json", "plans")
    assert code == 1 and {f["code"] for f in json.loads(out)["findings"]} == {"AE701"}
    by_name = run(
        "lint",
        "--fail-on",
        "warning",
        "--format",
        "json",
        "plans",
        "--ignore",
        "no-sync-error-owner",
    )
    by_code = run("lint", "--fail-on", "warning", "--format", "json", "plans", "--ignore", "AE701")
    assert by_name == by_code and by_name[0] == 0
    assert run("lint", "--fail-on", "warning", "plans", "--select", "NO-SYNC-ERROR-OWNER")[0] == 1
    (project / "aeplan.toml").write_text(
        'ignore = ["no-sync-error-owner"]\n[severity]\nno-sync-error-owner = "info"\n',
        encoding="utf-8",
    )
    assert run("lint", "--fail-on", "warning", "plans")[0] == 0
    (project / "aeplan.toml").unlink()
    text = plan.read_text(encoding="utf-8").replace(
        "team:", "team:  # aeplan: ignore[no-sync-error-owner] owner named in the runbook", 1
    )
    plan.write_text(text, encoding="utf-8")
    code, out, _ = run("lint", "--fail-on", "warning", "--format", "json", "plans")
    assert code == 0 and json.loads(out)["summary"]["suppressed"] == 1


def test_linting_nothing_is_exit_two_unless_allowed(project: Path) -> None:
    (project / "empty").mkdir()
    (project / "empty" / "compose.yaml").write_text("services: {}\n", encoding="utf-8")
    code, out, err = run("lint", "empty")
    assert (code, out) == (2, "")
    assert "no plan to lint in empty; 1 file or folder skipped" in err
    assert err.count("\n") == 1
    code, out, _ = run("lint", "--allow-empty", "empty")
    assert code == 0 and "0 files" in out
    (project / "aeplan.toml").write_text('exclude = ["plans/"]\n', encoding="utf-8")
    assert run("lint", "plans")[0] == 2


def test_show_files_lists_what_is_linted_and_why_the_rest_is_skipped(project: Path) -> None:
    (project / "node_modules" / "x").mkdir(parents=True)
    (project / "node_modules" / "x" / "a.yaml").write_text(CLEAN, encoding="utf-8")
    (project / "compose.yml").write_text("services: {}\n", encoding="utf-8")
    code, out, _ = run("lint", "--show-files")
    assert code == 0
    assert out.splitlines() == [
        "lint  plans/acme.yaml",
        "skip  compose.yml  (not a plan: no top-level `aeplan:` or `business_units:` key)",
        "skip  node_modules  (skipped by default: VCS, virtual environment or dependency folder)",
    ]
    code, out, _ = run("lint", "--show-files", "--lang", "ja")
    assert code == 0
    assert [line.split("  ")[0] for line in out.splitlines()] == ["検査", "除外", "除外"]


def test_a_duplicate_key_is_structural_and_the_report_refuses(project: Path) -> None:
    """Two `team:` blocks: the other rules read the last while quoting the first's lines."""
    text = CLEAN.replace("team:\n", "team:\n  salesforce_admin: Jane Doe\nteam:\n", 1)
    text = text.replace("  account_engagement_admins: [Hanako Sato]\n", "")
    text = text.replace("team:\n  salesforce_admin: Jane Doe\n",
                        "team:\n  account_engagement_admins: [Jane Doe]\n", 1)  # fmt: skip
    (project / "plans" / "acme.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run("lint", "--format", "json", "plans")
    document = json.loads(out)
    assert code == 1
    assert [f["code"] for f in document["findings"]] == ["AE004"]
    assert document["summary"]["files_with_structural_errors"] == 1
    code, out, err = run("report", "plans/acme.yaml")
    assert (code, out) == (2, "")
    assert "AE004" in err and err.count("\n") == 1


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="runs the action's bash step")
def test_the_composite_action_with_default_inputs_passes_on_a_new_users_repository(
    tmp_path: Path,
) -> None:
    """The action's `Lint plans` step, run as the runner runs it, in a realistic repository."""
    import yaml

    action = yaml.safe_load((SAMPLES.parent / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "lint")
    defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    (repo / "plans" / "acme.yaml").write_text(CLEAN, encoding="utf-8")
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "aeplan.yml").write_text(
        "on: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - uses: acme/aeplan@v1\n",
        encoding="utf-8",
    )
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: https://github.com/acme/aeplan\n    rev: v1\n"
        "    hooks: [{id: aeplan-lint}]\n",
        encoding="utf-8",
    )
    (repo / ".venv" / "lib").mkdir(parents=True)
    (repo / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (repo / ".venv" / "lib" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    (repo / "node_modules" / "pkg").mkdir(parents=True)
    (repo / "node_modules" / "pkg" / "action.yml").write_text("name: x\n", encoding="utf-8")
    bin_folder = Path(sys.executable).parent
    aeplan = shutil.which("aeplan", path=str(bin_folder))
    assert aeplan is not None
    env = {
        **os.environ,
        "PATH": f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}",
        "AEPLAN_PATHS": defaults["paths"],
        "AEPLAN_FAIL_ON": defaults["fail-on"],
        "AEPLAN_LANG": defaults["lang"],
        "AEPLAN_SARIF_FILE": defaults["sarif-file"],
        "GITHUB_OUTPUT": str(tmp_path / "github-output"),
        "GITHUB_ACTIONS": "true",
    }
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    sarif = json.loads((repo / "aeplan.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"] == []
    listed = subprocess.run(
        [aeplan, "lint", "--show-files"], cwd=repo, capture_output=True, text=True, check=True
    )
    assert [line for line in listed.stdout.splitlines() if line.startswith("lint ")] == [
        "lint  plans/acme.yaml"
    ]


@pytest.mark.parametrize(
    "exclude",
    ['["[z-a].yaml"]', '["[[:alpha:]].yaml"]', '["' + "**/" * 25 + 'zzz"]',
     '["' + "*a" * 15 + 'b"]', '["[", "\\\\", "!", "!!x", "/"]'],
)  # fmt: skip
def test_any_exclude_pattern_gives_a_result_promptly(project: Path, exclude: str) -> None:
    """hostile case 17: `[z-a]` was re.error (exit 3); `**/`x25 and `*a`x15 never finished."""
    deep = project.joinpath("plans", *(["a"] * 30))
    deep.mkdir(parents=True)
    (deep / "plan.yaml").write_text(CLEAN, encoding="utf-8")
    (project / "plans" / ("a" * 200 + ".yaml")).write_text(CLEAN, encoding="utf-8")
    (project / "aeplan.toml").write_text(f"exclude = {exclude}\n", encoding="utf-8")
    code, out, err = run("lint", ".")
    assert code == 0, err
    assert "No findings in 3 files." in out


def test_deeply_nested_toml_is_a_one_line_error(project: Path) -> None:
    (project / "aeplan.toml").write_text("exclude = " + "[" * 5000 + "\n", encoding="utf-8")
    code, out, err = run("lint", "plans")
    assert (code, out) == (2, "")
    assert err == "aeplan: error: aeplan.toml: invalid TOML: arrays or tables nested too deeply\n"
