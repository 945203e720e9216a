"""The two journeys of issue 16 as tests: an admin in a hurry (English) and a consultant who
wants everything in Japanese (``lang = "ja"`` in the configuration file)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from tests.conftest import SAMPLES

BROKEN = """aeplan: 1
language: en
salesforce:
  org: acme-production
team:
  account_engagement_admins: [Hanako Sato]
business_units:
  - name: Japan
    edition: "advanced
    connector: {version: 2, state: paused, user: integration_user}
"""
# A run of four or more ASCII words with no Japanese in the same sentence is English prose.
ENGLISH_SENTENCE = re.compile(r"[A-Za-z][a-z]+(?:[ ,;]+[A-Za-z][a-z]+){3,}")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
CODE_SPAN = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"")
# The plan's own text quoted back: source excerpts (`  12 | ...`) and diff lines.
QUOTED_PLAN = re.compile(r"^(\s*\d+ \||\s+\| |@@ |[-+](?![-+]{2} [ab]/)| \S)")


def english_sentences(output: str) -> list[str]:
    """Sentences of output that hold English prose and no Japanese (code spans and the plan's
    own text quoted back left out)."""
    found = []
    for line in output.splitlines():
        if QUOTED_PLAN.match(line):
            continue
        for sentence in re.split(r"[。！？]", CODE_SPAN.sub("", line)):
            if ENGLISH_SENTENCE.search(sentence) and not JAPANESE.search(sentence):
                found.append(line)
    return found


def journey(folder: Path, commands: list[list[str]]) -> str:
    """Run each command in ``folder`` and return everything printed, stdout and stderr."""
    runner = CliRunner()
    printed = []
    for args in commands:
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code in (0, 1, 2), (args, result.output)
        assert "Traceback" not in result.output
        printed.append(result.stdout + result.stderr)
    return "\n".join(printed)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    shutil.copyfile(SAMPLES / "good" / "two-bu-mds.yaml", tmp_path / "plan.yaml")
    shutil.copyfile(SAMPLES / "bad" / "fixable.yaml", tmp_path / "fixable.yaml")
    shutil.copyfile(SAMPLES / "bad" / "secrets.yaml", tmp_path / "secrets.yaml")
    return tmp_path


def test_japanese_consultant_sees_no_english_sentence(workspace: Path) -> None:
    (workspace / "aeplan.toml").write_text('lang = "ja"\n', encoding="utf-8")
    output = journey(workspace, [
        ["lint", "broken.yaml"],
        ["lint", "--fail-on", "sometimes", "plan.yaml"],
        ["lint", "--bogus"],
        ["lint", "missing.yaml"],
        ["lint", "fixable.yaml"],
        ["lint", "--statistics", "fixable.yaml"],
        ["lint", "--diff", "fixable.yaml"],
        ["explain", "AE207"],
        ["explain", "business_units.sync.scope"],
        ["explain", "business_units.sync.scop"],
        ["rules"],
        ["compare", "plan.yaml"],
        ["compare", "broken.yaml"],
        ["compare", "missing.yaml"],
        ["init", "--no-input", "-o", "new.yaml"],
        ["init", "-o", "other.yaml"],
        ["config"],
        ["report", "broken.yaml"],
        ["report", "plan.yaml", "-o", "plan.md"],
        ["lint", "--select", "AE9999", "plan.yaml"],
        ["lint", "--ignore", "AE4O2", "plan.yaml"],
        ["lint", "plan.yaml", "--output", "json=plan.yaml"],
        ["lint", "/dev/null"],
        ["lint", "--unsafe-fixes", "--diff", "fixable.yaml"],
        ["report", "secrets.yaml"],
    ])  # fmt: skip
    assert english_sentences(output) == []
    assert "（--fix --unsafe-fixes で適用します）" in output
    assert "プランに秘密情報が 4 件含まれています" in output
    assert "AE402 のことですか" in output
    assert "aeplan explain AE001 --lang ja" in output
    assert "ファイルまたはフォルダーが見つかりません" in output


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ('fail-on = "bogus"', "`fail-on`: 次のいずれかを指定してください: error、warning、info"),
        ('select = "AE2"', "`select`: リストを指定してください"),
        ("max-depth = -1", "`max-depth`: 0 より大きい数を指定してください（指定値: -1）"),
        ('select = ["AE 2"]', "`select[0]`: ルールコード、コードの接頭辞、またはルール名"),
        ('severity = {AE2 = "fatal"}', "`severity.AE2`: 次のいずれかを指定してください"),
        ("max-nodes = true", "`max-nodes`: 整数を指定してください"),
        ("select = [", "TOML として正しくありません: TOML の値として正しくありません"),
        ("x = {a = 1", "TOML として正しくありません: インラインテーブルの `{` が `}` で閉じられて"),
        ('x = "open', "TOML として正しくありません: 文字列が対応する引用符で閉じられていません"),
        ('lang = "en"', "TOML として正しくありません: 同じキーが 2 回指定されています"),
    ],
)
def test_japanese_consultant_reads_configuration_errors_in_japanese(
    workspace: Path, setting: str, said: str
) -> None:
    (workspace / "aeplan.toml").write_text(f'lang = "ja"\n{setting}\n', encoding="utf-8")
    output = journey(workspace, [["lint", "plan.yaml"], ["report", "plan.yaml"], ["config"]])
    assert english_sentences(output) == []
    assert "Input should" not in output and "should be" not in output
    assert "aeplan.toml:2:" in output and said in output


def test_japanese_consultant_reads_file_errors_in_japanese(workspace: Path) -> None:
    (workspace / "aeplan.toml").write_text('lang = "ja"\n', encoding="utf-8")
    (workspace / "folder" / ".hidden").mkdir(parents=True)
    (workspace / "folder" / "node_modules").mkdir()
    (workspace / "folder" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    os.mkfifo(workspace / "fifo.yaml")
    (workspace / "latin1.json").write_bytes(b"\xff")
    output = journey(workspace, [
        ["lint", "fifo.yaml"],
        ["lint", "folder"],
        ["lint", "--show-files", "folder"],
        ["report", "folder"],
        ["report", "fifo.yaml"],
        ["compare", "folder"],
        ["compare", "secrets.yaml"],
        ["init", "--no-input", "-o", "folder"],
        ["lint", "plan.yaml", "--output", "json=folder"],
        ["lint", "--baseline", "nope.json", "plan.yaml"],
        ["lint", "--baseline", "latin1.json", "plan.yaml"],
        ["lint", "--rules", "folder", "plan.yaml"],
        ["explain", "AE9999"],
        ["explain", "nothing.here"],
        ["rules", "--format", "nope"],
        ["report", "plan.yaml", "--date", "30/11/2026"],
        ["report", "plan.yaml", "--revision", ""],
        ["compare", "plan.yaml", "--metadata", "nowhere"],
        ["lint", "plan.yaml", "--metadata", "nowhere"],
    ])  # fmt: skip
    assert english_sentences(output) == []
    assert "--date には 2026-11-30 のような日付を指定してください" in output
    assert "--metadata: フォルダー nowhere が存在しません" in output
    assert "folder: 読み込めません: ファイルではなくフォルダーです" in output
    assert "既定で対象外" in output and "プランではありません" in output
    assert "UTF-8 として正しくありません" in output


def test_a_named_configuration_that_cannot_be_read_is_said_in_the_chosen_language(
    workspace: Path,
) -> None:
    (workspace / "bad.toml").write_bytes(b"\xff")
    runner = CliRunner()
    for args in (["--config", "missing.toml"], ["--config", "bad.toml"]):
        result = runner.invoke(cli, ["lint", *args, "plan.yaml"], env={"AEPLAN_LANG": "ja"})
        assert result.stderr.startswith("aeplan: エラー: ") and "設定ファイル" in result.stderr
        assert english_sentences(result.stderr) == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("broken.toml", 'lang = "ja"\nselect = [\n'),
        ("bom.toml", '\ufefflang = "ja"\nselect = [\n'),
        ("late.toml", 'select = [\n# the language comes after the broken line\nlang = "ja"\n'),
        ("pyproject.toml", '[tool.aeplan]\nlang = "ja"\nmax-depth = [\n'),
        ("digits.toml", 'lang = "ja"\nmax-depth = ' + "9" * 5000 + "\n"),
    ],
)
def test_a_named_configuration_that_cannot_be_parsed_is_said_in_its_own_language(
    workspace: Path, name: str, text: str
) -> None:
    """The configuration's ``lang`` is found by a bounded text scan before the file is parsed."""
    (workspace / name).write_text(text, encoding="utf-8")
    for args in (["lint", "--config", name, "plan.yaml"], ["config", f"--config={name}"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2
        assert (
            result.stderr.startswith(f"aeplan: エラー: {name}") and "TOML として" in result.stderr
        )
        assert english_sentences(result.stderr) == []
    # --lang still comes first
    english = CliRunner().invoke(cli, ["lint", "--lang", "en", "--config", name, "plan.yaml"])
    assert (
        english.stderr.startswith(f"aeplan: error: {name}") and "invalid TOML: " in english.stderr
    )


def test_the_scan_catches_english(workspace: Path) -> None:
    output = journey(workspace, [["lint", "missing.yaml"]])
    assert english_sentences(output) == ["aeplan: error: missing.yaml: no such file or folder"]


def test_english_admin_gets_messages_that_name_cause_and_fix(workspace: Path) -> None:
    output = journey(workspace, [
        ["lint", "broken.yaml"],
        ["lint", "--fail-on", "sometimes", "plan.yaml"],
        ["lint", "fixable.yaml"],
        ["lnt"],
        ["lint", "--unsafe-fixes", "--diff", "fixable.yaml"],
        ["report", "secrets.yaml"],
    ])  # fmt: skip
    assert "7 findings would be fixed (run with --fix --unsafe-fixes to apply)" in output
    assert "cannot build a report: the plan holds 4 secrets (first: AE801" in output
    assert "broken.yaml:9:14: AE001" in output
    assert "the quoted string that starts at 9:14 never ends" in output
    assert 'fix: close the string with a matching " on line 9' in output
    assert (
        "aeplan: error: invalid value for '--fail-on': `sometimes` is not one of error, warning, "
        "info, never; 'cli lint --help' shows the options\n" in output
    )
    assert "`Paused` is not allowed here; did you mean `paused`?" in output
    assert 'expected one of: 1, 2, found the text "2"; drop the quotes: 2' in output
    assert "fix: write `all_records` [fixable with --fix]" in output
    assert "help: aeplan explain AE002\n" in output
    assert "Found 7 findings in 1 file: 7 errors, 0 warnings, 0 info." in output
    assert "(s)" not in output
    assert (
        "aeplan: error: no such command `lnt` (did you mean `lint`?); `aeplan --help` lists"
        in output
    )
    assert "Usage:" not in output and "Error:" not in output


def test_locale_and_environment_choose_the_language(workspace: Path) -> None:
    runner = CliRunner()
    by_locale = runner.invoke(cli, ["lint", "missing.yaml"], env={"LANG": "ja_JP.UTF-8"})
    assert "見つかりません" in by_locale.stderr
    by_variable = runner.invoke(cli, ["rules"], env={"AEPLAN_LANG": "ja", "LANG": "C"})
    assert "重大度" in by_variable.stdout or "エラー" in by_variable.stdout
    flag_wins = runner.invoke(cli, ["lint", "--lang", "en", "missing.yaml"],
                              env={"AEPLAN_LANG": "ja"})  # fmt: skip
    assert "no such file or folder" in flag_wins.stderr


def test_a_broken_plans_language_is_honoured(workspace: Path) -> None:
    (workspace / "broken.yaml").write_text(BROKEN.replace("language: en", "language: ja"), "utf-8")
    result = CliRunner().invoke(cli, ["lint", "broken.yaml"])
    assert "引用符付きの文字列が閉じられていません" in result.stdout
    compared = CliRunner().invoke(cli, ["compare", "broken.yaml"])
    assert compared.stderr.startswith("aeplan: エラー: broken.yaml:9:14: プランを読み込めません")


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("EACCES", "読み込めません: アクセス権がありません"),
        ("EIO", "読み込めません: デバイスで入出力エラーが発生しました"),
        ("EMFILE", "開いているファイルが多すぎます"),
        ("EBUSY", "ファイルが使用中です"),
        ("ECHILD", "オペレーティングシステムがエラー ECHILD を報告しました"),
    ],
)
def test_os_errors_on_reading_are_said_in_japanese(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, code: str, said: str
) -> None:
    """Running as root, chmod 000 does not stop a read: the OS error is raised by hand."""
    import errno

    from planner import reading

    (workspace / "aeplan.toml").write_text('lang = "ja"\n', encoding="utf-8")

    def refuse(path: object, limit: int = 0) -> bytes:
        raise OSError(getattr(errno, code), "Python's English strerror", str(path))

    monkeypatch.setattr(reading, "read_bytes", refuse)
    output = journey(workspace, [["lint", "plan.yaml"], ["report", "plan.yaml"]])
    assert said in output and "strerror" not in output
    assert english_sentences(output) == []


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("ENOSPC", "書き込めません: デバイスの空き容量がありません"),
        ("EROFS", "書き込めません: ファイルシステムが読み取り専用です"),
        ("EFBIG", "ファイルシステムで扱える大きさを超えています"),
        ("EPERM", "操作が許可されていません"),
    ],
)
def test_os_errors_on_writing_are_said_in_japanese(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, code: str, said: str
) -> None:
    import errno

    from planner import atomic

    (workspace / "aeplan.toml").write_text('lang = "ja"\n', encoding="utf-8")

    def refuse(source: object, target: object) -> None:
        raise OSError(getattr(errno, code), "Python's English strerror")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    output = journey(workspace, [
        ["lint", "plan.yaml", "-o", "out.txt"],
        ["report", "plan.yaml", "-o", "plan.md"],
        ["lint", "--write-baseline", "base.json", "plan.yaml"],
    ])  # fmt: skip
    assert output.count(said) == 3 and "strerror" not in output
    assert english_sentences(output) == []


