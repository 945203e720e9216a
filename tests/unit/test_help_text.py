"""``--help`` in Japanese: every command's page from the catalogue, English pages unchanged."""

from __future__ import annotations

import inspect

import click
import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.cli.group import COMMANDS, SUMMARIES
from planner.cli.help_text import ROOT, HelpContext, help_key, japanese_help, width, wrap
from planner.i18n import catalogue
from tests.acceptance.test_personas import english_sentences

PAGES = [[], *([name] for name in COMMANDS)]


def _texts() -> list[tuple[str, str]]:
    """(catalogue key, English as the code says it) for every text of every help page."""
    found = []
    for name, command in [(ROOT, cli), *((name, load()) for name, load in COMMANDS.items())]:
        found.append((f"help.{name}.description", inspect.cleandoc(command.help or "")))
        found += [(help_key(name, param), param.help or "") for param in command.params
                  if isinstance(param, click.Option) and not param.hidden]  # fmt: skip
        if name != ROOT:
            found.append((f"help.summary.{name}", SUMMARIES[name]))
    return found


def test_the_catalogue_has_every_help_text_in_both_languages_and_no_stale_one() -> None:
    texts = _texts()
    english = catalogue("en")
    assert [key for key, said in texts if english.get(key) != said] == []
    keys = {key for key, _ in texts} | {key for key in english if key.startswith("help.click.")}
    assert sorted(key for key in english if key.startswith("help.") and key not in keys) == []
    assert all(key in catalogue("ja") for key in keys)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: " ".join(page) or "aeplan")
def test_every_help_page_is_japanese_in_a_japanese_run(page: list[str]) -> None:
    result = CliRunner().invoke(
        cli, [*page, "--help"], env={"AEPLAN_LANG": "ja"}, prog_name="aeplan"
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("使い方: aeplan")
    assert "オプション:" in result.output and "このヘルプを表示して終了します。" in result.output
    assert english_sentences(result.output) == []
    for words in ("Usage:", "Options:", "Commands:", "Show this", "[default:", "[required]"):
        assert words not in result.output


@pytest.mark.parametrize("page", PAGES, ids=lambda page: " ".join(page) or "aeplan")
def test_english_help_pages_are_clicks_own(
    page: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def run() -> str:
        args = [*page, "--help"]
        return CliRunner().invoke(cli, args, env={"AEPLAN_LANG": "en"}, prog_name="aeplan").output

    english = run()
    monkeypatch.setattr(HelpContext, "get_help", click.Context.get_help)
    assert english == run()
    assert english.startswith("Usage: aeplan") and "Show this message and exit." in english


def test_the_japanese_language_comes_from_any_setting(tmp_path: object) -> None:
    runner = CliRunner()
    said = runner.invoke(cli, ["lint", "--lang", "ja", "--help"]).output
    assert "使い方:" in said and "[既定値: error]" in said
    bare = runner.invoke(cli, [], env={"LANG": "ja_JP.UTF-8"}).output
    assert "コマンド:" in bare and "プランをルールで確認します" in bare


def test_japanese_wraps_by_display_width_and_never_before_closing_punctuation() -> None:
    text = "連携プランをリントします。対象は指定したファイル、フォルダー内で見つかったプラン、"
    text += "または標準入力（-）です。"
    lines = wrap(text, 30)
    assert "".join(lines) == text and all(width(line) <= 30 for line in lines)
    assert not [line for line in lines if line[0] in "、。）ッ"]
    assert wrap("an `ASCII_word_longer_than_the_limit` stays whole", 10) == [
        "an", "`ASCII_word_longer_than_the_limit`", "stays", "whole",
    ]  # fmt: skip


def test_an_option_nobody_translated_yet_keeps_its_english_help() -> None:
    command = click.Command("extra", help="An extra command.", params=[
        click.Option(["--new"], help="A new option."),
    ])  # fmt: skip
    group = click.Group("aeplan", commands={"extra": command})
    parent = HelpContext(group, info_name="aeplan")
    page = japanese_help(HelpContext(command, info_name="extra", parent=parent))
    assert "An extra command." in page and "A new option." in page and "使い方:" in page
