"""`aeplan report` as a hand-over document: customer copies, dates, verdicts, imperfect plans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import SAMPLES

GOOD = str(SAMPLES / "good" / "two-bu-mds.yaml")
MINIMAL = str(SAMPLES / "good" / "minimal.yaml")
TYPO = """\
aeplan: 1
name: One typo
salesforce:
  org: acme-production
  person_acounts: false
team:
  salesforce_admin: Kenji Ito
  sync_error_owner: Marketing Ops
  sync_error_review: sometimes
business_units:
  - name: Japan
    connector: {version: 2, state: paused, user: integration_user}
    sync: {scope: all_records}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_customer_copy_has_no_cli_hints_and_no_file_name(output_format: str) -> None:
    plan = str(SAMPLES / "bad" / "paused-imports.yaml")
    code, team, _ = run("report", "--format", output_format, plan)
    assert code == 0 and "aeplan explain" in team and "paused-imports.yaml" in team
    code, customer, _ = run("report", "--format", output_format, "--audience", "customer", plan)
    assert code == 0
    for hint in ("aeplan explain", "aeplan lint", "aeplan report", "paused-imports.yaml"):
        assert hint not in customer, hint
    assert "AE" in customer and ("Sources" in customer or "More" not in customer)


CUSTOMER_PLANS = ("good/minimal", "good/two-bu-mds", "bad/paused-imports", "bad/person-accounts")


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("output_format", ["markdown", "html"])
@pytest.mark.parametrize("plan", CUSTOMER_PLANS)
def test_customer_copy_never_names_the_tool_a_file_or_a_fact_id(
    plan: str, output_format: str, lang: str
) -> None:
    path = SAMPLES / f"{plan}.yaml"
    args = ("report", "--format", output_format, "--lang", lang, "--audience", "customer")
    code, customer, _ = run(*args, str(path))
    assert code == 0
    text = re.sub(r"<[^>]+>", " ", customer) if output_format == "html" else customer
    assert "aeplan" not in text.lower()  # no hint, no "aeplan checked…", no `# aeplan:` advice
    assert path.name not in text and "samples/" not in text
    assert not re.search(r"\bF\d{1,3}\b", text)  # fact ids become numbered references
    html = output_format == "html"
    references = customer[customer.rindex('<section id="references"' if html else "\n## ") :]
    listed = [int(n) for n in re.findall(r'<li id="ref-(\d+)"' if html else r"^(\d+)\. ",
                                         references, re.M)]  # fmt: skip
    assert listed == list(range(1, len(listed) + 1))  # numbered 1..N in order
    cites = re.findall(r"\[\s*(\d+(?:\s*,\s*\d+)*)\s*\]", text.replace("\\", ""))
    cited = {int(n) for group in cites for n in group.split(",")}
    assert cited and max(cited) == len(listed)  # every reference is cited, none is missing


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("plan", ["bad/person-accounts", "bad/mds-rules", "bad/connector-user"])
def test_customer_copy_per_unit_blocking_counts_add_up_to_the_verdict(plan: str, lang: str) -> None:
    code, out, _ = run("report", "--lang", lang, "--audience", "customer",
                       str(SAMPLES / f"{plan}.yaml"))  # fmt: skip
    assert code == 0
    summary = out.split("\n## ")[1]
    total = int(re.findall(r"\d+", re.search(r"\*\*(.+?)\*\*<br>", summary).group(1))[-1])
    header = next(i for i, line in enumerate(summary.splitlines()) if "| Edition |" in line
                  or "| エディション |" in line)  # fmt: skip
    counts = [int(line.rstrip(" |").rsplit("|", 1)[1]) for line in summary.splitlines()[header + 2:]
              if line.startswith("|")]  # fmt: skip
    assert total > 0 and sum(counts) == total


def test_date_and_revision_appear_only_when_given() -> None:
    _, plain, _ = run("report", "--lang", "ja", GOOD)
    assert "日付" not in plain.split("## ", 1)[0]
    _, dated, _ = run("report", "--lang", "ja", "--date", "2026-11-30", "--revision", "第2版", GOOD)
    assert "日付: 2026-11-30 · 版: 第2版" in dated.split("## ", 1)[0]
    _, html, _ = run("report", "--format", "html", "--date", "2026-11-30", GOOD)
    assert '<p class="issued"><span>Date: 2026-11-30</span></p>' in html


@pytest.mark.parametrize(
    "args",
    [("--date", "30/11/2026"), ("--date", "20261130"), ("--revision", "x" * 41),
     ("--revision", "a\nb")],
)  # fmt: skip
def test_bad_date_or_revision_is_one_line_exit_2(args: tuple[str, str]) -> None:
    code, out, err = run("report", GOOD, *args)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("aeplan: error: --")


def test_ready_only_when_no_decision_is_open() -> None:
    code, out, _ = run("report", "--lang", "en", MINIMAL)
    assert code == 0
    assert "❔ **Ready to unpause once 5 decisions are made**" in out
    assert "Still to decide: Main: whether to allow multiple prospects" in out
    _, japanese, _ = run("report", "--lang", "ja", MINIMAL)
    assert "残り 5 件の判断が決まれば一時停止を解除できます" in japanese
    _, decided, _ = run("report", "--lang", "en", GOOD)
    assert "✅ **Ready to unpause**" in decided


def test_a_plan_with_an_unknown_key_and_a_wrong_word_still_gets_a_full_report(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "typo.yaml"
    plan.write_text(TYPO, encoding="utf-8")
    code, out, err = run("report", "--lang", "en", str(plan))
    assert code == 0, err
    for heading in ("Summary", "Decisions", "Sync method options", "Findings", "References"):
        assert f"\n## {heading}\n" in out
    assert "**AE003** unknown-key: unknown key `person_acounts`" in out
    assert "**AE002** schema-violation: `sometimes` is not allowed here" in out
    # The two structural findings are on the plan as a whole: the table's rows add up to them.
    assert "| Whole plan (not one business unit) | — | — | — | — | 2 |" in out
    assert "Not ready to unpause: 2 blocking findings" in out


def test_a_broken_structure_or_a_secret_still_refuses_the_report(tmp_path: Path) -> None:
    code, _, err = run("report", str(SAMPLES / "bad" / "structure.yaml"))
    assert code == 2 and "cannot build a report" in err
    secret = tmp_path / "secret.yaml"
    secret.write_text(TYPO.replace("name: One typo", "name: x\npassword: hunter2"), "utf-8")
    code, out, err = run("report", str(secret))
    assert code == 2 and out == "" and "hunter2" not in err
