"""Shared fixtures: one linter per session (rules compiled once), and paths to the repo's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.lint.linter import Analysis, Linter

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no CI variables and no language settings, so running the suite inside GitHub
    Actions or under a Japanese locale changes nothing."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "AEPLAN_DEBUG", "AEPLAN_LANG", "LC_ALL",
                 "LC_MESSAGES", "LANG", "NO_COLOR"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()


def analyse(linter: Linter, text: str, name: str = "plan.yaml") -> Analysis:
    """Analyse YAML text as if it were a file called ``name``."""
    return linter.analyse_bytes(text.encode("utf-8"), name)


def codes(analysis: Analysis) -> list[str]:
    return [finding.code for finding in analysis.findings]
