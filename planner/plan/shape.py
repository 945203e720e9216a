"""The plan format checked without pydantic: a valid plan's data, or None: ask pydantic.

:func:`normalised` walks the plan data along :data:`planner.plan.shape_data.MODELS` (generated from
:mod:`planner.plan.model` by :mod:`planner.plan.shape_export`; a test keeps it current) and returns
exactly what ``Plan.model_validate(data).model_dump(mode="json", exclude_none=True)`` returns:
the model's field order, defaults filled in, ``None`` values left out. It only ever accepts: on
anything it is not sure of (a wrong type, an unknown key, a value outside an enumeration, a float
that is not finite, a lone surrogate) it returns None and the caller validates with pydantic,
which finds and explains the problems. So a plan that validates costs no pydantic import, and a
plan that does not gets exactly the findings it always got.

The field validators the model runs before its types (``mode="before"``) live here, so the model
and this walk share them.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Optional

from planner.plan.shape_data import MODELS


def whole_number(value: Any) -> Any:
    """``5.0`` is the integer 5, as in JSON Schema (``type: integer``) and so in every editor."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def false_means_none(value: Any) -> Any:
    """YAML 1.1 reads ``none``-like words such as ``no``/``off`` as false: take them as ``none``."""
    return "none" if value is False else value


def version_number(value: Any) -> Any:
    """A version is a whole number; ``true`` (which Python counts as 1) is not one."""
    if isinstance(value, bool):
        return str(value).lower()  # fails the Literal, as it fails the schema's enum
    return whole_number(value)


def first_connector(data: Any) -> Any:
    """A BU has one connector; given a list, validate its first entry (AE102 says why)."""
    if isinstance(data, dict) and isinstance(data.get("connector"), list) and data["connector"]:
        return {**data, "connector": data["connector"][0]}
    return data


BEFORE: dict[str, Callable[[Any], Any]] = {
    "whole_number": whole_number,
    "false_means_none": false_means_none,
    "version_number": version_number,
    "first_connector": first_connector,
}
"""The ``mode="before"`` validators by the names :data:`~planner.plan.shape_data.MODELS` uses."""


class _Declined(Exception):
    """The walk met something only pydantic should judge."""


def normalised(data: Any) -> Optional[dict[str, Any]]:
    """The plan's data as the model dumps it (JSON mode, no ``None``), or None: ask pydantic."""
    try:
        return _model("Plan", data)
    except _Declined:
        return None
    except RecursionError:  # pragma: no cover - the loader bounds nesting far below this
        return None


def _model(name: str, value: Any) -> dict[str, Any]:
    before, fields, known = MODELS[name]
    for step in before:
        value = BEFORE[step](value)
    if type(value) is not dict:
        raise _Declined
    for key in value:
        if key not in known:
            raise _Declined
    out: dict[str, Any] = {}
    for field, kind, default, validator in fields:
        if field in value:
            given = value[field]
            if validator:
                given = BEFORE[validator](given)
            result = _value(kind, given)
        else:
            result = _default(default)
        if result is not None:
            out[field] = result
    return out


def _default(default: tuple[Any, ...]) -> Any:
    how = default[0]
    if how == "none":
        return None
    if how == "value":
        return default[1]
    if how == "list":
        return []
    if how == "dict":
        return {}
    if how == "model":
        return _model(default[1], {})
    raise _Declined  # required and missing


def _value(kind: tuple[Any, ...], value: Any) -> Any:
    what = kind[0]
    if what == "opt":
        return None if value is None else _value(kind[1], value)
    if what == "str":
        if type(value) is not str or len(value) < kind[1] or not _encodable(value):
            raise _Declined
        return value
    if what == "lit":
        if type(value) not in (str, int) or value not in kind[1]:
            raise _Declined
        if type(value) is str and not _encodable(value):  # pragma: no cover - literals are ASCII
            raise _Declined
        return value
    if what == "bool":
        if type(value) is not bool:
            raise _Declined
        return value
    if what == "int":
        if type(value) is not int or (kind[1] is not None and value < kind[1]):
            raise _Declined
        return value
    if what == "model":
        return _model(kind[1], value)
    if what == "list":
        if type(value) is not list or len(value) < kind[2]:
            raise _Declined
        return [_value(kind[1], item) for item in value]
    if what == "dict":
        if type(value) is not dict:
            raise _Declined
        out = {}
        for key, item in value.items():
            if type(key) is not str or not _encodable(key):
                raise _Declined
            out[key] = _value(kind[1], item)
        return out
    if what == "scalar":
        return _scalar(value)
    raise _Declined  # pragma: no cover - shape_export writes only the kinds above


def _scalar(value: Any) -> Any:
    """``Union[str, bool, int, float]``: each kept as it is (a float only when finite)."""
    kind = type(value)
    if kind is str:
        if not _encodable(value):
            raise _Declined
        return value
    if kind is bool or kind is int:
        return value
    if kind is float and math.isfinite(value):
        return value
    raise _Declined


def _encodable(text: str) -> bool:
    """Not a lone surrogate (pydantic refuses those): what UTF-8 can encode."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
