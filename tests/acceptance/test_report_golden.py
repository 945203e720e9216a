"""Golden files for `aeplan report`: two realistic plans, both formats, both languages.

Refresh them after an intended change (new rules change the findings in the samples) with
`make golden`, i.e. `AEPLAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest` on this file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "report"
PLANS = ("acme-japan", "two-bu-mds")
CASES = [
    (plan, output_format, lang)
    for plan in PLANS
    for output_format in ("markdown", "html")
    for lang in ("en", "ja")
]
SUFFIX = {"markdown": "md", "html": "html"}


def render(plan: str, output_format: str, lang: str) -> str:
    """The report as `aeplan report` prints it, run from the repository root."""
    result = CliRunner().invoke(
        cli,
        [
            "report",
            f"samples/good/{plan}.yaml",
            "--isolated",
            "--format",
            output_format,
            "--lang",
            lang,
        ],
    )
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(("plan", "output_format", "lang"), CASES, ids=["-".join(c) for c in CASES])
def test_report_matches_golden_file(
    plan: str, output_format: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    text = render(plan, output_format, lang)
    golden = GOLDEN / f"{plan}.{lang}.{SUFFIX[output_format]}"
    if os.environ.get("AEPLAN_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8", newline="")
    assert golden.is_file(), f"missing {golden}; create it with `make golden`"
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, f"{golden.name} is stale; review the change, then run `make golden`"


def test_every_golden_file_belongs_to_a_case() -> None:
    expected = {f"{plan}.{lang}.{SUFFIX[fmt]}" for plan, fmt, lang in CASES}
    assert {path.name for path in Path(GOLDEN).iterdir()} == expected
