"""Compiled rule conditions decide as jsonschema does, on the shipped rules and at random."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import replace
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from planner.errors import PlannerError
from planner.lint.linter import Linter
from planner.rules.conditions import compile_condition
from planner.rules.engine import Engine, documents
from planner.rules.loader import load_rulebook
from planner.rules.rulebook import Rulebook, RuleSpec, SchemaCheck, builtin_codes
from tests.conftest import REPO, SAMPLES, analyse

ORG_RULES = SAMPLES / "org-rules"
RULES = load_rulebook((ORG_RULES,)).rules
DECLARATIVE = [rule for rule in RULES if isinstance(rule.check, SchemaCheck)]
BUILTIN = [rule for rule in DECLARATIVE if rule.code in builtin_codes()]
PLAN_FILES = sorted((SAMPLES / "good").glob("*.yaml")) + sorted((SAMPLES / "bad").glob("*.yaml"))


def when(rule: RuleSpec) -> dict[str, Any]:
    """The rule's condition schema."""
    assert isinstance(rule.check, SchemaCheck)
    return rule.check.when


def compiled_natively(predicate: Callable[[Any], bool]) -> bool:
    """True for a predicate built by the compiler, False for jsonschema's own ``is_valid``."""
    return predicate.__module__ == "planner.rules.conditions"


@pytest.fixture(scope="module")
def plans(linter: Linter) -> list[Any]:
    """Normalised data of each sample plan and rule example that lints without structural errors."""
    texts = [path.read_text(encoding="utf-8") for path in PLAN_FILES]
    texts += [text for rule in RULES for text in (rule.examples.fail, rule.examples.pass_)]
    found = [analyse(linter, text).data for text in texts]
    return [data for data in found if data is not None]


def test_declarative_rules_come_from_both_rule_folders() -> None:
    assert len(BUILTIN) >= 30
    assert {rule.code for rule in DECLARATIVE} - builtin_codes() == {"ACME001", "ACME002"}


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.code)
def test_every_builtin_condition_is_a_valid_json_schema(rule: RuleSpec) -> None:
    # The engine skips this check for built-in rules at start-up; this test is what keeps it.
    Draft202012Validator.check_schema(when(rule))


@pytest.mark.parametrize("rule", DECLARATIVE, ids=lambda rule: rule.code)
def test_every_shipped_condition_compiles_without_jsonschema(rule: RuleSpec) -> None:
    assert compiled_natively(compile_condition(when(rule)))


@pytest.mark.parametrize("rule", DECLARATIVE, ids=lambda rule: rule.code)
def test_shipped_conditions_agree_with_jsonschema_on_every_sample(
    rule: RuleSpec, plans: list[Any]
) -> None:
    assert isinstance(rule.check, SchemaCheck)
    compiled = compile_condition(rule.check.when)
    reference = Draft202012Validator(rule.check.when)
    evaluated = 0
    for data in plans:
        for pointer, document in documents(data, rule.check.for_each):
            assert compiled(document) == reference.is_valid(document), pointer
            evaluated += 1
    assert evaluated > 0


def test_every_shipped_condition_is_true_somewhere_in_the_samples(plans: list[Any]) -> None:
    fired = {rule.code for rule in DECLARATIVE if any(_holds(rule, data) for data in plans)}
    assert fired == {rule.code for rule in DECLARATIVE}


def _holds(rule: RuleSpec, data: Any) -> bool:
    """True when the rule's compiled condition accepts some document of the plan."""
    assert isinstance(rule.check, SchemaCheck)
    condition = compile_condition(rule.check.when)
    return any(condition(document) for _, document in documents(data, rule.check.for_each))


