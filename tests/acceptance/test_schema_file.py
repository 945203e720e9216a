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


VARIANTS = [("en", "2020-12"), ("ja", "2020-12"), ("en", "7")]


@pytest.mark.parametrize(("lang", "draft"), VARIANTS)
def test_every_committed_variant_is_current(lang: str, draft: str) -> None:
    from planner.plan.schema_export import file_name

    committed = REPO / "schema" / file_name(lang, draft)
    assert committed.read_text(encoding="utf-8") == plan_schema_text(lang, draft), (
        f"schema/{committed.name} is stale: run `make schema`"
    )


def _properties(schema: dict) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    found = [(f"Plan.{name}", prop) for name, prop in schema["properties"].items()]
    for model, definition in schema.get("$defs", schema.get("definitions", {})).items():
        properties = definition.get("properties", {})
        found += [(f"{model}.{name}", prop) for name, prop in properties.items()]
    return found


def _is_object(prop: dict) -> bool:  # type: ignore[type-arg]
    """A nested model (or a list or choice of them): described, its own keys give examples."""
    text = json.dumps(prop)
    return "$ref" in text and '"type": "string"' not in text


@pytest.mark.parametrize(("lang", "draft"), VARIANTS)
def test_every_property_is_described_with_an_example(lang: str, draft: str) -> None:
    from planner.plan.schema_export import descriptions, plan_schema

    schema = plan_schema(lang, draft)
    entries = descriptions()
    properties = _properties(schema)
    assert len(properties) >= 69
    for name, prop in properties:
        assert name in entries, f"{name} has no entry in templates/i18n/schema.yaml"
        assert prop["description"] == entries[name][lang]
        if not _is_object(prop):
            assert prop.get("examples"), f"{name} has no example"
    for model, definition in schema.get("$defs", schema.get("definitions", {})).items():
        assert definition["description"] == entries[model][lang], model


def test_examples_are_valid_values_of_their_property() -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for name, prop in _properties(schema):
        for example in prop.get("examples", []):
            checked = {"$defs": schema["$defs"], **prop}
            assert Draft202012Validator(checked).is_valid(example), (name, example)


def test_japanese_descriptions_use_salesforce_terms() -> None:
    from planner.plan.schema_export import descriptions

    japanese = " ".join(entry["ja"] for entry in descriptions().values())
    terms = ("プロスペクト", "取引先責任者", "マーケティングデータ共有")
    for term in (*terms, "インテグレーションユーザー"):
        assert term in japanese
    assert "取引先に" not in japanese  # the seed's mistranslation of "org"


def test_id_title_and_the_draft_07_variant() -> None:
    from jsonschema import Draft7Validator

    english = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert english["$id"].endswith("/schema/plan.schema.json")
    assert english["title"] == "aeplan integration plan"
    japanese = json.loads((REPO / "schema" / "plan.schema.ja.json").read_text(encoding="utf-8"))
    assert japanese["title"] == "aeplan 連携プラン" and japanese["$id"].endswith(".ja.json")
    draft7 = json.loads((REPO / "schema" / "plan.schema.draft-07.json").read_text(encoding="utf-8"))
    assert draft7["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(draft7)
    Draft7Validator.check_schema(draft7)
    for path in sorted((SAMPLES / "good").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(Draft7Validator(draft7).iter_errors(data)) == [], path.name
    bad = {"aeplan": 1, "salesforce": {"org": "x", "colour": 1}, "business_units": [{"name": "A"}]}
    assert not Draft7Validator(draft7).is_valid(bad)


def test_schema_command_speaks_both_languages_and_dialects() -> None:
    from click.testing import CliRunner

    from planner.cli import cli

    japanese = CliRunner().invoke(cli, ["schema", "--lang", "ja"])
    assert japanese.exit_code == 0 and "マーケティングデータ共有" in japanese.stdout
    draft7 = CliRunner().invoke(cli, ["schema", "--draft", "7"])
    assert draft7.exit_code == 0 and '"definitions"' in draft7.stdout
    wrong = CliRunner().invoke(cli, ["schema", "--draft", "4"])
    assert wrong.exit_code == 2
