"""Each kind of hostile plan, rule file, configuration and baseline as a test.

The case numbers refer to ``shared/cases/hostile/NN-*``; kinds without a reproduction there
(merge keys, caret column) are built here.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.lint.linter import Linter
from planner.plan.secrets import MaskedSource, names_secret
from tests.conftest import analyse

SECRET = "Zq9-SECRET-VALUE-77"
MINIMAL = (
    "aeplan: 1\nsalesforce: {org: example}\nbusiness_units:\n"
    "  - name: Japan\n    connector: {version: 2, state: paused, user: integration_user}\n"
)


def _run(arguments: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, arguments)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def _one_line_error(stderr: str) -> None:
    assert stderr.startswith("aeplan: error: ") and stderr.count("\n") == 1, stderr


# -- 1. Secrets ------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [f"  password: @{SECRET}", f"  security_token: %{SECRET}",
                                  f"  client_secret: {SECRET}: x"])  # fmt: skip
def test_case01_a_secret_on_a_line_that_does_not_parse_is_masked(tmp_path: Path, line: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(f"aeplan: 1\nsalesforce:\n  org: acme\n{line}\n", encoding="utf-8")
    code, out, err = _run(["lint", str(plan)])
    assert code == 1 and "AE001" in out and "********" in out
    assert SECRET not in out + err


@pytest.mark.parametrize(
    "key", ["パスワード", "秘密鍵", "トークン", "passwords", "accesstoken", "secretkey", "pass",
            "sfdc_pw", "Password1", "credentials", "creds", "apiKeys"],
)  # fmt: skip
def test_case20_secret_names_in_japanese_plural_run_together_and_short(key: str) -> None:
    assert names_secret(key)


@pytest.mark.parametrize("key", ["パスワードポリシー", "passport", "compass", "bypass", "status"])
def test_case20_names_that_only_look_like_secrets(key: str) -> None:
    assert not names_secret(key)


def test_case20_a_putty_private_key_is_a_secret(linter: Linter) -> None:
    text = (
        MINIMAL + f'  - name: "PuTTY-User-Key-File-3: ssh-ed25519\\nPrivate-Lines: 1\\n{SECRET}"\n'
    )
    analysis = analyse(linter, text)
    assert "AE801" in [finding.code for finding in analysis.findings]
    assert all(SECRET not in finding.message for finding in analysis.findings)
    assert not any(SECRET in line for line in MaskedSource(analysis.loaded))


@pytest.mark.parametrize("how", ["inline", "ignore", "select"])
@pytest.mark.parametrize("command", ["report", "compare"])
def test_case07_report_and_compare_refuse_a_secret_whatever_the_configuration(
    tmp_path: Path, how: str, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.yaml"
    comment = "  # aeplan: ignore[AE801] test" if how == "inline" else ""
    key = f'"-----BEGIN RSA PRIVATE KEY-----\\n{SECRET}\\n-----END RSA PRIVATE KEY-----"'
    plan.write_text(
        "aeplan: 1\nsalesforce: {org: acme}\nteam: {sync_error_owner: RevOps}\n"
        "business_units:\n  - name: Japan\n"
        "    connector: {version: 2, state: paused, user: integration_user}\n"
        "    sync:\n      scope: marketing_data_sharing\n      marketing_data_sharing:\n"
        f"        - {{object: lead, field: BU__c, operator: equals, value: {key}}}{comment}\n"
        "        - {object: contact, field: BU__c, operator: equals, value: Japan}\n",
        encoding="utf-8",
    )
    config = {"ignore": '[tool.aeplan]\nignore = ["AE801"]\n',
              "select": '[tool.aeplan]\nselect = ["AE1", "AE2"]\n'}.get(how)  # fmt: skip
    arguments = [command, str(plan)]
    if config:
        (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
    code, out, err = _run(arguments)
    assert code == 2 and SECRET not in out + err
    _one_line_error(err)
    assert "secret" in err.lower() or "AE801" in err


def test_case10_redaction_is_linear_in_the_number_of_secrets(linter: Linter) -> None:
    def seconds(count: int) -> float:
        entries = "".join(f"  password{i}: {SECRET}-{i}\n" for i in range(count))
        text = "aeplan: 1\nsalesforce:\n  org: acme\n" + entries
        start = time.perf_counter()
        analysis = analyse(linter, text)
        list(MaskedSource(analysis.loaded))
        assert not any(SECRET in finding.message for finding in analysis.findings)
        return time.perf_counter() - start

    small, large = seconds(500), seconds(4000)
    assert large < 8 * small * 3 + 1.0  # 8x the secrets: far below the 64x a quadratic pass takes


# -- 2. Bounded work ---------------------------------------------------------------------------


def test_case02_an_aliased_string_counts_by_its_length(linter: Linter) -> None:
    name = "x" * 100_000
    units = "".join("  - name: *n\n" for _ in range(400))
    text = f"aeplan: 1\nsalesforce: {{org: &n {name}}}\nbusiness_units:\n{units}"
    analysis = analyse(linter, text)
    assert [finding.code for finding in analysis.findings] == ["AE006"]


def test_merge_keys_count_the_keys_they_copy(linter: Linter) -> None:
    keys = ", ".join(f"k{i}: 1" for i in range(1000))
    merges = "".join(f"  m{i}: {{<<: *base}}\n" for i in range(1200))
    text = f"aeplan: 1\nbase: &base {{{keys}}}\nextra:\n{merges}"
    analysis = analyse(linter, text)
    assert "AE006" in [finding.code for finding in analysis.findings]


def test_case12_messages_naming_other_units_stay_short(linter: Linter) -> None:
    units = "".join(
        f"  - name: legacy{i}\n"
        "    connector: {version: 1, state: paused, user: integration_user}\n"
        f"  - name: mds{i}\n    connector: {{version: 2, state: paused, user: integration_user}}\n"
        "    sync: {scope: marketing_data_sharing}\n"
        for i in range(300)
    )
    analysis = analyse(linter, "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units:\n" + units)
    assert analysis.findings
    assert max(len(finding.message) for finding in analysis.findings) < 1200
    assert any("(+295)" in finding.message for finding in analysis.findings)


def test_case13_integers_of_any_length_are_not_a_crash(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL.replace("version: 2", "version: " + "9" * 4301), encoding="utf-8")
    assert _run(["lint", str(plan)])[0] == 1
    plan.write_text(MINIMAL.replace("version: 2", "version: 0x" + "f" * 4000), encoding="utf-8")
    assert _run(["lint", "--format", "json", str(plan)])[0] == 1
    for command in ("report", "compare"):
        code, out, err = _run([command, str(plan)])
        # report tolerates a wrong value on an optional key (issue 17) and lists the finding;
        # either way no crash, and the 4,000-digit value is not copied out whole
        assert code in (0, 2), (command, code)
        if code == 2:
            _one_line_error(err)
        assert "f" * 400 not in out


def test_case11_suppression_notes_are_linear(linter: Linter) -> None:
    def seconds(count: int) -> float:
        text = MINIMAL + "# aeplan: ignore[AE101] reason\n" * count
        start = time.perf_counter()
        analyse(linter, text)
        return time.perf_counter() - start

    small, large = seconds(1000), seconds(8000)
    assert large < 8 * small * 3 + 1.0


def test_the_caret_column_costs_nothing_on_a_long_one_line_plan(tmp_path: Path) -> None:
    values = ", ".join(f"k{i}: v" for i in range(40_000))
    plan = tmp_path / "plan.yaml"
    plan.write_text(f"{{aeplan: 1, salesforce: {{org: a}}, extra: {{{values}}}}}\n", "utf-8")
    start = time.perf_counter()
    code, out, _ = _run(["lint", str(plan)])
    assert code == 1 and time.perf_counter() - start < 60
    assert max(len(line) for line in out.splitlines()) < 1000


def test_caret_alignment_counts_wide_and_combining_characters(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("aeplan: 1\nsalesforce: {org: 日本e\u0301, bogus: 1}\n", encoding="utf-8")
    _, out, _ = _run(["lint", str(plan)])
    lines = out.splitlines()
    source = next(index for index, line in enumerate(lines) if "bogus" in line and "|" in line)
    caret = lines[source + 1].index("^")
    # 日本 are two cells each, e + combining acute one cell: `bogus` starts 3 cells later
    assert caret == lines[source].index("bogus") + 2 - 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_case04_fifos_and_devices_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for arguments in (["lint", str(fifo)], ["report", str(fifo)], ["compare", str(fifo)],
                      ["lint", "/dev/zero"], ["lint", "--config", str(fifo), "."],
                      ["lint", "--baseline", str(fifo), "."]):  # fmt: skip
        start = time.perf_counter()
        code, _, err = _run(arguments)
        assert code == 2 and time.perf_counter() - start < 10, arguments
        _one_line_error(err)
        assert "not a regular file" in err


# -- 3./4. Organisation rules: RE2 patterns, no $ref, bounded structure -----------------------


def _rule(folder: Path, code: str, when: str) -> Path:
    folder.mkdir(exist_ok=True)
    text = (Path(__file__).resolve().parents[2] / "samples" / "org-rules").glob("*.rule.yaml")
    base = next(iter(sorted(text))).read_text(encoding="utf-8")
    original_code = base.split("code:", 1)[1].split()[0]
    lines = base.replace(original_code, code).splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("when:"))
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    end = start + 1
    while end < len(lines) and lines[end].startswith(indent + " "):
        end += 1
    lines[start:end] = [f"{indent}when: {when}"]
    path = folder / f"{code}.rule.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_case15_patterns_run_in_linear_time(tmp_path: Path) -> None:
    rule = _rule(
        tmp_path / "rules",
        "ZZ001",
        '{properties: {item: {properties: {name: {pattern: "(a+)+$"}}}}}',
    )
    # The rule's own fail example must fire (examples run when the rule file is loaded).
    failing = "      - name: Japan\n        sync: {scope: all_records}"
    text = rule.read_text(encoding="utf-8")
    assert failing in text
    rule.write_text(text.replace(failing, failing.replace("Japan", "aaa")), encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL.replace("Japan", "a" * 5000 + "!"), encoding="utf-8")
    start = time.perf_counter()
    code, _, err = _run(["lint", "--rules", str(tmp_path / "rules"), str(plan)])
    assert code in (0, 1), err
    assert time.perf_counter() - start < 20


REFUSED_CONDITIONS = [
    '{properties: {name: {pattern: "(a)\\\\1"}}}',
    '{"$ref": "http://127.0.0.1:9/x.json"}',
    '{properties: {name: {"$ref": "file:///etc/passwd"}}}',
    '{properties: {name: {"$ref": "#/definitions/nope"}}}',
]


@pytest.mark.parametrize("when", REFUSED_CONDITIONS)
def test_case08_refs_and_backtracking_patterns_are_refused_at_load(
    tmp_path: Path, when: str
) -> None:
    _rule(tmp_path / "rules", "ZZ002", when)
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    code, _, err = _run(["lint", "--rules", str(tmp_path / "rules"), str(plan)])
    assert code == 2
    _one_line_error(err)
    assert "ZZ002.rule.yaml" in err


@pytest.mark.parametrize("shape", ["laughs", "cyclic", "deep"])
def test_case16_rule_files_are_read_within_the_plan_limits(tmp_path: Path, shape: str) -> None:
    folder = tmp_path / "rules"
    if shape == "laughs":
        anchors = "a0: &a0 [x, x]\n" + "".join(
            f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 30)
        )
        _rule(folder, "ZZ003", "{not: {const: 1}}")
        path = folder / "ZZ003.rule.yaml"
        path.write_text(anchors + path.read_text(encoding="utf-8"), encoding="utf-8")
    elif shape == "cyclic":
        _rule(folder, "ZZ003", "&c {not: *c}")
    else:
        _rule(folder, "ZZ003", "{not: " * 150 + "{}" + "}" * 150)
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    start = time.perf_counter()
    code, _, err = _run(["lint", "--rules", str(folder), str(plan)])
    assert code == 2 and time.perf_counter() - start < 20
    _one_line_error(err)


# -- 5. No crash -------------------------------------------------------------------------------


def test_case17_deep_toml_is_a_one_line_error(tmp_path: Path) -> None:
    config = tmp_path / "aeplan.toml"
    config.write_text("exclude = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, _, err = _run(["lint", "--config", str(config), str(tmp_path)])
    assert code == 2
    _one_line_error(err)


@pytest.mark.parametrize("content", ["[" * 100_000, '{"aeplan_baseline": 1, "findings": [{"count": '
                                     + "9" * 5000 + "}]}"])  # fmt: skip
def test_case24_damaged_baselines_are_one_line_errors(tmp_path: Path, content: str) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    code, _, err = _run(["lint", "--baseline", str(baseline), str(plan)])
    assert code == 2
    _one_line_error(err)


@pytest.mark.skipif(os.name != "posix", reason="byte file names")
@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "junit", "github", "text"])
def test_case14_non_utf8_file_names_give_valid_utf8_in_every_format(
    tmp_path: Path, fmt: str
) -> None:
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"p\xff.yaml")
    with open(name, "wb") as handle:
        handle.write(MINIMAL.replace("aeplan: 1", "aeplan: 1\nbogus: 1").encode())
    out = tmp_path / "out"
    code, stdout, err = _run(["lint", "--format", fmt, "--output", f"{fmt}={out}",
                              os.fsdecode(name)])  # fmt: skip
    assert code == 1, err
    written = out.read_bytes().decode("utf-8")  # strict: fails on any invalid byte
    assert "udcff" in written or "%5Cudcff" in written or "%5cudcff" in written
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(written)
        json.loads(stdout)


@pytest.mark.parametrize("command", ["report", "compare"])
def test_case07_a_secret_under_an_unknown_key_still_refuses_with_ae801_ignored(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report reads a tolerant copy that drops unknown keys (issue 17); the secret check runs
    on the plan as written, so dropping the key can never let the report through."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "aeplan: 1\nsalesforce:\n  org: acme\n  password: " + SECRET + "\n"
        "team: {sync_error_owner: RevOps}\n"
        "business_units:\n  - name: Japan\n"
        "    connector: {version: 2, state: paused, user: integration_user}\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text('[tool.aeplan]\nignore = ["AE801"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = _run([command, str(plan)])
    assert code == 2 and SECRET not in out + err
    _one_line_error(err)
