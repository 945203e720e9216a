"""Configuration, suppressions and baselines through the real command line (click's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli

PLAN = """\
aeplan: 1
salesforce: {org: acme-production}
team:
  account_engagement_admins: [Hanako Sato]
  salesforce_admin: Taro Suzuki
  sync_error_owner: Ops
requirements:
  max_sync_delay_minutes: 1
business_units:
  - name: Japan
    connector: {version: 2, state: paused, user: integration_user}
    imports:
      - name: Webinar leads
        match_by: email
        assign: false
        expect_salesforce_records: true
"""
# The rules these tests watch: AE109 (warning, line 8) and AE402 (warning, line 15).
WATCHED = "AE109,AE402,AE9"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def lint_json(*args: str) -> tuple[int, dict[str, object]]:
    code, out, err = run("lint", "--format", "json", *args)
    assert code in (0, 1), err
    return code, json.loads(out)


def codes(document: dict[str, object]) -> list[tuple[str, str]]:
    findings = document["findings"]
    assert isinstance(findings, list)
    return [(finding["code"], finding["severity"]) for finding in findings]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with one plan, as the working directory."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "japan.yaml").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_config_is_found_from_a_subfolder_and_drives_lint(project: Path, monkeypatch) -> None:
    (project / "pyproject.toml").write_text(
        f'[project]\nname = "plans"\n\n[tool.aeplan]\nselect = ["{WATCHED}"]\n'.replace(
            WATCHED, '", "'.join(WATCHED.split(","))
        )
        + 'severity = {AE109 = "error", AE402 = "info"}\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(project / "plans")
    code, document = lint_json("japan.yaml")
    assert codes(document) == [("AE109", "error"), ("AE402", "info")]
    assert code == 1
    assert run("lint", "--fail-on", "never", "japan.yaml")[0] == 0
    code, document = lint_json("--isolated", "--select", WATCHED, "japan.yaml")
    assert codes(document) == [("AE109", "warning"), ("AE402", "warning")]


def test_severity_overrides_reach_every_format(project: Path) -> None:
    (project / "aeplan.toml").write_text(
        'select = ["AE109"]\nseverity = {AE109 = "info"}\n', encoding="utf-8"
    )
    code, out, _ = run("lint", "--format", "sarif", "plans")
    [result] = json.loads(out)["runs"][0]["results"]
    assert (code, result["ruleId"], result["level"]) == (0, "AE109", "note")
    assert run("lint", "--fail-on", "info", "plans")[0] == 1


def test_per_file_ignores_and_exclude_are_relative_to_the_config_file(project: Path) -> None:
    (project / "plans" / "old").mkdir()
    (project / "plans" / "old" / "legacy.yaml").write_text(PLAN, encoding="utf-8")
    (project / "plans" / "draft.yaml").write_text(PLAN, encoding="utf-8")
    (project / ".aeplan.toml").write_text(
        f'select = {json.dumps(WATCHED.split(","))}\nexclude = ["old"]\n'
        '[per-file-ignores]\n"plans/draft.yaml" = ["AE4"]\n',
        encoding="utf-8",
    )
    _, document = lint_json("plans")
    files = sorted({(f["file"], f["code"]) for f in document["findings"]})  # type: ignore[index, union-attr]
    assert files == [
        ("plans/draft.yaml", "AE109"), ("plans/japan.yaml", "AE109"), ("plans/japan.yaml", "AE402"),
    ]  # fmt: skip
    # Everything named is excluded: nothing is linted, which CI must not take for a pass.
    code, _, err = run("lint", "plans/old/legacy.yaml")
    assert code == 2 and "no plan to lint" in err and err.count("\n") == 1
    _, named = lint_json("--allow-empty", "plans/old/legacy.yaml")
    assert named["summary"]["files"] == 0  # type: ignore[index]


def test_bad_configuration_is_exit_two_with_one_line(project: Path) -> None:
    (project / "aeplan.toml").write_text('select = ["AE1"]\nfail-on = "often"\n', encoding="utf-8")
    code, out, err = run("lint", "plans")
    assert (code, out) == (2, "")
    assert err.startswith("aeplan: error: aeplan.toml:2:1: bad configuration: `fail-on`: ")
    assert err.count("\n") == 1
    assert run("lint", "--isolated", "--fail-on", "warning", "plans")[0] == 1
    code, _, err = run("config")
    assert code == 2 and "aeplan.toml:2:1" in err


def test_aeplan_config_shows_values_and_their_sources(project: Path) -> None:
    (project / "policies").mkdir()
    (project / "aeplan.toml").write_text(
        'ignore = ["AE7"]\nmax-depth = 100\nrules = ["policies"]\n', encoding="utf-8"
    )
    code, out, _ = run("config", "--select", "AE4", "--ignore", "AE401", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# configuration file: aeplan.toml"
    assert any(
        line.startswith('select = ["AE4"]') and line.endswith("# command line") for line in lines
    )
    assert any(
        line.startswith('ignore = ["AE7", "AE401"]')
        and line.endswith("# aeplan.toml + command line")
        for line in lines
    )
    assert any(
        line.startswith("max-depth = 100") and line.endswith("# aeplan.toml") for line in lines
    )
    assert any(
        line.startswith('fail-on = "error"') and line.endswith("# default") for line in lines
    )
    _, out, _ = run("config", "--format", "json")
    document = json.loads(out)
    assert document["config_file"] == "aeplan.toml"
    assert document["settings"]["rules"] == {"value": ["policies"], "source": "aeplan.toml"}
    assert document["settings"]["lang"] == {"value": None, "source": "default"}
    assert list(document["settings"]) == [
        "select", "ignore", "extend-select", "severity", "per-file-ignores", "exclude", "fail-on",
        "lang", "rules", "metadata", "max-file-size", "max-depth", "max-nodes",
    ]  # fmt: skip
    assert run("config", "--format", "json")[1] == out
    assert run("config", "--isolated")[1].startswith("# configuration file: none\n")


def test_a_config_limit_applies_to_plans(project: Path) -> None:
    (project / "aeplan.toml").write_text("max-depth = 2\n", encoding="utf-8")
    _, document = lint_json("--select", "AE006", "plans")
    assert codes(document) == [("AE006", "error")]


def test_suppression_comments_hide_findings_and_report_rot(project: Path) -> None:
    plan = project / "plans" / "japan.yaml"
    text = PLAN.replace("assign: false", "assign: false  # aeplan: ignore[AE402] scored by a rule")
    text = text.replace(
        "max_sync_delay_minutes: 1", "max_sync_delay_minutes: 1  # aeplan: ignore[AE1]"
    )
    plan.write_text(text, encoding="utf-8")
    code, document = lint_json("--isolated", "--select", WATCHED, "plans")
    assert codes(document) == [("AE901", "info")]
    assert document["summary"]["suppressed"] == 2  # type: ignore[index]
    assert code == 0
    _, out, _ = run("lint", "--isolated", "--select", WATCHED, "plans")
    assert "2 findings suppressed by `# aeplan: ignore` comments." in out


def test_baseline_adoption_through_the_command_line(project: Path) -> None:
    code, out, err = run("lint", "--isolated", "--select", WATCHED, "--write-baseline", "base.json")
    assert code == 0
    assert err == "aeplan: wrote 2 findings to base.json\n"
    assert "2 findings already in the baseline are not shown." in out
    stored = json.loads((project / "base.json").read_text(encoding="utf-8"))
    assert [entry["file"] for entry in stored["findings"]] == ["plans/japan.yaml"] * 2
    plan = project / "plans" / "japan.yaml"
    second = (
        "      - {name: Expo, match_by: email, assign: false, expect_salesforce_records: true}\n"
    )
    plan.write_text("# every line moves down\n" + PLAN + second, "utf-8")
    code, document = lint_json(
        "--isolated", "--select", WATCHED, "--baseline", "base.json", "--fail-on", "warning"
    )
    assert codes(document) == [("AE402", "warning")] and code == 1
    assert document["findings"][0]["line"] == 18  # type: ignore[index]
    assert document["summary"]["baselined"] == 2  # type: ignore[index]


def test_a_missing_or_broken_baseline_is_exit_two(project: Path) -> None:
    code, _, err = run("lint", "--isolated", "--baseline", "nope.json", "plans")
    assert (code, err) == (2, "aeplan: error: nope.json: baseline file not found\n")
    (project / "bad.json").write_text('{"aeplan_baseline": 1, "findings": {}}', encoding="utf-8")
    code, _, err = run("lint", "--isolated", "--baseline", "bad.json", "plans")
    assert code == 2 and err.startswith("aeplan: error: bad.json: malformed baseline: findings")


def test_a_config_file_above_is_named_relative_to_the_working_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "aeplan.toml").write_text("\nlang = 1\n", encoding="utf-8")
    monkeypatch.chdir(project / "plans")
    code, _, err = run("lint", "japan.yaml")
    assert code == 2
    assert err.startswith("aeplan: error: ../aeplan.toml:2:1: bad configuration: `lang`: ")
    (project / "aeplan.toml").write_text('lang = "ja"\n', encoding="utf-8")
    assert run("config")[1].startswith("# 設定ファイル: ../aeplan.toml\n")


EVERY_CONFIGURED_COMMAND = [
    ("lint", "plans"), ("report", "plans/japan.yaml"), ("compare", "plans/japan.yaml"),
    ("config",), ("rules",), ("explain", "AE207"), ("schema",),
    ("init", "--no-input", "-o", "new.yaml"),
]  # fmt: skip


@pytest.mark.parametrize("args", EVERY_CONFIGURED_COMMAND)
@pytest.mark.parametrize(
    ("environment", "bad_value", "toml_error"),
    [
        ({}, "aeplan: error: .aeplan.toml:1:1: bad configuration: `lang`: ",
         "aeplan: error: .aeplan.toml:2:10: invalid TOML: "),
        ({"AEPLAN_LANG": "ja"},
         "aeplan: エラー: .aeplan.toml:1:1: 設定が正しくありません: `lang`: ",
         "aeplan: エラー: .aeplan.toml:2:10: TOML として正しくありません: "),
    ],
)  # fmt: skip
def test_every_command_stops_at_a_broken_configuration_file(
    project: Path, args: tuple[str, ...], environment: dict[str, str], bad_value: str,
    toml_error: str,
) -> None:  # fmt: skip
    for text, expected in (
        ('lang = "jp"\n', bad_value),
        ('# team settings\nselect = ["AE1"\nfail-on = "error"\n', toml_error),
    ):
        (project / ".aeplan.toml").write_text(text, encoding="utf-8")
        result = CliRunner().invoke(cli, list(args), env=environment)
        assert result.exit_code == 2, (args, text, result.output)
        assert result.stdout == ""
        assert result.stderr.startswith(expected), (args, result.stderr)
        assert result.stderr.count("\n") == 1
        assert not (project / "new.yaml").exists()


@pytest.mark.parametrize(
    ("config", "environment"),
    [('lang = "ja"\n', {}), ("", {"AEPLAN_LANG": "ja"}), ("", {"LANG": "ja_JP.UTF-8"})],
)
def test_schema_follows_the_run_language(
    project: Path, config: str, environment: dict[str, str]
) -> None:
    from planner.plan.schema_export import plan_schema_text

    (project / ".aeplan.toml").write_text(config, encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema"], env=environment)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == plan_schema_text("ja")
    assert CliRunner().invoke(cli, ["schema", "--lang", "en"], env=environment).stdout == (
        plan_schema_text("en")
    )


def test_schema_help_names_the_language_order() -> None:
    english = " ".join(CliRunner().invoke(cli, ["schema", "--help"]).stdout.split())
    assert "[default: config `lang`, AEPLAN_LANG, the locale, en]" in english
    assert "[default: en]" not in english
    japanese = CliRunner().invoke(cli, ["schema", "--help"], env={"AEPLAN_LANG": "ja"}).stdout
    assert "[既定値:設定の`lang`、AEPLAN_LANG、ロケール、enの順]" in "".join(japanese.split())


def test_init_in_japanese_writes_the_japanese_schema(project: Path) -> None:
    from planner.plan.schema_export import plan_schema_text

    (project / ".aeplan.toml").write_text('lang = "ja"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", "--no-input", "-o", "new.yaml"])
    assert result.exit_code == 0, result.stderr
    written = (project / "plan.schema.json").read_text(encoding="utf-8")
    assert written == plan_schema_text("ja")


@pytest.mark.parametrize(("wanted", "close"), [("AE999", "AE901"), ("AE1O9", "AE109")])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_unknown_code_gets_the_same_suggestion_everywhere(
    project: Path, wanted: str, close: str, lang: str
) -> None:
    said = f"(did you mean {close}?)" if lang == "en" else f"（{close} のことですか？）"
    for args in (["lint", "--select", wanted, "plans"], ["explain", wanted]):
        result = CliRunner().invoke(cli, ["--lang", lang, *args])
        assert result.exit_code == 2
        assert said in result.stderr, (args, result.stderr)
    (project / ".aeplan.toml").write_text(f'select = ["{wanted}"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", lang, "lint", "plans"])
    assert said in result.stderr, result.stderr


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_bad_rule_file_is_named_the_same_way_by_every_command(project: Path, lang: str) -> None:
    (project / "org").mkdir()
    (project / "org" / "ORG001.rule.yaml").write_text(
        "code: ORG001\nname: x\nsummary: y\nseverity: eror\n", encoding="utf-8"
    )
    said = "bad rule file" if lang == "en" else "ルールファイルが正しくありません"
    for args in (
        ["lint", "plans"], ["report", "plans/japan.yaml"], ["compare", "plans/japan.yaml"],
        ["rules"], ["explain", "AE101"],
    ):  # fmt: skip
        result = CliRunner().invoke(cli, ["--lang", lang, *args, "--rules", "org"])
        assert result.exit_code == 2, (args, result.output)
        # the value `eror` is at line 4, column 11
        assert f"org/ORG001.rule.yaml:4:11: {said}: `severity`: " in result.stderr, result.stderr
        assert str(project) not in result.stderr


@pytest.mark.parametrize(("lang", "usable"), [("en", "{bu}, {item}, {value}"),
                                              ("ja", "{bu}、{item}、{value}")])  # fmt: skip
def test_the_placeholder_hint_lists_as_each_language_does(
    project: Path, lang: str, usable: str
) -> None:
    sample = Path(__file__).parents[2] / "samples" / "org-rules" / "ACME001.rule.yaml"
    (project / "org").mkdir()
    text = sample.read_text(encoding="utf-8").replace("{bu}", "{bux}")
    (project / "org" / "ACME001.rule.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", lang, "rules", "--rules", "org"])
    assert result.exit_code == 2
    assert usable in result.stderr, result.stderr
