"""AE801: secrets are found in any key style and never appear in any output."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.lint.linter import Analysis, Linter
from planner.plan import secrets
from planner.plan.secrets import (
    MaskedSource,
    fragments,
    holds_private_key,
    may_name_secret,
    names_secret,
    secret_scalars,
)
from planner.plan.source import LoadedPlan
from tests.conftest import analyse

PEM = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAzXk9Qe3tZq8lPBxY2bMfakeKEYnotRealAtAll0123456789\n"
    "Zm9vYmFyYmF6cXV4Tm90QVJlYWxLZXlKdXN0QVRlc3RGaXh0dXJlMDEyMzQ1Njc4\n"
    "-----END RSA PRIVATE KEY-----\n"
)
SECRETS = (
    "hunter2-plain-password",
    "sk_live_api_key_value_42",
    "client-secret-value-77",
    "nested-token-value-88",
    "list-item-secret-99",
    "flow-mapping-pass-11",
    "MIIEowIBAAKCAQEAzXk9Qe3tZq8lPBxY2bMfakeKEYnotRealAtAll0123456789",
    "Zm9vYmFyYmF6cXV4Tm90QVJlYWxLZXlKdXN0QVRlc3RGaXh0dXJlMDEyMzQ1Njc4",
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
)

VALID_WITH_PEM = """\
aeplan: 1
salesforce: {org: acme}
team:
  sync_error_owner: "-----BEGIN PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\\n\\
    -----END PRIVATE KEY-----"
business_units:
  - name: Japan
    sync:
      scope: "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"
