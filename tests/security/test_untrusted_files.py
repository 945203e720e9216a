"""Guarantee 1 for the other files aeplan reads: configuration and organisation rule files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import cli
from tests.conftest import SAMPLES

PLAN = str(SAMPLES / "good" / "minimal.yaml")
ORG_RULES = sorted((SAMPLES / "org-rules").glob("*.rule.yaml"))
FUZZ = settings(
    max_examples=int(os.environ.get("AEPLAN_FUZZ_EXAMPLES", "1500")) // 10,
    deadline=None,
    derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow],
)
TOML_PIECES = st.sampled_from(
    (
        "[tool.aeplan]\n",
        "select = ",
        "ignore = ",
        "fail-on = ",
        "lang = ",
        "severity = ",
        "per-file-ignores = ",
        "exclude = ",
        "rules = ",
        "max-depth = ",
        '"AE1"',
        '["AE2"]',
        "{",
        "}",
        "[",
        "]",
        "=",
        '"',
        "\n",
        "1",
        "-1",
        "true",
        "9" * 30,
        '"ja"',
        '"warning"',
        "\x00",
        "ä",
    )
)


def _calm(arguments: list[str], path: Path) -> None:
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1 and path.name in result.stderr


@FUZZ
@given(st.one_of(st.lists(TOML_PIECES, max_size=25).map("".join).map(str.encode), st.binary()))
def test_any_configuration_bytes_give_a_result_or_one_line(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "aeplan.toml"
        config.write_bytes(raw)
        _calm(["lint", "--config", str(config), PLAN], config)


@FUZZ
@given(st.sampled_from(ORG_RULES), st.data())
def test_any_organisation_rule_bytes_give_a_result_or_one_line(
    source: Path, data: st.DataObject
) -> None:
    text = source.read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 200)))
    junk = data.draw(st.sampled_from(("", ":", "- ", "{", "\t", "&a *a", "!!python/object ", "ü")))
    with tempfile.TemporaryDirectory() as folder:
        rule = Path(folder) / source.name
        rule.write_text(text[:start] + junk + text[end:], encoding="utf-8")
        _calm(["lint", "--isolated", "--rules", folder, PLAN], rule)


def test_a_missing_rule_folder_in_configuration_names_the_configuration(tmp_path: Path) -> None:
    # Found by `make fuzz`: the error named only the folder, not the file and line that asked.
    config = tmp_path / "aeplan.toml"
    config.write_text('fail-on = "error"\nrules = ["AE2"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", "--config", str(config), PLAN])
    assert result.exit_code == 2
    assert "aeplan.toml:2:1: `rules`: the folder" in result.stderr
