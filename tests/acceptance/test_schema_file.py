"""The committed JSON Schema is generated from the model, is current, accepts the good samples."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from planner.plan.schema_export import plan_schema_text
from tests.conftest import REPO, SAMPLES

SCHEMA_FILE = REPO / "schema" / "plan.schema.json"


def test_committed_schema_is_not_stale() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == plan_schema_text(), (
        "schema/plan.schema.json is stale: run `make schema`"
    )


@pytest.mark.parametrize("path", sorted((SAMPLES / "good").glob("*.yaml")), ids=lambda p: p.name)
def test_good_samples_validate_against_the_schema(path) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []


def test_schema_rejects_unknown_keys() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    plan = {"aeplan": 1, "salesforce": {"org": "x", "colour": 1}, "business_units": [{"name": "A"}]}
    assert not Draft202012Validator(schema).is_valid(plan)
