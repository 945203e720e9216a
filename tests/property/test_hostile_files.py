"""Generated rule files, configuration files, baselines and folder shapes; output stays linear.

Each property ends in a result or a one-line error (exit 0, 1 or 2), never a traceback or a
hang. ``make fuzz`` runs them with random examples for longer.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import cli
from planner.lint.linter import Linter, LintResult
from planner.reporters import reporter
from tests.conftest import SAMPLES

PLAN = str(SAMPLES / "good" / "minimal.yaml")
ORG_RULE = (SAMPLES / "org-rules" / "ACME001.rule.yaml").read_text(encoding="utf-8")
EXAMPLES = int(os.environ.get("AEPLAN_FUZZ_EXAMPLES", "1500")) // 15
FUZZ = settings(
    max_examples=max(EXAMPLES, 20), deadline=None,
    derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip


def _calm(arguments: list[str]) -> None:
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code in (0, 1, 2), (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1, result.stderr


# -- rule files: generated `when` schemas -------------------------------------------------------

PATTERNS = st.sampled_from(
    ("(a+)+$", "(a|aa)*b", "^[A-Z]{2,}$", "(a)\\\\1", "(?=x)", "[", "\\\\p{L}+", ".*.*.*=.*", "")
)
SCALARS = st.one_of(st.integers(-(10**30), 10**30), st.text(max_size=8), st.booleans(), st.none())


def _schemas() -> st.SearchStrategy[object]:
    leaves = st.one_of(
        st.builds(lambda p: {"pattern": p}, PATTERNS),
        st.builds(lambda v: {"const": v}, SCALARS),
        st.builds(
            lambda r: {"$ref": r},
            st.sampled_from(("#/x", "http://127.0.0.1:9/", "file:///etc/hosts")),
        ),
        st.builds(lambda n: {"minLength": n}, st.integers(-2, 10**6)),
        st.just(True),
        st.just({}),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.builds(lambda s: {"not": s}, inner),
            st.builds(lambda s: {"anyOf": s}, st.lists(inner, max_size=3)),
            st.builds(lambda s: {"properties": {"item": s}}, inner),
            st.builds(lambda s: {"patternProperties": {"^n": s}}, inner),
            st.builds(lambda s: {"if": s, "then": s}, inner),
        ),
        max_leaves=12,
    )


@FUZZ
@given(_schemas(), st.sampled_from(("", "x: &a [1, *a]\n", "d: " + "[" * 80 + "]" * 80 + "\n")))
def test_generated_organisation_rules_give_a_result_or_one_line(when: object, prefix: str) -> None:
    start = ORG_RULE.index("  when:")
    end = ORG_RULE.index("  report_at:")
    text = prefix + ORG_RULE[:start] + f"  when: {json.dumps(when)}\n" + ORG_RULE[end:]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "ACME001.rule.yaml").write_text(text, encoding="utf-8")
        _calm(["lint", "--isolated", "--rules", folder, PLAN])


# -- configuration files: generated keys and values ---------------------------------------------

TOML_VALUES = st.one_of(
    st.sampled_from(('"AE1"', '["AE2", "AE101"]', "true", "-1", "0", "9" * 5000, '"ja"', "{}")),
    st.integers(1, 400).map(lambda depth: "[" * depth + "]" * depth),
    st.text(max_size=12).map(json.dumps),
)
TOML_KEYS = st.sampled_from(("select", "ignore", "fail-on", "lang", "severity", "max-depth",
                             "max-nodes", "max-file-size", "extend-select", "unknown"))  # fmt: skip


@FUZZ
@given(st.lists(st.tuples(TOML_KEYS, TOML_VALUES), max_size=6))
def test_generated_configuration_gives_a_result_or_one_line(pairs: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "aeplan.toml"
        config.write_text("".join(f"{key} = {value}\n" for key, value in pairs), encoding="utf-8")
        _calm(["lint", "--config", str(config), PLAN])


# -- baselines ------------------------------------------------------------------------------------

JSON_LEAVES = st.one_of(st.integers(), st.text(max_size=10), st.none(), st.floats(allow_nan=True))
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
BASELINE_TEXT = st.one_of(
    JSON_VALUES.map(lambda v: json.dumps({"aeplan_baseline": 1, "findings": v})),
    st.integers(1, 100_000).map(lambda depth: "[" * depth),
    st.integers(4200, 6000).map(lambda digits: '{"aeplan_baseline": ' + "7" * digits + "}"),
    st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
)


@FUZZ
@given(BASELINE_TEXT)
def test_generated_baselines_give_a_result_or_one_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        baseline = Path(folder) / "baseline.json"
        baseline.write_text(text, encoding="utf-8", errors="surrogateescape")
        _calm(["lint", "--baseline", str(baseline), PLAN])


# -- file-system shapes: symlinks, FIFOs, deep trees ---------------------------------------------

SHAPES = st.lists(
    st.sampled_from(
        (
            "plan",
            "link-plan",
            "link-outside",
            "link-dir-loop",
            "dangling",
            "fifo",
            "deep",
            "bad-name",
        )
    ),
    min_size=1,
    max_size=5,
)


@FUZZ
@given(SHAPES)
def test_folder_shapes_give_a_result_or_one_line(shapes: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "plans"
        root.mkdir()
        plan_text = Path(PLAN).read_text(encoding="utf-8")
        for index, shape in enumerate(shapes):
            name = root / f"{shape}{index}.yaml"
            if shape == "plan":
                name.write_text(plan_text, encoding="utf-8")
            elif shape == "link-plan":
                name.symlink_to(PLAN)
            elif shape == "link-outside":
                name.symlink_to("/etc/hostname")
            elif shape == "link-dir-loop":
                (root / f"loop{index}").symlink_to(root)
            elif shape == "dangling":
                name.symlink_to(root / "nowhere")
            elif shape == "fifo" and hasattr(os, "mkfifo"):
                os.mkfifo(name)
            elif shape == "deep":
                deep = root.joinpath(*["d"] * 60)
                deep.mkdir(parents=True, exist_ok=True)
                (deep / "p.yaml").write_text(plan_text, encoding="utf-8")
            elif shape == "bad-name" and os.name == "posix":
                with open(os.path.join(os.fsencode(root), b"x\xff\x1b.yaml"), "wb") as handle:
                    handle.write(plan_text.encode())
        _calm(["lint", "--isolated", str(root)])


# -- output size is linear in input size ---------------------------------------------------------

UNIT_SHAPES = st.sampled_from((
    "  - name: {name}\n    connector: {{version: 1, state: paused, user: integration_user}}\n",
    "  - name: {name}\n    connector: {{version: 2, state: paused, user: integration_user}}\n"
    "    sync: {{scope: marketing_data_sharing}}\n",
    "  - name: {name}\n    settings: {{user_sync: true}}\n    bogus: 1\n",
    "  - name: *long\n    connector: {{version: 1}}\n",
))  # fmt: skip
LINEAR = Linter()


def _json_size(units: list[str], copies: int) -> tuple[int, int]:
    body = "".join(
        shape.format(name=f"bu{copy}x{index}")
        for copy in range(copies)
        for index, shape in enumerate(units)
    )
    text = (
        "aeplan: 1\nsalesforce: {org: &long " + "L" * 2000 + "}\n"
        "team: {login_path: classic_app}\nbusiness_units:\n" + body
    )
    analysis = LINEAR.analyse_bytes(text.encode("utf-8"), "plan.yaml")
    stream = io.StringIO()
    reporter("json").render(LintResult((analysis,), "en", LINEAR.rulebook), stream)
    return len(text), len(stream.getvalue())


@settings(max_examples=max(EXAMPLES // 3, 8), deadline=None,
          derandomize=not os.environ.get("AEPLAN_FUZZ_RANDOM"),
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.lists(UNIT_SHAPES, min_size=1, max_size=4), st.integers(10, 40))
def test_output_size_is_linear_in_input_size(units: list[str], copies: int) -> None:
    _, small_out = _json_size(units, copies)
    large_in, large_out = _json_size(units, copies * 4)
    # four times the units: at most ~four times the output (plus a constant), never sixteen
    assert large_out <= 4.5 * small_out + 20_000, (small_out, large_out)
    assert large_out <= 400 * large_in
