"""The built wheel, installed into a fresh virtual environment, finds its rules and lints."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_lints_the_samples(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    [wheel] = list(dist.glob("aeplan-*.whl"))
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    aeplan = environment / "bin" / "aeplan"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    good = subprocess.run(
        [str(aeplan), "lint", str(SAMPLES / "good")],
        cwd=outside,
        capture_output=True,
        text=True,
        check=False,
    )
    assert good.returncode == 0, good.stderr
    assert "No findings in 4 files." in good.stdout
    everything = subprocess.run(
        [str(aeplan), "lint", str(SAMPLES)],
        cwd=outside,
        capture_output=True,
        text=True,
        check=False,
    )
    assert everything.returncode == 1
    assert "AE201 [error]" in everything.stdout
    assert "Traceback" not in everything.stderr
    listing = subprocess.run(
        [str(python), "-c", "import planner.resources as r; print(r.data_path('rules'))"],
        cwd=outside,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in listing.stdout