def test_japanese_consultant_reads_rule_file_baseline_and_help_in_japanese(
    workspace: Path,
) -> None:
    (workspace / "aeplan.toml").write_text('lang = "ja"\n', encoding="utf-8")
    rule = (SAMPLES / "org-rules" / "ACME001.rule.yaml").read_text(encoding="utf-8")
    broken_rules = {
        "pattern": rule.replace("{const: all_records}", '{pattern: "(?<=a)b"}'),
        "schema": rule.replace("{const: all_records}", "{minLength: -1}"),
        "reference": rule.replace("{const: all_records}", '{"$ref": "#/x"}'),
        "pointer": rule.replace("report_at: sync/scope", "report_at: sync/~2"),
        "format": rule.replace("severity: error", "severity: fatal"),
        "yaml": rule.replace("name: every-bu-uses-mds", "name: [x"),
        "missing": rule.replace("  when:\n", "  whenn:\n"),
    }
    commands = []
    for folder, text in broken_rules.items():
        (workspace / folder).mkdir()
        (workspace / folder / "ACME001.rule.yaml").write_text(text, encoding="utf-8")
        commands += [["lint", "--rules", folder, "plan.yaml"], ["rules", "--rules", folder]]
    (workspace / "AE001").mkdir()
    (workspace / "AE001" / "AE001.rule.yaml").write_text(
        rule.replace("code: ACME001", "code: AE001"), encoding="utf-8"
    )
    baselines = ["{", '{"aeplan_baseline": 1}', "[]", '{"aeplan_baseline": "1", "findings": []}']
    for number, text in enumerate(baselines):
        (workspace / f"baseline{number}.json").write_text(text, encoding="utf-8")
        commands.append(["lint", "--baseline", f"baseline{number}.json", "plan.yaml"])
    pages = [["--help"], *([name, "--help"] for name in ("lint", "report", "compare", "init",
             "rules", "explain", "config", "schema"))]  # fmt: skip
    output = journey(workspace, [
        *commands, ["lint", "--rules", "AE001", "plan.yaml"], ["lint", "--rules", "plan.yaml"],
        ["lint", "--select", "bogus", "plan.yaml"], ["lint", "--exit-zero=1", "plan.yaml"],
        *pages, [],
    ])  # fmt: skip
    assert english_sentences(output) == []
    assert output.count("使い方: ") == 10 and "Show this" not in output
    assert "`severity`: 次のいずれかを指定してください: error、warning、info" in output
    assert "先読み・後読み" in output and "bogus に一致する" in output
    assert "オプション --exit-zero には値を指定できません" in output


