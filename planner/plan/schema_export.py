"""The plan's JSON Schema, generated from the model, for editors and other validators."""

from __future__ import annotations

import json
from typing import Any

from planner.plan.model import Plan

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the plan format, with a ``$schema`` dialect and stable key order."""
    schema = Plan.model_json_schema()
    return {"$schema": SCHEMA_DIALECT, **schema}


def plan_schema_text() -> str:
    """The schema as the text committed to ``schema/plan.schema.json``."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
