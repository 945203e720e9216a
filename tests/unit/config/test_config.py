"""Configuration files: discovery, precedence, validation errors, merging with the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.config import files as config
from planner.config.files import KEYS
from planner.config.selectors import resolve_selectors
from planner.config.settings import COMMAND_LINE, DEFAULT, Overrides, normal_selector, resolve
from planner.errors import PlannerError
from planner.findings import Severity
from planner.lint.globs import matches
from planner.rules.loader import load_rulebook


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_closest_file_wins_and_within_a_folder_dot_aeplan_toml_first(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.aeplan]\nlang = "ja"\n')
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    assert config.discover(inner) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / "aeplan.toml", 'lang = "en"\n')
    assert config.discover(inner) == tmp_path / "a" / "aeplan.toml"
    write(tmp_path / "a" / ".aeplan.toml", 'lang = "en"\n')
    assert config.discover(inner) == tmp_path / "a" / ".aeplan.toml"


def test_a_pyproject_without_a_tool_aeplan_table_does_not_count(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.aeplan]\nfail-on = "warning"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "aeplan-plans"\n')
    assert config.discover(tmp_path / "sub") == tmp_path / "pyproject.toml"


def test_every_key_is_read_and_kebab_case(tmp_path: Path) -> None:
    (tmp_path / "policies").mkdir()
    path = write(
        tmp_path / "aeplan.toml",
        'select = ["AE1", "AE4"]\nignore = ["ae401"]\nextend-select = ["AE9"]\n'
        'severity = {AE402 = "warning"}\nexclude = ["legacy"]\nfail-on = "info"\nlang = "ja"\n'
        'rules = ["policies"]\nmax-file-size = 1000\nmax-depth = 10\nmax-nodes = 100\n'
        '[per-file-ignores]\n"plans/old/*.yaml" = ["AE1"]\n',
    )
    settings = resolve(Overrides(), cwd=tmp_path)
    assert settings.config_file == path and settings.root == tmp_path
    assert (settings.select, settings.ignore) == (("AE1", "AE4"), ("AE401",))
    assert settings.effective_select == ("AE1", "AE4", "AE9")
    assert settings.severity == (("AE402", Severity.WARNING),)
    assert settings.per_file_ignores == (("plans/old/*.yaml", ("AE1",)),)
    assert settings.rules == (tmp_path / "policies",)
    assert (settings.limits.max_bytes, settings.limits.max_depth, settings.limits.max_nodes) == (
        1000,
        10,
        100,
    )
    assert settings.source("lang") == "aeplan.toml" and settings.source("select") == "aeplan.toml"


def test_the_command_line_overrides_the_file(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.aeplan]\nselect = ["AE1"]\nextend-select = ["AE9"]\nignore = ["AE7"]\n'
        'fail-on = "warning"\n',
    )
    given = Overrides(select=("AE4",), ignore=("AE402",), fail_on="never", lang="ja", rules=("r",))
    settings = resolve(given, cwd=tmp_path)
    assert settings.effective_select == ("AE4",)
    assert settings.ignore == ("AE7", "AE402")
    assert (settings.fail_on, settings.lang) == ("never", "ja")
    assert settings.rules == (tmp_path / "r",)
    assert settings.source("select") == COMMAND_LINE
    assert settings.source("ignore") == "pyproject.toml [tool.aeplan] + command line"
    assert settings.source("max-depth") == DEFAULT


def test_isolated_ignores_files_and_config_names_one(tmp_path: Path) -> None:
    write(tmp_path / "aeplan.toml", 'lang = "ja"\n')
    other = write(tmp_path / "elsewhere" / "custom.toml", 'lang = "en"\n')
    assert resolve(Overrides(isolated=True), cwd=tmp_path).lang is None
    named = resolve(Overrides(config=str(other)), cwd=tmp_path)
    assert (named.lang, named.root) == ("en", other.parent)
    with pytest.raises(PlannerError, match="--config and --isolated cannot be used together"):
        resolve(Overrides(config=str(other), isolated=True), cwd=tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'lang = "ja"\nfail_on = "info"\n',
            r"aeplan\.toml:2:1: bad configuration: unknown key "
            r"`fail_on` \(did you mean `fail-on`\?\)",
        ),
        (
            'fail-on = "sometimes"\n',
            r"aeplan\.toml:1:1: bad configuration: `fail-on`: expected one of: "
            r"error, warning, info, never \(found 'sometimes'\)",
        ),
        (
            '\n\nselect = "AE1"\n',
            r"aeplan\.toml:3:1: bad configuration: `select`: expected a list",
        ),
        ("max-depth = 0\n", r"`max-depth`: expected a number greater than 0"),
        ("max-depth = true\n", r"`max-depth`: expected a whole number"),
        ('[severity]\nAE402 = "fatal"\n', r"aeplan\.toml:1:1: bad configuration: `severity.AE402`"),
        ('select = ["AE_1"]\n', r"`select\[0\]`: expected a rule code"),
        (
            'lang = "ja"\nlang = "en"\n',
            r"aeplan\.toml:2:12: invalid TOML: a key is set twice$",
        ),
        # a file that ends early is reported at its last line
        (
            "select = [\n",
            r"aeplan\.toml:1:1: invalid TOML: this is not a TOML value \(strings need quotes",
        ),
    ],
)
def test_bad_files_are_one_line_errors_with_file_key_and_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    write(tmp_path / "aeplan.toml", text)
    with pytest.raises(PlannerError, match=expected) as caught:
        resolve(Overrides(), cwd=tmp_path)
    assert "\n" not in caught.value.one_line()


def test_a_pyproject_table_error_names_the_line_inside_tool_aeplan(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.aeplan]\nselects = ["AE1"]\n'
    )
    with pytest.raises(PlannerError, match=r"pyproject\.toml:5:1: .*unknown key `selects`"):
        resolve(Overrides(), cwd=tmp_path)


def test_named_files_must_exist_and_pyproject_must_have_the_table(tmp_path: Path) -> None:
    with pytest.raises(PlannerError, match="configuration file not found"):
        resolve(Overrides(config=str(tmp_path / "missing.toml")), cwd=tmp_path)
    bare = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(PlannerError, match=r"has no \[tool\.aeplan\] table"):
        resolve(Overrides(config=str(bare)), cwd=tmp_path)
    write(bare, "[tool]\naeplan = 1\n")
    with pytest.raises(PlannerError, match="must be a table"):
        resolve(Overrides(config=str(bare)), cwd=tmp_path)


def test_codes_in_the_file_must_match_a_rule(tmp_path: Path) -> None:
    from planner.rules.loader import load_rulebook

    rulebook = load_rulebook()
    write(tmp_path / "aeplan.toml", 'ignore = ["AE7"]\n\n[severity]\nAE999 = "info"\n')
    settings = resolve(Overrides(), cwd=tmp_path)
    with pytest.raises(
        PlannerError, match=r"aeplan\.toml:3:\d+: .*`severity`.*AE999 matches no rule"
    ):
        resolve_selectors(settings, rulebook)
    # Codes given on the command line are not the file's fault: the error names the option.
    write(tmp_path / "aeplan.toml", 'ignore = ["AE7"]\n')
    given = resolve(Overrides(select=("ZZ9",), ignore=("AE7",)), cwd=tmp_path)
    with pytest.raises(PlannerError, match=r"^`--select`: ZZ9 matches no rule") as caught:
        resolve_selectors(given, rulebook)
    assert caught.value.file is None
    # Names become codes.
    named = resolve(Overrides(select=("secret-in-plan",), isolated=True), cwd=tmp_path)
    assert resolve_selectors(named, rulebook).select == ("AE801",)


@pytest.mark.parametrize(
    ("configured", "given", "quoted"),
    [
        ("", ("bogus",), "`--select`: bogus matches no rule"),
        ("", ("ae4o2",), "`--select`: ae4o2 matches no rule code or name (did you mean AE402?)"),
        ("", ("Bogus-Name",), "`--select`: Bogus-Name matches no rule"),
        ('select = ["bogus"]\n', (), "`select`: bogus matches no rule"),
        ('severity = {bOgus = "info"}\n', (), "`severity`: bOgus matches no rule"),
        ('[per-file-ignores]\n"x/*" = ["Ae9z"]\n', (), "`per-file-ignores`: Ae9z matches"),
    ],
)
def test_an_unknown_selector_is_quoted_as_written(
    tmp_path: Path, configured: str, given: tuple[str, ...], quoted: str
) -> None:
    """The message quotes what the user typed (``bogus``), not a normalised ``BOGUS``."""
    write(tmp_path / "aeplan.toml", configured)
    settings = resolve(Overrides(select=given), cwd=tmp_path)
    if given:  # still canonical inside
        assert settings.select == tuple(map(normal_selector, given))
    with pytest.raises(PlannerError) as caught:
        resolve_selectors(settings, load_rulebook())
    assert quoted in caught.value.one_line()


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("legacy", "legacy/a.yaml", True),
        ("legacy", "plans/legacy/a.yaml", True),
        ("legacy", "plans/legacy-2/a.yaml", False),
        ("*.draft.yaml", "plans/x.draft.yaml", True),
        ("plans/*.yaml", "plans/a.yaml", True),
        ("plans/*.yaml", "plans/old/a.yaml", False),
        ("plans/**/*.yaml", "plans/old/a.yaml", True),
        ("plans/**/*.yaml", "plans/a.yaml", True),
        ("plans/old", "plans/old/deep/a.yaml", True),
        ("./plans/a.yaml", "plans/a.yaml", True),
        ("plans/[ab].yaml", "plans/b.yaml", True),
        ("plans/[!ab].yaml", "plans/b.yaml", False),
        ("other/*.yaml", "plans/a.yaml", False),
    ],
)
def test_glob_patterns(tmp_path: Path, pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, tmp_path / path, tmp_path) is expected


def test_severity_overrides_take_prefixes_and_the_longest_prefix_wins() -> None:
    from planner.config.settings import with_severities
    from planner.rules.loader import load_rulebook

    rulebook = load_rulebook()
    changed = with_severities(rulebook, (("AE4", Severity.INFO), ("AE402", Severity.WARNING)))
    by_code = changed.by_code()
    assert by_code["AE401"].severity is Severity.INFO
    assert by_code["AE402"].severity is Severity.WARNING
    assert by_code["AE109"].severity is rulebook.by_code()["AE109"].severity
    assert with_severities(rulebook, ()) is rulebook


def test_keys_are_the_config_tables_fields_in_order() -> None:
    """`files.KEYS` is written out so that finding no configuration file never imports pydantic."""
    from planner.config.files import KEYS
    from planner.config.table import ConfigFile

    assert tuple(name.replace("_", "-") for name in ConfigFile.model_fields) == KEYS


TABLE_VALUES = st.sampled_from([
    [], ["AE1"], ["ae402", "secret-in-plan"], ["AE1\n"], ["-x"], [""], [1], "AE1", {}, True, 0, 3,
    -1, 2**40, "error", "never", "fatal", "en", "ja", "JA", "", "x", "samples/*.yaml", ["x"],
    {"AE1": "warning"}, {"AE1": "fatal"}, {"a b": "info"}, {"*.yaml": ["AE1"]}, {"": ["AE1"]},
    {"x": "AE1"}, [True], 1.5, ["日本"],
])  # fmt: skip
CODES = st.lists(st.sampled_from(["AE1", "ae402", "secret-in-plan", "X-1-b", "AE1\n", "-x"]))
FITTING = {
    "select": CODES, "ignore": CODES, "extend-select": CODES,
    "severity": st.dictionaries(st.sampled_from(["AE1", "a-b", "a b"]),
                                st.sampled_from(["error", "warning", "info", "note"])),
    "per-file-ignores": st.dictionaries(st.sampled_from(["*.yaml", "", "x/**"]), CODES),
    "exclude": st.lists(st.sampled_from(["a", "", "**/x"])), "rules": st.lists(st.just("r")),
    "fail-on": st.sampled_from(["error", "never", "none"]), "lang": st.sampled_from(["en", "ja"]),
    "metadata": st.sampled_from(["m", ""]), "max-file-size": st.integers(-1, 3),
    "max-depth": st.sampled_from([1, 0, True]), "max-nodes": st.sampled_from([5, 2.0]),
}  # fmt: skip
TABLES = st.fixed_dictionaries(
    {},
    optional={
        **{key: st.one_of(FITTING[key], FITTING[key], TABLE_VALUES) for key in KEYS},
        "extend_select": TABLE_VALUES,
        "unknown": TABLE_VALUES,
    },
)


@settings(max_examples=500, deadline=None)
@given(TABLES)
def test_a_table_read_without_pydantic_is_what_the_model_reads(table: dict[str, Any]) -> None:
    from pydantic import ValidationError

    from planner.config.table import ConfigFile

    plain = config.plain_table(table)
    if plain is None:
        return
    try:
        model = ConfigFile.model_validate(table)
    except ValidationError as error:  # pragma: no cover - the failure this test exists for
        raise AssertionError(f"accepted without pydantic, refused by the model: {error}") from None
    assert plain.model_fields_set == model.model_fields_set
    for name in ConfigFile.model_fields:
        assert getattr(plain, name) == getattr(model, name), name


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_config_view_comments_line_up_in_terminal_cells(tmp_path: Path, lang: str) -> None:
    """``# metadata （未設定）`` is wider than its characters: the comments still share a column."""
    from planner.config.view import render_text
    from planner.terminal import width

    text = render_text(resolve(Overrides(isolated=True), cwd=tmp_path), tmp_path, lang)
    rows = text.splitlines()[1:]
    assert any("metadata" in row for row in rows)
    columns = {width(row[: row.rindex("  # ")]) for row in rows}
    assert len(columns) == 1, text