def test_japanese_run_of_init_ends_in_japanese(workspace: Path) -> None:
    """Input that ends after the Japanese questions (`printf 'ja\\nx\\nzzz\\n' | aeplan init`):
    the retry hint and the error in Japanese; no はい/いいえ hint on a question of numbers."""
    result = CliRunner().invoke(cli, ["init", "-o", "new.yaml"], input="ja\nx\nzzz\n")
    assert result.exit_code == 2
    assert "aeplan: エラー: すべての質問に回答する前に入力が終了したため" in result.stderr
    assert (
        "`zzz` は次のいずれでもありません: 1、2、unknown（先頭の数文字だけでも回答できます）"
        in (result.stderr)
    )
    assert "はい/いいえ" not in result.output and english_sentences(result.stderr) == []
    english = CliRunner().invoke(cli, ["init", "-o", "new.yaml"], input="en\nx\nzzz\n")
    assert "(a unique beginning is enough)\n" in english.stderr and "y/n" not in english.stderr
    assert not (workspace / "new.yaml").exists()


def test_explain_says_confidence_in_japanese(workspace: Path) -> None:
    said = journey(
        workspace, [["explain", "F02", "--lang", "ja"], ["explain", "F17", "--lang", "ja"]]
    )
    assert "確度: 高（項目）/ 中（ページのラベル）\n" in said and "確度: 高\n" in said
    assert re.search(r"確度: .*\b(high|medium|low)\b", said) is None


