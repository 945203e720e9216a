"""The Markdown report's Mermaid diagram rendered by mermaid-cli: it parses, and no edge passes
through a box it does not connect (two-BU plans once drew Korea → Contact through Account)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.browser import chromium_or_skip, node_modules_or_skip
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow

EDGES = Path(__file__).parent.parent / "tools" / "mermaid_edges.cjs"


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("plan", sorted(path.stem for path in (SAMPLES / "good").glob("*.yaml")))
def test_diagram_renders_and_no_edge_crosses_a_box(plan: str, lang: str, tmp_path: Path) -> None:
    chromium = chromium_or_skip()
    modules = node_modules_or_skip("@mermaid-js/mermaid-cli", "puppeteer-core")
    result = CliRunner().invoke(cli, ["report", str(SAMPLES / "good" / f"{plan}.yaml"),
                                      "--lang", lang, "--format", "markdown"])  # fmt: skip
    assert result.exit_code == 0, result.output
    source = result.stdout.split("```mermaid\n", 1)[1].split("```", 1)[0]
    (tmp_path / "diagram.mmd").write_text(source, encoding="utf-8")
    config = tmp_path / "puppeteer.json"
    config.write_text(json.dumps({"executablePath": str(chromium),
                                  "args": ["--no-sandbox", "--disable-gpu"]}))  # fmt: skip
    svg = tmp_path / "diagram.svg"
    env = {**os.environ, "NODE_PATH": str(modules), "PUPPETEER_SKIP_DOWNLOAD": "1"}
    rendered = subprocess.run(
        [str(modules / ".bin" / "mmdc"), "-p", str(config), "-i", str(tmp_path / "diagram.mmd"),
         "-o", str(svg), "-q"],
        capture_output=True, text=True, timeout=180, check=False, env=env,
    )  # fmt: skip
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    checked = subprocess.run(
        ["node", str(EDGES), str(chromium), str(svg)],
        capture_output=True, text=True, timeout=180, check=False, env=env,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr[-2000:]
    geometry = json.loads(checked.stdout)
    assert len(geometry["edges"]) >= 3 and all(None not in edge for edge in geometry["edges"])
    assert geometry["crossings"] == []
