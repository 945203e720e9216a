"""The message catalogues: both languages complete, same placeholders, and `fill` is safe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner import i18n


def test_every_key_exists_in_both_languages() -> None:
    english, japanese = i18n.catalogue("en"), i18n.catalogue("ja")
    assert sorted(set(english) - set(japanese)) == []
    assert sorted(set(japanese) - set(english)) == []


@pytest.mark.parametrize("key", sorted(i18n.catalogue("en")))
def test_placeholders_agree(key: str) -> None:
    english, japanese = i18n.catalogue("en")[key], i18n.catalogue("ja")[key]
    assert i18n.placeholders(english) == i18n.placeholders(japanese), key


def test_japanese_entries_are_japanese() -> None:
    # Every Japanese sentence holds Japanese script unless it is only a placeholder or a code.
    script = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for key, text in i18n.catalogue("ja").items():
        words = i18n._PLACEHOLDER.sub("", text).strip(" :`")
        if len(re.findall(r"[A-Za-z]{3,}", words)) > 0 and not script.search(words):
            raise AssertionError(f"{key}: {text!r} has no Japanese")


def test_fill_never_interprets_values() -> None:
    filled = i18n.fill("file.unreadable", "en", reason="{detail} {0} %s")
    assert filled == "cannot read: {detail} {0} %s"


def test_plural_chooses_the_singular_in_english_only() -> None:
    assert i18n.plural("count.file", "en", 1) == "1 file"
    assert i18n.plural("count.file", "en", 2) == "2 files"
    assert i18n.plural("count.file", "en", 0) == "0 files"
    assert i18n.plural("count.file", "ja", 1) == "1 ファイル"


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        (("ja", "en", None), "ja"),
        ((None, "ja", "en"), "ja"),
        ((None, None, None), "en"),
        (("xx", "JA"), "ja"),
    ],
)
def test_choose_takes_the_first_valid_language(
    candidates: tuple[str | None, ...], expected: str
) -> None:
    assert i18n.choose(*candidates) == expected


def test_locale_counts_only_when_it_starts_with_ja() -> None:
    assert i18n.from_locale({"LANG": "ja_JP.UTF-8"}) == "ja"
    assert i18n.from_locale({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}) is None
    assert i18n.from_locale({"LC_MESSAGES": "ja_JP"}) == "ja"
    assert i18n.from_locale({}) is None


def test_language_scan_reads_broken_yaml() -> None:
    text = 'aeplan: 1\nlanguage: ja  # 日本語\nsalesforce: {org: "x\n'
    assert i18n.scan_plan_language(text) == "ja"
    assert i18n.scan_plan_language("  language: ja\n") is None
    assert i18n.scan_plan_language("language: fr\n") is None


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_json_copy_of_each_catalogue_is_current(lang: str) -> None:
    """Start-up reads ``templates/messages/<lang>.json`` (no YAML parse) while its stamp matches
    the YAML; ``make docs`` rewrites it. A stale copy is ignored, so this only guards speed."""
    folder = i18n.data_path("templates") / "messages"
    source = (folder / f"{lang}.yaml").read_bytes()
    assert (folder / f"{lang}.json").read_text(encoding="utf-8") == i18n.compiled_text(source)
    assert list(i18n.catalogue(lang).items()) == list(i18n.flattened(source).items())


def test_a_stale_json_copy_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messages = tmp_path / "templates" / "messages"
    messages.mkdir(parents=True)
    (messages / "en.yaml").write_text("a:\n  b: new\n", encoding="utf-8")
    stale = i18n.compiled_text(b"a:\n  b: old\n")
    (messages / "en.json").write_text(stale, encoding="utf-8")
    monkeypatch.setattr(i18n, "data_path", lambda name: tmp_path / name)
    i18n.catalogue.cache_clear()
    try:
        assert dict(i18n.catalogue("en")) == {"a.b": "new"}
    finally:
        i18n.catalogue.cache_clear()


def test_listed_params_are_joined_as_each_language_joins_a_list() -> None:
    from planner.rules.checks import listed, name_list

    names = ["Japan", "Korea", "Taiwan"]
    assert i18n.said({"units": listed(names)}, "en") == {"units": "Japan, Korea, Taiwan"}
    assert i18n.said({"units": listed(names)}, "ja") == {"units": "Japan、Korea、Taiwan"}
    many = name_list([f"BU{n}" for n in range(7)])
    assert i18n.said({"units": many}, "ja")["units"] == "BU0、BU1、BU2、BU3、BU4、… (+2)"
    assert i18n.said({"units": many}, "en")["units"] == "BU0, BU1, BU2, BU3, BU4, … (+2)"