@pytest.mark.parametrize(
    ("written", "english", "japanese"),
    [
        ("jp", "did you mean `ja`?", "`ja` を指定しますか？"),
        ("Japanese", "did you mean `ja`?", "`ja` を指定しますか？"),
        ("ja_JP.UTF-8", "did you mean `ja`?", "`ja` を指定しますか？"),
        ("EN", "did you mean `en`?", "`en` を指定しますか？"),
        ("english", "did you mean `en`?", "`en` を指定しますか？"),
    ],
)
def test_a_near_miss_language_in_configuration_gets_a_suggestion(
    workspace: Path, written: str, english: str, japanese: str
) -> None:
    (workspace / ".aeplan.toml").write_text(f'lang = "{written}"\n', encoding="utf-8")
    # missing.yaml: no plan whose `language:` comes before the locale
    said_en = CliRunner().invoke(cli, ["lint", "missing.yaml"], env={"LANG": "C"})
    assert said_en.exit_code == 2
    assert said_en.stderr == (
        f"aeplan: error: .aeplan.toml:1:1: bad configuration: `lang`: expected one of: en, ja "
        f"(found '{written}'); {english}\n"
    )
    said_ja = CliRunner().invoke(cli, ["lint", "missing.yaml"], env={"LANG": "ja_JP.UTF-8"})
    assert said_ja.stderr.startswith("aeplan: エラー: .aeplan.toml:1:1: 設定が正しくありません")
    assert said_ja.stderr.endswith(f"（指定値: '{written}'）。{japanese}\n")
    assert english_sentences(said_ja.stderr) == []