KEYS = ("a", "b", "name", "version")
TYPES = ("null", "boolean", "integer", "number", "string", "array", "object")
NUMBERS = st.one_of(
    st.integers(-3, 3),
    st.sampled_from([0.0, 1.0, -1.0, 2.0, 1.5, -0.5, 2**64, math.inf, -math.inf, math.nan]),
    st.floats(-4, 4),
)
STRINGS = st.one_of(
    st.sampled_from(["", " ", "a", "name", "ab", "b a", "é", "\u3042\u3044"]),
    st.text("ab ", max_size=4),
)
JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBERS, STRINGS),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.sampled_from(KEYS), children, max_size=3)
    ),
    max_leaves=8,
)
# Values every random schema is also tried on: the corners where JSON and Python disagree.
PROBES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    1,
    1.0,
    2.0,
    1.5,
    -1,
    math.nan,
    math.inf,
    "",
    " ",
    "a",
    "ab",
    "ba",
    "name",
    "\u3042\u3044",
    [],
    [1],
    [True],
    [1.0, "a"],
    [None, [1]],
    ["a", "b", "a"],
    {},
    {"a": 1},
    {"a": 1.0, "b": "x"},
    {"a": True},
    {"name": "ab", "version": 2},
    {"a": {"b": []}},
    {"b": [{"a": 1}]},
    [{"name": "a"}, {"version": 1.0}],
)
LIMITS = st.one_of(st.integers(0, 3), st.sampled_from([0.5, 1.0, 2.5, -1]))


def _leaf_keywords() -> st.SearchStrategy[dict[str, Any]]:
    """Schemas of one keyword that has no subschema, each keyword about as likely as the next."""
    limits = {key: st.integers(0, 3) for key in ("minLength", "maxLength", "minItems", "maxItems")}
    limits.update(
        (key, LIMITS) for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
    )
    values = {
        "type": st.one_of(
            st.sampled_from(TYPES),
            st.lists(st.sampled_from(TYPES), min_size=1, max_size=3, unique=True),
        ),
        "const": JSON,
        "enum": st.one_of(
            st.lists(JSON, min_size=1, max_size=4), st.lists(STRINGS, min_size=1, max_size=3)
        ),
        "required": st.lists(st.sampled_from(KEYS), max_size=3, unique=True),
        "pattern": st.sampled_from(["^a", "b$", r"^\s*$", "a|name", "^$", "\u00e9", "b"]),
        **limits,
        "description": st.text(max_size=3),
        "title": st.text(max_size=3),
        "$comment": st.text(max_size=3),
        "examples": st.lists(JSON, max_size=2),
    }
    return st.one_of(*(_keyword(key, value) for key, value in values.items()))


