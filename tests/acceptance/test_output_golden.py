"""Golden files for `aeplan lint` in every output format and for `aeplan compare` in every format.

One snapshot per format and language (as ruff keeps one per emitter). Refresh them after an intended
change with `make golden` (``AEPLAN_UPDATE_GOLDEN=1``), then review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.comparison.formats import FORMATS as COMPARE_FORMATS
from planner.reporters import REPORTERS
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden"
LANGS = ("en", "ja")
SUFFIX = {"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt",
          "gitlab": "gitlab.json", "junit": "xml", "markdown": "md"}  # fmt: skip
LINT_CASES = [(fmt, lang) for fmt in REPORTERS for lang in LANGS]
COMPARE_PLANS = ("two-bu-mds", "acme-japan")
COMPARE_CASES = [
    (plan, fmt, lang) for plan in COMPARE_PLANS for fmt in COMPARE_FORMATS for lang in LANGS
]


def _run(arguments: list[str], expected_exit: int) -> str:
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == expected_exit, result.output
    return result.stdout


def _check(golden: Path, text: str) -> None:
    if os.environ.get("AEPLAN_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="")
    assert golden.is_file(), f"missing {golden}; create it with `make golden`"
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, f"{golden.name} is stale; review the change, then run `make golden`"


@pytest.mark.parametrize(("fmt", "lang"), LINT_CASES, ids=["-".join(c) for c in LINT_CASES])
def test_lint_output_matches_golden_file(
    fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    text = _run(["lint", "samples/bad", "--isolated", "--format", fmt, "--lang", lang], 1)
    _check(GOLDEN / "lint" / f"bad.{lang}.{SUFFIX[fmt]}", text)


@pytest.mark.parametrize(
    ("plan", "fmt", "lang"), COMPARE_CASES, ids=["-".join(c) for c in COMPARE_CASES]
)
def test_compare_output_matches_golden_file(
    plan: str, fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    text = _run(["compare", f"samples/good/{plan}.yaml", "--format", fmt, "--lang", lang], 0)
    _check(GOLDEN / "compare" / f"{plan}.{lang}.{SUFFIX[fmt]}", text)


def test_every_golden_file_belongs_to_a_case() -> None:
    lint = {f"bad.{lang}.{SUFFIX[fmt]}" for fmt, lang in LINT_CASES}
    compare = {f"{plan}.{lang}.{SUFFIX[fmt]}" for plan, fmt, lang in COMPARE_CASES}
    assert {path.name for path in (GOLDEN / "lint").iterdir()} == lint
    assert {path.name for path in (GOLDEN / "compare").iterdir()} == compare