"""


def _invalid_plan() -> str:
    pem = "".join(f"      {line}\n" for line in PEM.splitlines())
    return (
        "aeplan: 1\n"
        "salesforce:\n"
        "  org: acme\n"
        "  password: hunter2-plain-password\n"
        "  API_KEY: sk_live_api_key_value_42\n"
        "team: {sync_error_owner: Ops, client-secret: client-secret-value-77}\n"
        "business_units:\n"
        "  - name: Japan\n"
        "    connector:\n"
        "      user: custom_user\n"
        "      custom_user:\n"
        "        credentials:\n"
        "          accessToken: nested-token-value-88\n"
        "    secrets:\n"
        "      - list-item-secret-99\n"
        "    extra: [{privateKey: flow-mapping-pass-11}]\n"
        "    notes: |\n" + pem
    )


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secrets") / "plan.yaml"
    path.write_text(_invalid_plan(), encoding="utf-8")
    return path


def _no_secret_in(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text
    assert "-----BEGIN" not in text


@pytest.mark.parametrize(
    "key",
    [
        "password",
        "Password",
        "apiKey",
        "API_KEY",
        "api-key",
        "client-secret",
        "clientSecret",
        "privateKey",
        "private_key",
        "PRIVATE-KEY",
        "access_token",
        "refreshToken",
        "secrets",
        "passphrase",
        "x-api-key",
        "APIToken",
    ],
)
def test_keys_that_name_a_secret(key: str) -> None:
    assert names_secret(key)


@pytest.mark.parametrize(
    "key",
    [
        "name",
        "org",
        "sync_error_owner",
        "token_url",
        "password_policy",
        "private_key_file",
        "keyboard",
        "tokenizer",
        "secretary",
        "monkey",
        "api",
        "connected_campaigns",
    ],
)
def test_keys_that_do_not_name_a_secret(key: str) -> None:
    assert not names_secret(key)


def test_private_key_blocks_are_recognised_in_any_value() -> None:
    assert holds_private_key(PEM)
    assert holds_private_key("-----BEGIN PGP PRIVATE KEY BLOCK-----")
    assert not holds_private_key("-----BEGIN CERTIFICATE-----")
    assert not holds_private_key(42)


def test_every_secret_is_found_at_its_key(linter: Linter) -> None:
    analysis = analyse(linter, _invalid_plan())
    assert analysis.plan is None
    assert [f.pointer for f in analysis.findings if f.code == "AE801"] == [
        "/salesforce/password",
        "/salesforce/API_KEY",
        "/team/client-secret",
        "/business_units/0/connector/custom_user/credentials",  # `credentials` names a secret
        "/business_units/0/secrets",
        "/business_units/0/extra/0/privateKey",
        "/business_units/0/notes",
    ]
    assert [f.line for f in analysis.findings if f.code == "AE801"] == [4, 5, 6, 12, 14, 16, 17]


def test_unknown_secret_keys_are_also_unknown_keys(linter: Linter) -> None:
    analysis = analyse(linter, _invalid_plan())
    unknown = {f.pointer for f in analysis.findings if f.code == "AE003"}
    assert {"/salesforce/password", "/salesforce/API_KEY", "/team/client-secret"} <= unknown


def test_no_finding_message_or_fix_holds_a_secret(linter: Linter) -> None:
    for text in (_invalid_plan(), VALID_WITH_PEM):
        analysis: Analysis = analyse(linter, text)
        assert analysis.findings
        for finding in analysis.findings:
            _no_secret_in(finding.message)
            _no_secret_in(finding.fix or "")


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "gitlab", "junit"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_cli_output_never_shows_a_secret(plan_file: Path, output_format: str, lang: str) -> None:
    result = CliRunner().invoke(
        cli,
        ["lint", "--format", output_format, "--lang", lang, "--fail-on", "never", str(plan_file)],
    )
    assert result.exit_code == 0, result.output
    shown = result.stdout
    if output_format == "sarif":  # the rule catalogue in the log quotes AE801's own docs
        log = json.loads(shown)
        log["runs"][0]["tool"]["driver"]["rules"] = []
        shown = json.dumps(log, ensure_ascii=False)
    _no_secret_in(shown + result.stderr)
    if output_format == "json":
        codes = [finding["code"] for finding in json.loads(result.stdout)["findings"]]
        assert codes.count("AE801") == 7
    elif output_format == "text":
        assert "AE801 [error] secret-in-plan" in result.stdout
        assert "password: ********" in result.stdout
    else:
        assert "AE801" in result.stdout


def test_cli_masks_private_keys_in_a_valid_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(VALID_WITH_PEM, encoding="utf-8")
    for output_format in ("text", "json"):
        result = CliRunner().invoke(cli, ["lint", "--format", output_format, str(path)])
        assert result.exit_code == 1
        assert "AE801" in result.stdout
        _no_secret_in(result.stdout + result.stderr)


def test_enum_messages_do_not_echo_a_private_key(linter: Linter) -> None:
    analysis = analyse(linter, VALID_WITH_PEM)
    enum_errors = [f for f in analysis.findings if f.code == "AE002"]
    assert enum_errors and all("********" in f.message for f in enum_errors)


def test_masked_source_keeps_line_numbers_and_keys(linter: Linter) -> None:
    analysis = analyse(linter, _invalid_plan())
    lines = list(MaskedSource(analysis.loaded))
    assert len(lines) == len(_invalid_plan().splitlines())
    assert lines[3] == "  password: ********"
    assert lines[16] == "    notes: ********"
    _no_secret_in("\n".join(lines))


def _masked_whole(loaded: LoadedPlan) -> list[str]:
    """Every line masked in one pass, as the text format did before it masked lazily."""
    lines = loaded.text.splitlines()
    scalars = secret_scalars(loaded.data)
    for pointer, _ in scalars:
        position = loaded.values.get(pointer)
        if position is not None and 0 < position.line <= len(lines):
            line = lines[position.line - 1]
            lines[position.line - 1] = line[: position.column - 1] + secrets.MASK
    inside_block = False
    redactor = secrets.Redactor(fragments(scalars))
    for number, line in enumerate(lines):
        if "PRIVATE KEY" in line or inside_block:
            begins, ends = secrets._BEGIN.search(line), secrets._END.search(line)
            if inside_block or begins:
                start = begins.start() if begins else len(line) - len(line.lstrip())
                line = line[:start] + secrets.MASK
            inside_block = (inside_block or begins is not None) and ends is None
        lines[number] = redactor(secrets._mask_secret_keys(line))
    return lines


def test_lines_masked_one_by_one_match_the_whole_plan_masked(linter: Linter) -> None:
    flow = "salesforce: {org: acme, password: abcdef, token: ghijklmnop}\n"
    pem = "aeplan: 1\nnotes: |\n  " + PEM.replace("\n", "\n  ")
    for text in (_invalid_plan(), flow, pem, VALID_WITH_PEM, pem + "x: [\n"):
        loaded = analyse(linter, text).loaded
        whole = _masked_whole(loaded)
        source = MaskedSource(loaded)
        assert [source[index] for index in reversed(range(len(source)))] == whole[::-1]
        assert list(MaskedSource(loaded)) == whole and source[-1] == whole[-1]
    shown = MaskedSource(analyse(linter, flow).loaded)[0]
    assert shown.startswith("salesforce: {org: acme, password: ***")
    assert "abcdef" not in shown and "ghijklmnop" not in shown


def test_every_secret_word_holds_a_hint() -> None:
    words = [*secrets._SECRET_WORDS, *secrets._SECRET_ENDINGS, "key"]
    assert all(any(hint in word for hint in secrets.SECRET_HINTS) for word in words)
    keys = ("API_KEY", "clientSecret", "PW1", "Passwords", "creds", "パスワード", "認証情報_2")
    assert all(names_secret(key) and may_name_secret(f"- {key}: x") for key in keys)
    assert not may_name_secret("  lead_field: Field_001__c  # 項目")


def test_a_plan_that_does_not_parse_still_masks_private_key_blocks(linter: Linter) -> None:
    text = "aeplan: 1\nnotes: |\n" + "".join(f"  {line}\n" for line in PEM.splitlines()) + "x: [\n"
    analysis = analyse(linter, text)
    assert analysis.loaded.data is None
    _no_secret_in("\n".join(MaskedSource(analysis.loaded)))


def test_secret_free_plans_and_false_values_do_not_fire(linter: Linter) -> None:
    assert fragments(secret_scalars({"name": "x"})) == []
    text = "aeplan: 1\nsalesforce: {org: acme}\nbusiness_units: [{name: Japan}]\n"
    assert [f for f in analyse(linter, text).findings if f.code == "AE801"] == []
    empty = text.replace("{org: acme}", "{org: acme, password: '', token: null, api_key: false}")
    assert [f for f in analyse(linter, empty).findings if f.code == "AE801"] == []


def test_output_is_identical_across_runs(plan_file: Path) -> None:
    runs = {CliRunner().invoke(cli, ["lint", "--format", "json", str(plan_file)]).stdout
            for _ in range(2)}  # fmt: skip
    assert len(runs) == 1


def test_report_and_compare_never_show_a_secret(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(VALID_WITH_PEM.replace("scope:", "# scope:"), encoding="utf-8")
    report = CliRunner().invoke(cli, ["report", str(path)])
    assert report.exit_code == 2 and "AE801" in report.stderr
    compare = CliRunner().invoke(cli, ["compare", str(path)])
    for result in (report, compare):
        _no_secret_in(result.stdout + result.stderr)


def test_no_key_of_the_plan_format_names_a_secret() -> None:
    from planner.plan.model import Plan
    from tests.unit.plan.test_plan_format_docs import _keys

    assert sorted(key for key in _keys(Plan) if names_secret(key)) == []


def test_a_copy_with_other_data_looks_for_its_own_secrets() -> None:
    loaded = LoadedPlan(text="", data={"password": "hunter2-plain-password", "name": "x"})
    assert secrets.found_in(loaded) == ("/password",)
    assert secrets.found_in(replace(loaded, data={"name": "x"})) == ()
