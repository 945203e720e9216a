"""docs/plan-format.md documents every key of the plan model."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from planner.plan.model import Plan
from tests.conftest import REPO


def _keys(model: type[BaseModel]) -> set[str]:
    keys = set(model.model_fields)
    for field in model.model_fields.values():
        for candidate in _models_in(field.annotation):
            keys |= _keys(candidate)
    return keys


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for argument in typing.get_args(annotation) for found in _models_in(argument)]


def test_every_model_key_is_documented() -> None:
    text = (REPO / "docs" / "plan-format.md").read_text(encoding="utf-8")
    missing = sorted(key for key in _keys(Plan) if f"`{key}`" not in text)
    assert missing == []
