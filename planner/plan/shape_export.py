"""Write :mod:`planner.plan.shape_data`, the plan model as plain tuples, from the pydantic model.

``make schema`` runs :func:`module_text`; a test fails when the committed module is stale. Any
type, constraint or validator this does not know is an error here, so the pydantic-free walk of
:mod:`planner.plan.shape` can never silently disagree with the model.
"""

from __future__ import annotations

import pprint
import types
import typing
from typing import Any, Literal, Union

import annotated_types
from pydantic import BaseModel

from planner.plan import shape
from planner.plan.model import Plan

_UNIONS = (Union, getattr(types, "UnionType", Union))
_HEADER = '''"""The plan model as plain tuples for :mod:`planner.plan.shape` (``make schema``).

Each model: (``mode="before"`` model validators, fields, field names); each field: (name, kind,
default, ``mode="before"`` field validator or ""), in the model's order. Do not edit by hand.
"""

from __future__ import annotations

from typing import Any

# fmt: off
MODELS: dict[str, Any] = (
'''


def module_text() -> str:
    """The source of :mod:`planner.plan.shape_data` for the current model."""
    models: dict[str, Any] = {}
    _describe(Plan, models)
    body = pprint.pformat(models, width=96, sort_dicts=False)
    return _HEADER + body + "\n)\n# fmt: on\n"


def _describe(model: type[BaseModel], models: dict[str, Any]) -> None:
    name = model.__name__
    if name in models:
        return
    models[name] = None  # reserved: the order of first appearance
    decorators = model.__pydantic_decorators__
    before = tuple(_named(d.func, d.info.mode) for d in decorators.model_validators.values())
    validators: dict[str, str] = {}
    for decorator in decorators.field_validators.values():
        for field in decorator.info.fields:
            validators[field] = _named(decorator.func, decorator.info.mode)
    fields = []
    for field_name, info in model.model_fields.items():
        kind = _kind(info.annotation, list(info.metadata), models)
        fields.append((field_name, kind, _default(info, models), validators.get(field_name, "")))
    if set(validators) - set(model.model_fields):  # pragma: no cover - pydantic refuses these
        raise ValueError(f"{name}: validators for unknown fields")
    models[name] = (before, tuple(fields), tuple(sorted(model.model_fields)))


def _named(function: Any, mode: str) -> str:
    """The name under which :data:`planner.plan.shape.BEFORE` holds a ``before`` validator."""
    function = getattr(function, "__func__", function)
    for name, known in shape.BEFORE.items():
        if known is function and mode == "before":
            return name
    raise ValueError(f"validator {function!r} ({mode}) is not one of planner.plan.shape.BEFORE")


def _default(info: Any, models: dict[str, Any]) -> tuple[Any, ...]:
    if info.is_required():
        return ("required",)
    factory = info.default_factory
    if factory is None:
        default = info.default
        if default is None:
            return ("none",)
        if type(default) not in (str, int, bool):
            raise ValueError(f"default {default!r} is not a plain value")
        return ("value", default)
    if factory is list:
        return ("list",)
    if factory is dict:
        return ("dict",)
    if isinstance(factory, type) and issubclass(factory, BaseModel):
        _describe(factory, models)
        return ("model", factory.__name__)
    raise ValueError(f"default factory {factory!r} is not list, dict or a model")


def _kind(annotation: Any, metadata: list[Any], models: dict[str, Any]) -> tuple[Any, ...]:
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in _UNIONS:
        rest = tuple(argument for argument in arguments if argument is not type(None))
        if len(rest) < len(arguments):
            inner = rest[0] if len(rest) == 1 else Union[rest]
            return ("opt", _kind(inner, metadata, models))
        if set(rest) == {str, bool, int, float} and not metadata:
            return ("scalar",)
        raise ValueError(f"union {annotation!r} is not Optional or a scalar")
    if origin is Literal:
        if metadata or not all(type(value) in (str, int) for value in arguments):
            raise ValueError(f"literal {annotation!r}")
        return ("lit", tuple(sorted(arguments, key=lambda value: (type(value).__name__, value))))
    if origin is list:
        return ("list", _kind(arguments[0], [], models), _min_length(metadata))
    if origin is dict:
        if arguments[0] is not str or metadata:
            raise ValueError(f"mapping {annotation!r} has keys other than text")
        return ("dict", _kind(arguments[1], [], models))
    if annotation is str:
        return ("str", _min_length(metadata))
    if annotation is int:
        return ("int", _lower_bound(metadata))
    if annotation is bool and not metadata:
        return ("bool",)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and not metadata:
        _describe(annotation, models)
        return ("model", annotation.__name__)
    raise ValueError(f"type {annotation!r} with {metadata!r} is not supported")


def _min_length(metadata: list[Any]) -> int:
    found = 0
    for item in metadata:
        if not isinstance(item, annotated_types.MinLen):
            raise ValueError(f"constraint {item!r} is not supported")
        found = item.min_length
    return found


def _lower_bound(metadata: list[Any]) -> Any:
    found = None
    for item in metadata:
        if not isinstance(item, annotated_types.Ge):
            raise ValueError(f"constraint {item!r} is not supported")
        found = item.ge
    return found
