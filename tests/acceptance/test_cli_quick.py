"""`aeplan lint`'s quick path (no click) reads a command line exactly as click does, or not at all.

Every command line it accepts must give click's own parameters; everything else is click's.
The same runs through both paths print the same bytes and exit with the same code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional

import click
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import quick
from planner.cli.lint import command
from tests.conftest import REPO, SAMPLES

GOOD = str(SAMPLES / "good" / "minimal.yaml")
BAD = str(SAMPLES / "bad" / "fixable.yaml")
MISSING = "no-such-plan.yaml"
FOLDER = str(SAMPLES / "good")


def clicks(argv: list[str]) -> Optional[dict[str, Any]]:
    """The parameters click gives `aeplan lint` for ``argv``, or None when click refuses them."""
    try:
        with command.make_context("lint", list(argv[1:])) as context:
            return dict(context.params)
    except (click.ClickException, click.exceptions.Exit):
        return None


ACCEPTED = [
    ["lint"],
    ["lint", GOOD],
    ["lint", GOOD, BAD, "--fail-on", "never"],
    ["lint", "--fail-on=warning", GOOD, "-q"],
    ["lint", GOOD, "--format", "json", "--lang", "ja", "--color", "never", "--exit-zero"],
    ["lint", "--select", "AE1,AE2", "--select=ae3", "--ignore", "AE201", GOOD, "--statistics"],
    ["lint", "-o", "out.sarif", "--format=sarif", "--output", "junit=j.xml", "--output=json=x"],
    ["lint", "--config", "aeplan.toml", "--isolated", "--allow-empty", FOLDER, MISSING],
    ["lint", "--rules", FOLDER, "--rules=x", "--metadata", FOLDER, "--output-file=o.txt", ""],
    ["lint", "--quiet", "--quiet", "--format", "github"],
]
DECLINED = [
    [], ["report", GOOD], ["lint", "--help"], ["lint", "-h"], ["lint", "-"],
    ["lint", "--", GOOD], ["lint", "--fix", GOOD], ["lint", "--diff"], ["lint", "--show-files"],
    ["lint", "--baseline", "b"], ["lint", "--stdin-filename", "x"], ["lint", "--fail-on"],
    ["lint", "--fail-on", "fatal"], ["lint", "--fail-on", "never", "--fail-on", "error"],
    ["lint", "--lang", "JA"], ["lint", "--format", "--quiet"], ["lint", "--quiet=1"],
    ["lint", "-qo", "x"], ["lint", "-ox"], ["lint", "--fail", "never"],
    ["lint", "--config", FOLDER], ["lint", "--unknown"], ["lint", "-x"], ["lint", "--version"],
]  # fmt: skip


@pytest.mark.parametrize("argv", ACCEPTED, ids=lambda argv: " ".join(argv)[:60])
def test_what_it_reads_it_reads_as_click_does(argv: list[str]) -> None:
    assert quick.parse(argv, {}) is not None
    assert quick.parse(argv, {}) == clicks(argv)


@pytest.mark.parametrize("argv", DECLINED, ids=lambda argv: " ".join(argv)[:60] or "nothing")
def test_anything_else_is_left_to_click(argv: list[str]) -> None:
    assert quick.parse(argv, {}) is None


def test_shell_completion_is_left_to_click() -> None:
    assert quick.parse(["lint", GOOD], {"_AEPLAN_COMPLETE": "bash_complete"}) is None


def test_its_choices_are_the_commands() -> None:
    choices = {
        param.name: tuple(param.type.choices)
        for param in command.params
        if isinstance(param.type, click.Choice)
    }
    assert choices == quick._CHOICES
    assert set(quick.defaults()) == {param.name for param in command.params}
    assert quick.defaults() == clicks(["lint"])


WORDS = st.sampled_from([
    GOOD, BAD, MISSING, FOLDER, "", "-", "--", "-q", "-o", "--quiet", "--exit-zero", "--isolated",
    "--statistics", "--allow-empty", "--fix", "--help", "--format", "json", "text", "JSON",
    "--fail-on", "never", "info", "--lang", "ja", "en", "--color", "always", "--select", "AE1",
    "--ignore", "secret-in-plan", "--rules", "--metadata", "--config", "--output", "json=x",
    "--output-file", "--format=sarif", "--fail-on=nope", "--lang=en", "--quiet=yes", "-qx",
])  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=7))
def test_on_any_command_line_it_agrees_with_click_or_declines(words: list[str]) -> None:
    argv = ["lint", *words]
    mine = quick.parse(argv, {})
    if mine is not None:
        assert mine == clicks(argv)


RUNS = [
    ["lint", GOOD],
    ["lint", BAD],
    ["lint", BAD, "--format", "json", "--fail-on", "never"],
    ["lint", BAD, "--format=sarif", "--lang", "ja"],
    ["lint", GOOD, BAD, "--statistics", "--select", "AE0,AE1"],
    ["lint", MISSING],
    ["lint", FOLDER, "--ignore", "no-such-rule"],
    ["lint", BAD, "--config", "missing.toml"],
    ["lint", BAD, "-q"],
]


@pytest.mark.parametrize("argv", RUNS, ids=lambda argv: " ".join(argv[1:])[-60:])
def test_both_paths_print_the_same_and_exit_the_same(argv: list[str], tmp_path: Path) -> None:
    assert quick.parse(argv, {}) is not None
    outcomes = []
    for entry in ("planner.cli import main", "planner.cli.group import main"):
        code = f"import sys\nfrom {entry}\nsys.argv = ['aeplan', *{argv!r}]\nmain()\n"
        completed = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            cwd=tmp_path,
            check=False,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        outcomes.append((completed.returncode, completed.stdout, completed.stderr))
    assert outcomes[0] == outcomes[1]
    assert b"Traceback" not in outcomes[0][2]


def test_only_small_plan_files_do_without_the_cycle_collector(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (quick._SMALL_RUN_BYTES + 1))
    assert quick._small_files([GOOD, BAD])
    assert not quick._small_files([])  # the current folder: a walk of unknown size
    assert not quick._small_files([FOLDER])
    assert not quick._small_files([GOOD, MISSING])
    assert not quick._small_files([str(big)])
