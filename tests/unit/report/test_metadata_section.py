"""The report's metadata section: present only with metadata, in both languages."""

from __future__ import annotations

import pytest

from planner.lint.linter import LintOptions
from planner.report.document import build_report
from tests.conftest import SAMPLES

PLAN = SAMPLES / "good" / "two-bu-mds.yaml"


def test_without_metadata_the_report_has_no_metadata_section() -> None:
    assert "Checked against the org's metadata" not in build_report(PLAN, "markdown")


@pytest.mark.parametrize(
    ("lang", "title", "verified", "problems"),
    [("en", "Checked against the org's metadata", "| verified |", "1 problem"),
     ("ja", "組織のメタデータとの照合", "| 確認済み |", "問題 1 件")],
)  # fmt: skip
def test_the_section_says_what_was_verified_and_what_not(
    lang: str, title: str, verified: str, problems: str
) -> None:
    good = build_report(
        PLAN, "markdown", LintOptions(lang=lang, metadata=SAMPLES / "metadata" / "globex-dx")
    )
    assert f"## {title}" in good and verified in good and problems not in good
    broken = build_report(
        PLAN, "markdown", LintOptions(lang=lang, metadata=SAMPLES / "metadata" / "globex-broken-dx")
    )
    assert problems in broken and "AEM101" in broken and "AEM141" in broken


def test_the_html_section_renders() -> None:
    html = build_report(PLAN, "html", LintOptions(metadata=SAMPLES / "metadata" / "globex-dx"))
    assert 'class="metadata-verified"' in html


def test_the_sync_method_options_are_checked_against_the_metadata_too() -> None:
    broken = build_report(
        PLAN, "markdown", LintOptions(metadata=SAMPLES / "metadata" / "globex-broken-dx")
    )
    options = broken.split("## Sync method options")[1].split("\n## ")[0]
    assert "integration user + MDS: blocked by AEM101, AEM111" in options
