"""Headless Chromium for tests: where it is, how it is started, and printing a page to PDF.

Tests install nothing: `.ci/run` installs chromium, poppler-utils and the Noto CJK fonts; a test
skips with the reason when one is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_or_skip() -> Path:
    """Debian's chromium, or skip the test saying how to get it."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return Path(found)
    pytest.skip("needs headless Chromium: apt-get install -y chromium (see .ci/run)")


def tool_or_skip(name: str, package: str) -> Path:
    """A command-line tool, or skip the test naming the package that brings it."""
    found = shutil.which(name)
    if not found:
        pytest.skip(f"needs {name}: apt-get install -y {package} (see .ci/run)")
    return Path(found)


def japanese_font_or_skip() -> None:
    """Skip when no Japanese font is installed (Chromium would print empty boxes)."""
    fc_list = shutil.which("fc-list")
    found = (
        subprocess.run([fc_list, ":lang=ja"], capture_output=True, text=True, check=False).stdout
        if fc_list
        else ""
    )
    if not found.strip():
        pytest.skip("needs a Japanese font: apt-get install -y fonts-noto-cjk (see .ci/run)")


def browse(chromium: Path, page: Path, profile: Path, *action: str) -> str:
    """Run Chromium once on ``page`` with a fresh profile; its standard output."""
    result = subprocess.run(
        [str(chromium), *FLAGS, f"--user-data-dir={profile}", *action, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def print_to_pdf(chromium: Path, page: Path, pdf: Path) -> Path:
    """``page`` printed to ``pdf`` as Chrome's "Save as PDF" does (default paper, no headers)."""
    browse(chromium, page, pdf.with_suffix(".profile"), "--no-pdf-header-footer",
           f"--print-to-pdf={pdf}")  # fmt: skip
    assert pdf.stat().st_size > 1000
    return pdf


def pdf_text(pdf: Path) -> str:
    """The text of a PDF as pdftotext reads it (reading order)."""
    pdftotext = tool_or_skip("pdftotext", "poppler-utils")
    return subprocess.run(
        [str(pdftotext), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip


def pdf_pages(pdf: Path) -> int:
    """How many pages a PDF has (pdfinfo)."""
    pdfinfo = tool_or_skip("pdfinfo", "poppler-utils")
    info = subprocess.run([str(pdfinfo), str(pdf)], capture_output=True, text=True, check=True)
    return int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
               .split()[1])  # fmt: skip


def node_modules_or_skip(*packages: str) -> Path:
    """The node_modules folder `.ci/run` fills (or $AEPLAN_NODE_MODULES), holding ``packages``."""
    import os

    root = Path(os.environ.get("AEPLAN_NODE_MODULES", Path(__file__).parent.parent / ".ci" / "node"
                                / "node_modules"))  # fmt: skip
    if not shutil.which("node"):
        pytest.skip("needs Node.js to run " + ", ".join(packages))
    missing = [package for package in packages if not (root / package / "package.json").exists()]
    if missing:
        pytest.skip(f"needs npm packages {', '.join(missing)} in {root} (see .ci/run)")
    return root
