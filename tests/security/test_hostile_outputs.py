"""Outputs and the terminal under hostile conditions (shared/cases/hostile 06, 18, 21-23, and the
kinds without a reproduction: step summary, a symlinked plan named explicitly, ``-``)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner import atomic
from planner.cli import cli, signals
from planner.errors import PlannerError
from planner.reporters import github
from tests.conftest import SAMPLES

PLAN_TEXT = (SAMPLES / "good" / "minimal.yaml").read_text(encoding="utf-8")
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and signals")


def _aeplan(*arguments: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "planner", *arguments], capture_output=True, timeout=120, **options
    )


def _plan(tmp_path: Path, text: str = PLAN_TEXT) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    return plan


# -- 6. Nothing damaged, nothing left behind ---------------------------------------------------


@POSIX
def test_case06_a_fifo_output_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    time.sleep(0.2)
    result = _aeplan("lint", "--output", f"json={fifo}", str(_plan(tmp_path)))
    received, _ = reader.communicate(timeout=60)
    assert result.returncode == 0, result.stderr
    assert received.startswith(b"{") and stat.S_ISFIFO(fifo.lstat().st_mode)


@POSIX
def test_case06_a_fifo_nobody_reads_is_a_one_line_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    result = _aeplan("report", str(_plan(tmp_path)), "-o", str(fifo))
    assert result.returncode == 2 and b"no process reads this FIFO" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@POSIX
def test_case06_a_device_is_written_in_place(tmp_path: Path) -> None:
    atomic.write_text_atomically("/dev/null", "x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert [path.name for path in tmp_path.iterdir()] == []


def test_dash_is_standard_output_wherever_a_path_is_taken(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    runner = CliRunner()
    report = runner.invoke(cli, ["report", str(plan), "-o", "-"])
    assert report.exit_code == 0 and report.stdout.startswith("#")
    lint = runner.invoke(cli, ["lint", "--quiet", "--output", "json=-", str(plan)])
    assert lint.exit_code == 0 and lint.stdout.lstrip().startswith("{")
    assert not (Path.cwd() / "-").exists()


def test_two_outputs_to_one_path_are_refused(tmp_path: Path) -> None:
    plan, out = _plan(tmp_path), tmp_path / "out.txt"
    result = CliRunner().invoke(
        cli,
        ["lint", "--output", f"json={out}", "--output", f"sarif={tmp_path}/./out.txt", str(plan)],
    )
    assert result.exit_code == 2 and "both write to this path" in result.stderr
    assert not out.exists()


@POSIX
def test_an_input_plan_is_protected_through_hard_links_and_symlinks(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    os.link(plan, tmp_path / "hard.json")
    os.symlink(plan, tmp_path / "soft.json")
    for name in ("hard.json", "soft.json", "./plan.yaml"):
        with pytest.raises(PlannerError, match="input plan"):
            atomic.write_text_atomically(tmp_path / name, "x", protected=(plan,))
    assert plan.read_text(encoding="utf-8") == PLAN_TEXT


@POSIX
def test_the_step_summary_is_never_appended_through_a_hard_link_to_a_plan(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    os.link(plan, tmp_path / "summary.md")
    result = CliRunner().invoke(
        cli, ["lint", "--format", "github", str(plan)],
        env={"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "GITHUB_ACTIONS": "true"},
    )  # fmt: skip
    assert result.exit_code == 2 and "step summary" in result.stderr
    assert plan.read_text(encoding="utf-8") == PLAN_TEXT


def test_the_step_summary_escapes_link_and_image_syntax() -> None:
    cell = github._cell("![x](https://evil.example/a.png) [click](https://evil.example)")
    assert "![" not in cell and "](" not in cell.replace("\\](", "")
    assert cell.count("\\[") == 2 and cell.count("\\]") == 2


@POSIX
def test_case21_an_output_folder_that_refuses_new_files_is_a_one_line_error(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    for target in ("/proc/self/x", str(tmp_path / "missing" / "out.json")):
        result = CliRunner().invoke(cli, ["lint", "--output", f"json={target}", str(plan)])
        assert result.exit_code == 2, result.stderr
        assert result.stderr.count("\n") == 1


@POSIX
@pytest.mark.parametrize("command", [["lint"], ["report"], ["compare"], ["rules"], ["schema"],
                                     ["explain", "AE101"], ["config"]])  # fmt: skip
def test_case22_a_full_disk_on_stdout_is_exit_2(tmp_path: Path, command: list[str]) -> None:
    arguments = command + ([str(_plan(tmp_path))] if command[0] in ("lint", "report", "compare")
                           else [])  # fmt: skip
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "planner", *arguments], stdout=full, stderr=subprocess.PIPE,
            timeout=120,
        )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stderr.decode().count("\n") == 1 and b"no space left" in result.stderr


@POSIX
def test_case22_a_closed_stdout_is_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        f'"{sys.executable}" -m planner lint "{_plan(tmp_path)}" >&-', shell=True,
        capture_output=False, stderr=subprocess.PIPE, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert b"cannot write to standard output: it is closed" in result.stderr


@POSIX
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_case23_sigterm_and_sighup_leave_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    target = tmp_path / "out.json"
    target.write_text("OLD", encoding="utf-8")
    previous = {number: signal.getsignal(number) for number in signals.CANCELLING}
    signals.install()
    try:
        monkeypatch.setattr(atomic.os, "fsync", lambda _: os.kill(os.getpid(), signum))
        with pytest.raises(signals.Cancelled):
            atomic.write_text_atomically(target, "NEW")
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    assert target.read_text(encoding="utf-8") == "OLD"
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


@POSIX
def test_case23_a_signalled_run_exits_with_128_plus_the_signal(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; from planner.cli import signals\n"
         "from planner.cli.options import boundary\nsignals.install()\n"
         "with boundary():\n    print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stdout.readline() == b"ready\n"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM and b"cancelled" in err


# -- 4. Confinement: a plan named explicitly ----------------------------------------------------


@POSIX
def test_a_symlink_named_explicitly_is_read_only_when_it_reaches_a_regular_file(
    tmp_path: Path,
) -> None:
    plan = _plan(tmp_path)
    (tmp_path / "good.yaml").symlink_to(plan)
    (tmp_path / "device.yaml").symlink_to("/dev/zero")
    assert CliRunner().invoke(cli, ["lint", str(tmp_path / "good.yaml")]).exit_code == 0
    result = CliRunner().invoke(cli, ["lint", str(tmp_path / "device.yaml")])
    assert result.exit_code == 2 and "not a regular file" in result.stderr


# -- 7. Terminal safety ----------------------------------------------------------------------


ESCAPES = "\x1b]52;c;cHduZWQ=\x07\x1b]0;TITLE\x07\u061c\u202e\r"


def _no_raw_controls(text: str) -> None:
    for char in ESCAPES:
        assert char.isprintable() or char not in text, repr(char)


def test_case18_no_control_character_reaches_the_terminal(tmp_path: Path) -> None:
    hostile = PLAN_TEXT.replace("name: Japan", f'name: "BU{ESCAPES}"').replace(
        "org: example", f'org: "O{ESCAPES}"'
    )
    plan = _plan(tmp_path, hostile)
    (tmp_path / "aeplan.toml").write_text(f'"{ESCAPES}" = 1\n', encoding="utf-8")
    runs = [
        ["compare", "--format", "markdown", str(plan)],
        ["report", "--format", "html", str(plan)],
        ["report", "--format", "markdown", str(plan)],
        ["lint", "--config", str(tmp_path / "aeplan.toml"), str(plan)],
        ["lint", str(tmp_path / f"missing{ESCAPES}.yaml")],
    ]
    for arguments in runs:
        result = _aeplan(*arguments)
        _no_raw_controls(result.stdout.decode("utf-8") + result.stderr.decode("utf-8"))
        assert result.returncode in (0, 1, 2), result.stderr