def test_a_language_nobody_speaks_is_not_a_near_miss(workspace: Path) -> None:
    (workspace / ".aeplan.toml").write_text('lang = "fr"\n', encoding="utf-8")
    said = CliRunner().invoke(cli, ["lint", "missing.yaml"], env={"LANG": "C"})
    assert said.stderr.endswith("(found 'fr')\n")


@pytest.mark.parametrize(
    ("choose", "environment"),
    [(["--lang", "ja"], {}), ([], {"AEPLAN_LANG": "ja"}), ([], {"LANG": "ja_JP.UTF-8"})],
)
def test_a_configuration_that_is_not_utf8_is_said_in_japanese(
    workspace: Path, choose: list[str], environment: dict[str, str]
) -> None:
    (workspace / ".aeplan.toml").write_bytes('# 設定\nlang = "ja"\n'.encode("cp932"))
    result = CliRunner().invoke(
        cli, ["lint", *choose, "missing.yaml"], env={"LANG": "C", **environment}
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("aeplan: エラー: .aeplan.toml: 設定ファイルを読み込めません: ")
    assert "UTF-8 として正しくありません" in result.stderr
    assert english_sentences(result.stderr) == []


@pytest.mark.parametrize(
    ("value", "locale", "said"),
    [
        ("jp", "C", "aeplan: warning: AEPLAN_LANG=`jp` is not a language aeplan speaks (en, ja), "
         "so it is ignored; did you mean `ja`?\n"),
        ("fr", "C", "aeplan: warning: AEPLAN_LANG=`fr` is not a language aeplan speaks (en, ja), "
         "so it is ignored\n"),
        ("jp", "ja_JP.UTF-8", "aeplan: 警告: AEPLAN_LANG=`jp` は aeplan が対応している"
         "言語（en, ja）ではないため、無視します。`ja` を指定しますか？\n"),
    ],
)  # fmt: skip
def test_an_unknown_aeplan_lang_is_one_warning_line(
    workspace: Path, value: str, locale: str, said: str
) -> None:
    result = CliRunner().invoke(
        cli, ["lint", "missing.yaml"], env={"AEPLAN_LANG": value, "LANG": locale}
    )
    assert result.exit_code == 2
    first, second = result.stderr.splitlines(keepends=True)
    assert first == said
    assert second.startswith("aeplan: エラー:" if locale.startswith("ja") else "aeplan: error:")


def test_config_columns_line_up_in_japanese(workspace: Path) -> None:
    """`# metadata （未設定）` takes more cells than characters: the comments still align."""
    from planner.terminal import width

    for env in ({"LANG": "ja_JP.UTF-8"}, {"LANG": "C"}):
        said = CliRunner().invoke(cli, ["config"], env=env).stdout.splitlines()[1:]
        columns = {width(line.split("  # ", 1)[0]) for line in said}
        assert len(said) == 13 and len(columns) == 1, said


UNCLOSED = """aeplan: 1
language: {lang}
salesforce:
  org: acme-production
team:
  account_engagement_admins: [Hanako Sato]
business_units:
  - name: Japan
    edition: advanced
    connector: {{version: 2, state: paused, user: integration_user}}
    label: "globex
    sync:
      scope: all_records
      field_level_security: granted
    notes: one
    owner: "Ops"
"""


def test_a_quote_closed_lines_later_is_named_where_it_opens(workspace: Path) -> None:
    (workspace / "en.yaml").write_text(UNCLOSED.format(lang="en"), encoding="utf-8")
    (workspace / "ja.yaml").write_text(UNCLOSED.format(lang="ja"), encoding="utf-8")
    english = CliRunner().invoke(cli, ["lint", "en.yaml"]).stdout
    assert english.startswith(
        "en.yaml:11:12: AE001 [error] invalid-yaml: the quoted string that starts at 11:12 is "
        'not closed on its line, so it runs on to the " at 16:12\n'
    )
    assert 'fix: close the string with a matching " on line 11\n' in english
    japanese = CliRunner().invoke(cli, ["lint", "ja.yaml"]).stdout
    assert japanese.startswith("ja.yaml:11:12: AE001 [error] invalid-yaml: 11:12 で始まる引用符")
    assert english_sentences(japanese) == []


def test_a_binary_file_is_said_to_be_no_text_file(workspace: Path) -> None:
    (workspace / "bin.yaml").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    for lang, said in (("en", "this is not a text file"), ("ja", "テキストファイルではありません")):
        result = CliRunner().invoke(cli, ["lint", "--lang", lang, "bin.yaml"])
        assert result.exit_code == 1
        assert f"bin.yaml:1:5: AE001 [error] invalid-yaml: {said}" in result.stdout
        assert "Shift" not in result.stdout


@pytest.mark.parametrize(
    ("args", "english", "japanese"),
    [
        (["lint", "--bogus"], "no such option: --bogus; 'cli lint --help' shows the options",
         "オプション --bogus はありません。'cli lint --help' でオプションを確認できます"),
        (["lint", "--fail-on"], "option --fail-on needs a value; 'cli lint --help' shows the",
         "オプション --fail-on には値が必要です。'cli lint --help' で"),
        (["lnt"], "no such command `lnt` (did you mean `lint`?); `aeplan --help` lists the",
         "コマンド `lnt` はありません（`lint` のことですか？）。`aeplan --help` でコマンドを一覧"),
        (["lnit", "x.yaml"], "no such command `lnit` (did you mean `lint`?)",
         "コマンド `lnit` はありません（`lint` のことですか？）"),
        (["repot", "x.yaml"], "no such command `repot` (did you mean `report`?)",
         "コマンド `repot` はありません（`report` のことですか？）"),
        (["xyzzy"], "no such command `xyzzy`; `aeplan --help` lists the commands",
         "コマンド `xyzzy` はありません。`aeplan --help` でコマンドを一覧表示できます"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line_in_both_languages(
    workspace: Path, args: list[str], english: str, japanese: str
) -> None:
    """As the README promises: `aeplan: error: …` on one line, exit 2, the same hints in both."""
    for lang, prefix, said in (
        ("en", "aeplan: error: ", english),
        ("ja", "aeplan: エラー: ", japanese),
    ):
        result = CliRunner().invoke(cli, ["--lang", lang, *args], env={"LANG": "C"})
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(prefix + said) and result.stderr.count("\n") == 1
        assert "Usage:" not in result.stderr and "使い方" not in result.stderr