def _with_subschemas(children: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Schemas of one keyword that applies subschemas, each keyword about as likely as the next."""
    several = st.lists(children, min_size=1, max_size=3)
    values = {
        "properties": st.dictionaries(st.sampled_from(KEYS), children, max_size=3),
        "additionalProperties": children,
        "not": children,
        "anyOf": several,
        "allOf": several,
        "oneOf": several,
        "contains": children,
        "items": children,
    }
    return st.one_of(*(_keyword(key, value) for key, value in values.items()))


def _keyword(key: str, values: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """``{key: value}`` for values drawn from ``values``."""
    return values.map(lambda value: {key: value})


def _merged(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One schema holding every part's keywords (a later part wins a shared keyword)."""
    schema: dict[str, Any] = {}
    for part in parts:
        schema.update(part)
    return schema


SCHEMAS = st.recursive(
    st.one_of(st.booleans(), st.lists(_leaf_keywords(), max_size=3).map(_merged)),
    lambda children: st.lists(
        st.one_of(_leaf_keywords(), _with_subschemas(children)), min_size=1, max_size=3
    ).map(_merged),
    max_leaves=12,
)


@settings(
    max_examples=500,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(schema=SCHEMAS, documents=st.lists(JSON, min_size=1, max_size=6))
def test_random_schemas_agree_with_jsonschema(schema: Any, documents: list[Any]) -> None:
    Draft202012Validator.check_schema(schema)
    compiled = compile_condition(schema)
    assert compiled_natively(compiled)
    reference = Draft202012Validator(schema)
    for document in (*documents, *PROBES):
        assert compiled(document) == reference.is_valid(document), document


@settings(max_examples=200, derandomize=True, deadline=None)
@given(document=JSON)
def test_equality_keywords_follow_json_not_python(document: Any) -> None:
    for value in (True, 1, 1.0, 0, False, None, [1], [True], {"a": 1.0}, {"a": True}, "1"):
        for schema in ({"const": value}, {"enum": [value]}, {"enum": ["x", value]}):
            assert compile_condition(schema)(document) == Draft202012Validator(schema).is_valid(
                document
            ), schema


@pytest.mark.parametrize(
    ("schema", "document", "expected"),
    [
        ({"const": True}, 1, False),
        ({"const": 1}, 1.0, True),
        ({"enum": [[1, {"a": 2}]]}, [1.0, {"a": 2.0}], True),
        ({"enum": [[1]]}, [True], False),
        ({"type": "integer"}, 2.0, True),
        ({"type": "integer"}, True, False),
        ({"type": "number"}, False, False),
        ({"type": ["null", "string"]}, None, True),
        ({"pattern": "b"}, "abc", True),
        ({"pattern": "^b"}, 7, True),
        ({"minLength": 2}, "\u3042\u3044", True),
        ({"maxLength": 1}, "\u3042\u3044", False),
        ({"minimum": 1}, True, True),
        ({"exclusiveMaximum": 1}, 1.0, False),
        ({"maximum": 1}, math.nan, True),
        ({"minItems": 1}, {"a": 1}, True),
        ({"contains": {"const": 2}}, [1, 2], True),
        ({"contains": {"const": 2}}, [], False),
        ({"items": False}, [], True),
        ({"oneOf": [{"type": "integer"}, {"type": "number"}]}, 1, False),
        ({"additionalProperties": False, "properties": {"a": {}}}, {"a": 1, "b": 2}, False),
        ({"required": ["a"]}, ["a"], True),
        ({"not": {"required": ["a"]}, "description": "no a"}, {"b": 1}, True),
    ],
)
def test_supported_keywords_by_example(
    schema: dict[str, Any], document: Any, expected: bool
) -> None:
    assert compile_condition(schema)(document) is expected
    assert Draft202012Validator(schema).is_valid(document) is expected


@pytest.mark.parametrize(
    ("schema", "document", "expected"),
    [
        (
            {"$defs": {"n": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/n"}}},
            {"a": 1},
            False,
        ),
        ({"if": {"required": ["a"]}, "then": {"required": ["b"]}}, {"a": 1}, False),
        ({"dependentRequired": {"a": ["b"]}}, {"a": 1, "b": 2}, True),
        ({"format": "email"}, "not an email", True),
        ({"patternProperties": {"^a": {"type": "string"}}}, {"ab": 1}, False),
        ({"properties": {"a": {}}, "unevaluatedProperties": False}, {"a": 1, "b": 2}, False),
        ({"contains": {"const": 1}, "minContains": 2}, [1, 2], False),
        ({"contains": {"const": 1}, "minContains": 0}, [], True),
        ({"prefixItems": [{"type": "string"}], "items": False}, ["x"], True),
        ({"properties": {"a": {"minProperties": 2}}}, {"a": {"b": 1}}, False),
        ({"type": "integer", "multipleOf": 2}, 4.0, True),
    ],
)
def test_unsupported_keywords_fall_back_to_jsonschema(
    schema: dict[str, Any], document: Any, expected: bool
) -> None:
    predicate = compile_condition(schema)
    assert not compiled_natively(predicate)
    assert predicate(document) is expected
    assert Draft202012Validator(schema).is_valid(document) is expected


@pytest.mark.parametrize(
    "schema",
    [{"type": "colour"}, {"pattern": "("}, {"required": "a"}, {"minLength": True}, {"anyOf": {}}],
)
def test_malformed_keyword_values_are_left_to_jsonschema(schema: dict[str, Any]) -> None:
    assert not compiled_natively(compile_condition(schema))


def test_an_organisation_rule_with_a_bad_schema_is_a_planner_error_naming_it() -> None:
    rulebook = load_rulebook((ORG_RULES,))
    broken = [
        replace(rule, check=SchemaCheck(when={"type": "colour"}))
        if rule.code == "ACME001"
        else rule
        for rule in rulebook.rules
    ]
    with pytest.raises(PlannerError, match=r"rule ACME001: `when.+` is not a valid JSON Schema"):
        Engine(Rulebook(tuple(broken)))


def test_linting_does_not_import_jsonschema() -> None:
    script = (
        "import sys\n"
        "from planner.lint.linter import Linter\n"
        f"Linter().lint_paths([{str(SAMPLES / 'good' / 'two-bu-mds.yaml')!r}])\n"
        "print(sorted(name for name in sys.modules if name.startswith('jsonschema')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"
