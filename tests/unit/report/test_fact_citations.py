"""Reports cite numbered references, never bare fact ids (issue 14, item 9)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.report import sources
from planner.rules.loader import load_rulebook
from tests.conftest import SAMPLES


@pytest.mark.parametrize("plan", ["two-bu-mds.yaml", "acme-japan.yaml"])
@pytest.mark.parametrize("suffix", ["md", "html"])
def test_reports_have_no_bare_fact_ids(tmp_path, plan: str, suffix: str) -> None:
    target = tmp_path / f"report.{suffix}"
    result = CliRunner().invoke(cli, ["report", str(SAMPLES / "good" / plan), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert re.findall(r"\bF\d{2,3}\b", text) == []


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_salesforce_sources_get_a_title_not_just_the_site(lang: str) -> None:
    from planner.report.references import _title
    from planner.report.wording import wording

    words = wording(lang)
    licences = sources.url("licence_types")
    assert _title(licences, words) == words("source.licence_types")
    knowledge = "https://help.salesforce.com/s/articleView?id=000382553&language=ja&type=1"
    assert "000382553" in _title(knowledge, words) and "Salesforce" in _title(knowledge, words)
    unit = "https://trailhead.salesforce.com/ja/content/learn/modules/m/plan-your-integration"
    assert "plan your integration" in _title(unit, words)
    assert _title("https://example.com/blog/post", words) == "example.com"  # a practitioner's site
    # Every help page a rule cites has a title now (rules cite no other kind of Help page).
    cited = {url for rule in load_rulebook().rules for url in rule.references}
    untitled = [
        u for u in cited if "help.salesforce.com" in u and "Salesforce" not in _title(u, words)
    ]
    assert untitled == []
