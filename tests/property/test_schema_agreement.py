"""The JSON Schema and the linter agree on every plan: same structural verdict, both ways.

Plans are the good samples with values replaced, keys dropped or added at random places; each is
written as YAML, read by aeplan's loader, and judged twice: by aeplan (no AE001-AE006 finding)
and by a Draft 2020-12 validator with ``schema/plan.schema.json`` (what editors use).
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from planner.limits import Limits
from planner.plan.events import load_text
from planner.plan.schema_export import plan_schema
from planner.plan.structure import validate
from tests.conftest import SAMPLES

GOOD = tuple(
    yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(SAMPLES.glob("good/*.yaml"))
)
VALIDATOR = Draft202012Validator(plan_schema())


def _enum_values(node: Any) -> set[Any]:
    """Every enum and const value in the schema: the words a plan is most likely to hold."""
    found: set[Any] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum":
                found.update(v for v in value if not isinstance(v, (dict, list)))
            elif key == "const" and not isinstance(value, (dict, list)):
                found.add(value)
            else:
                found |= _enum_values(value)
    elif isinstance(node, list):
        for item in node:
            found |= _enum_values(item)
    return found


def _property_names(node: Any) -> set[str]:
    """Every key the schema names anywhere (so edits add keys that fit somewhere)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                found.update(value)
            found |= _property_names(value)
    elif isinstance(node, list):
        for item in node:
            found |= _property_names(item)
    return found


WORDS = sorted(_enum_values(plan_schema()), key=repr)
KEYS = sorted(_property_names(plan_schema()) | {"extra"})
VALUES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from([None, True, False, 0, 1, 2, -1, 5.0, 1.5, -0.0, 2.0, 10**20, "", "x", "1",
                     "none", "no", [], ["x"], [1], {}, {"name": "A"}, [{"name": "A"}],
                     [{"version": 2}], [None], {"x": 1}]),
    st.integers(-3, 3), st.text(max_size=3),
)  # fmt: skip


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _places(value, (*path, index))
    return out


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


SCHEMA = plan_schema()
CONFUSERS = (None, True, False, 0, 1, 2, -1, 5.0, 1.5, 2.0, "", "x", "none", [], {}, ["x"])


def _resolved(node: Any) -> list[dict[str, Any]]:
    """The schema node and, through ``$ref`` and ``anyOf``, every alternative it allows."""
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        return _resolved(SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]])
    out = [node]
    for branch in node.get("anyOf", []):
        out += _resolved(branch)
    return out


def _schema_at(path: tuple[Any, ...]) -> list[dict[str, Any]]:
    nodes = _resolved(SCHEMA)
    for part in path:
        following: list[dict[str, Any]] = []
        for node in nodes:
            if isinstance(part, str) and part in node.get("properties", {}):
                following += _resolved(node["properties"][part])
            elif isinstance(part, int):
                following += _resolved(node.get("items"))
                following += [n for item in node.get("prefixItems", []) for n in _resolved(item)]
        nodes = following
    return nodes


def _fitting_values(nodes: list[dict[str, Any]]) -> list[Any]:
    """Values this place's schema names (enum, const), plus the usual type confusions."""
    values: list[Any] = list(CONFUSERS)
    for node in nodes:
        values += [v for v in node.get("enum", []) if not isinstance(v, (dict, list))]
        if "const" in node:
            values.append(node["const"])
    return values


@st.composite
def plans(draw: st.DrawFn) -> Any:
    """A good sample with one to four edits, each setting a key the schema knows at that place
    (or an unknown one) to a word the schema names there or a value of another type."""
    plan = copy.deepcopy(draw(st.sampled_from(GOOD)))
    for _ in range(draw(st.integers(1, 4))):
        places = [p for p in _places(plan) if isinstance(_at(plan, p), dict)]
        path = draw(st.sampled_from(places))
        parent = _at(plan, path)
        known = sorted({k for node in _schema_at(path) for k in node.get("properties", {})})
        action = draw(st.sampled_from(("set", "set", "set", "drop", "wild")))
        if action == "drop" and parent:
            del parent[draw(st.sampled_from(sorted(parent)))]
        elif action == "wild" or not known:
            key = draw(st.sampled_from([*known, "extra"]))
            parent[key] = copy.deepcopy(draw(VALUES))
        else:
            key = draw(st.sampled_from(known))
            options = _fitting_values(_schema_at((*path, key)))
            value = copy.deepcopy(draw(st.sampled_from(options)))
            if draw(st.booleans()) and not isinstance(value, (dict, list)):
                value = draw(st.sampled_from(([value], [value, "x"], {"x": value}, value)))
            parent[key] = value
    return plan


def verdicts(plan: Any) -> tuple[bool, bool, str]:
    """(aeplan finds it structurally valid, the schema does, the YAML text)."""
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    loaded = load_text(text, Limits())
    linter_ok = not loaded.problems and not validate(loaded).problems
    schema_ok = VALIDATOR.is_valid(loaded.data)
    return linter_ok, schema_ok, text


@settings(
    max_examples=int(os.environ.get("AEPLAN_AGREEMENT_EXAMPLES", "600")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(plans())
def test_linter_and_json_schema_agree_on_generated_plans(plan: Any) -> None:
    linter_ok, schema_ok, text = verdicts(plan)
    assert linter_ok == schema_ok, f"aeplan valid={linter_ok}, schema valid={schema_ok}:\n{text}"


def test_known_disagreements_are_gone() -> None:
    """From issue 12: each passed one judge and failed the other."""
    base = copy.deepcopy(GOOD[0])
    cases = []
    for edit in (
        lambda p: p["business_units"][0].setdefault("sync", {}).update(person_accounts=False),
        lambda p: p.setdefault("requirements", {}).update(max_sync_delay_minutes=5.0),
        lambda p: p["business_units"][0].update(connector=[]),
        lambda p: p.update(aeplan=1.0),
    ):
        plan = copy.deepcopy(base)
        edit(plan)
        cases.append(verdicts(plan)[:2])
    assert all(linter == schema for linter, schema in cases), json.dumps(cases)
