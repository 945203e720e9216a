"""Check loaded data against the plan model; turn every mismatch into a positioned problem."""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from planner import i18n, pointers
from planner.findings import Edit
from planner.plan import fixes
from planner.plan import structure_fixes as amend
from planner.plan.secrets import MASK, holds_private_key, names_secret
from planner.plan.shape import normalised
from planner.plan.source import LoadedPlan, Problem
from planner.plan.vocabulary import FORMAT_VERSIONS

if TYPE_CHECKING:
    from pydantic import ValidationError

    from planner.plan.model import Plan

_TYPE_ERRORS = {
    "string_type": "text",
    "int_type": "integer",
    "int_from_float": "integer",
    "float_type": "number",
    "bool_type": "boolean",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
}
MAX_PROBLEMS = 200
_BOUND_ERRORS = {"greater_than_equal": "ge", "greater_than": "gt", "less_than_equal": "le"}


@dataclass(frozen=True)
class Validation:
    """The plan's data as the model reads it (when the data fits the format: see
    :func:`typed_plan`) and every structural problem found."""

    data: Optional[dict[str, Any]]
    """``Plan.model_dump(mode="json", exclude_none=True)``: the model's order, defaults filled."""
    problems: list[Problem]


def typed_plan(data: dict[str, Any]) -> Plan:
    """The typed plan of data that :func:`validate` found valid (pydantic, imported here)."""
    from planner.plan.model import Plan

    return Plan.model_validate({**data, "aeplan": FORMAT_VERSIONS[-1]})


def checked(loaded: LoadedPlan) -> tuple[Optional[dict[str, Any]], list[Problem]]:
    """The loaded plan's data for the rules, and every problem: the loader's and the format's.

    Every loader problem is fatal, a duplicate key (AE004) too: the data holds the last value
    while positions may point into the first, so rules would contradict the text. The data is
    None then, and when the format is not met.
    """
    problems = list(loaded.problems)
    if loaded.data is None and problems:
        return None, problems
    validation = validate(loaded)
    problems.extend(validation.problems)
    return (validation.data if not loaded.problems else None), problems


def validate(loaded: LoadedPlan) -> Validation:
    """Validate loaded data; the format version first (AE005), then the model (AE002, AE003)."""
    data = loaded.data
    if not isinstance(data, dict):
        reason = "empty" if data is None else "not_mapping"
        kind = "" if data is None else describe(data)
        return Validation(None, [_problem(loaded, "AE002", "", {"reason": reason, "got": kind})])
    problems: list[Problem] = []
    version = data.get("aeplan")
    if isinstance(version, float) and version.is_integer():
        version = int(version)  # `1.0` is 1, as JSON Schema's `const: 1` says
    if "aeplan" not in data:
        missing = _problem(loaded, "AE005", "", {"reason": "missing"})
        problems.append(replace(missing, edit=fixes.version_edit(loaded)))
    elif type(version) is not int or version not in FORMAT_VERSIONS:
        params = {"reason": "unsupported", "value": _shown(version)}
        found = _problem(loaded, "AE005", "/aeplan", params, prefer_key=False)
        if isinstance(version, str) and version.strip().isdigit():
            number = str(int(version.strip()))
            if int(number) in FORMAT_VERSIONS:
                found = replace(found, edit=fixes.value_edit(loaded, "/aeplan", version, number,
                                                             safe=True))  # fmt: skip
        problems.append(found)
    # A plan that fits the format is read without pydantic; anything else is judged by the model,
    # which names every problem (planner.plan.shape only ever accepts).
    normal = normalised({**data, "aeplan": FORMAT_VERSIONS[-1]})
    if normal is None:
        from pydantic import ValidationError

        try:
            normal = typed_plan(data).model_dump(mode="json", exclude_none=True)
        except ValidationError as error:
            problems.extend(_from_errors(loaded, error))
    return Validation(normal if not problems else None, problems)


def _from_errors(loaded: LoadedPlan, error: ValidationError) -> list[Problem]:
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    by_pointer: dict[str, list[dict[str, Any]]] = {}
    details: list[dict[str, Any]] = [dict(d) for d in error.errors(include_url=False)]
    for detail in details:
        pointer = _pointer_in(loaded.data, detail["loc"], detail["type"] == "missing")
        grouped.setdefault((pointer, detail["type"]), []).append(detail)
        by_pointer.setdefault(pointer, []).append(detail)
    problems: list[Problem] = []
    seen_type_errors: set[str] = set()
    for (pointer, kind), details in grouped.items():
        if len(problems) >= MAX_PROBLEMS:
            return [*problems, _too_many(loaded, len(grouped))]
        if kind in _TYPE_ERRORS or kind == "literal_error":
            if pointer in seen_type_errors:
                continue
            seen_type_errors.add(pointer)
            problems.append(_value_problem(loaded, pointer, by_pointer[pointer]))
        else:
            problems.append(_other_problem(loaded, pointer, kind, details[0]))
    return problems


def _too_many(loaded: LoadedPlan, count: int) -> Problem:
    """One closing problem instead of thousands (a hostile file with 100,000 unknown keys)."""
    params = {"limit": "problems", "value": str(MAX_PROBLEMS), "count": str(count)}
    return Problem("AE006", "", loaded.position(""), params)


def _value_problem(loaded: LoadedPlan, pointer: str, details: list[dict[str, Any]]) -> Problem:
    given = details[0]["input"]
    allowed = [
        str(option)
        for detail in details
        if detail["type"] == "literal_error"
        for option in _literal_options(detail)
    ]
    if pointer in loaded.bool_words and allowed:
        word = loaded.bool_words[pointer]
        params = {"reason": "bool_word", "word": word, "allowed": i18n.LIST_SEPARATOR.join(allowed)}
        extra, change = amend.bool_word(loaded, pointer, word, allowed)
        return _problem(loaded, "AE002", pointer, {**params, **extra}, False, change)
    numeric_options = all(option.lstrip("-").isdigit() for option in allowed)
    if (
        allowed
        and not isinstance(given, (dict, list))
        and not (numeric_options and isinstance(given, str))
    ):
        params = {
            "reason": "enum",
            "value": _shown(given, pointer),
            "allowed": i18n.LIST_SEPARATOR.join(allowed),
        }
        extra, change = amend.enum_value(loaded, pointer, given, allowed)
        return _problem(loaded, "AE002", pointer, {**params, **extra}, False, change)
    kinds = {_TYPE_ERRORS[d["type"]] for d in details if d["type"] in _TYPE_ERRORS}
    if "number" in kinds:  # a union taking both: "a number" already says a whole one will do
        kinds.discard("integer")
    expected = sorted(kinds)
    if allowed:
        expected = ["one_of"]
    params = {"reason": "type", "expected": "|".join(expected), "got": describe(given)}
    extra, change = amend.NOTHING
    if allowed:
        params["allowed"] = i18n.LIST_SEPARATOR.join(allowed)
        extra, change = amend.quoted_number(loaded, pointer, given, allowed)
    elif expected == ["boolean"]:
        extra, change = amend.quoted_boolean(loaded, pointer, given)
    elif expected == ["list"]:
        options = _list_item_options(details[0]["loc"])
        extra, change = amend.text_for_list(loaded, pointer, given, options)
    return _problem(loaded, "AE002", pointer, {**params, **extra}, False, change)


def _list_item_options(loc: tuple[Any, ...]) -> list[str]:
    """The words a list field's items may take (``before_unpause``'s steps), else ``[]``."""
    from planner.plan.model import Plan

    model: Any = Plan
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if _is_model(model) else None
        if field is None:
            return []
        model = _model_in(field.annotation)
    field = model.model_fields.get(loc[-1]) if _is_model(model) else None
    if field is None:
        return []
    return [str(option) for item in typing.get_args(field.annotation)
            for option in typing.get_args(item)]  # fmt: skip


def _other_problem(loaded: LoadedPlan, pointer: str, kind: str, detail: dict[str, Any]) -> Problem:
    context = detail.get("ctx") or {}
    if kind == "missing":
        return _problem(loaded, "AE002", pointers.parent(pointer), {
            "reason": "missing", "key": pointers.split(pointer)[-1],
        })  # fmt: skip
    if kind == "extra_forbidden":
        key = pointers.split(pointer)[-1]
        known = tuple(_known_keys(detail["loc"][:-1]))
        extra, change = amend.unknown_key(loaded, pointer, key, known)
        suggestion = extra.get("suggestion") or _closest(key, known)
        params = {"key": key, "suggestion": suggestion}
        return _problem(loaded, "AE003", pointer, params, edit=change)
    if kind in _BOUND_ERRORS:
        bound = next(iter(context.values()), "")
        params = {"reason": _BOUND_ERRORS[kind], "bound": str(bound)}
        return _problem(loaded, "AE002", pointer, params, prefer_key=False)
    if kind == "string_too_short":
        return _problem(loaded, "AE002", pointer, {"reason": "empty_text"}, prefer_key=False)
    if kind == "too_short":
        params = {"reason": "too_few", "count": str(context.get("min_length", 1))}
        return _problem(loaded, "AE002", pointer, params, prefer_key=False)
    value = _shown(detail.get("input"), pointer)
    if kind == "int_parsing_size":  # beyond 64 bits: ``version: 99999999999999999999``
        allowed = _list_item_options(detail["loc"])
        if allowed:
            params = {
                "reason": "enum",
                "value": value,
                "allowed": i18n.LIST_SEPARATOR.join(allowed),
            }
            return _problem(loaded, "AE002", pointer, params, prefer_key=False)
        return _problem(loaded, "AE002", pointer, {"reason": "too_large", "value": value}, False)
    # Any other kind pydantic may add: a catalogue sentence, never pydantic's own English.
    return _problem(loaded, "AE002", pointer, {"reason": "invalid", "value": value}, False)


def _literal_options(detail: dict[str, Any]) -> list[Any]:
    expected = str((detail.get("ctx") or {}).get("expected", ""))
    return [part.strip(" '\"") for part in expected.replace(" or ", ",").split(",") if part.strip()]


def _pointer_in(data: Any, loc: tuple[Any, ...], missing: bool = False) -> str:
    """Follow a pydantic location through the data, skipping union-branch labels."""
    segments: list[Any] = []
    current = data
    for index, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str):
            if part not in current and not (missing and index == len(loc) - 1):
                continue  # a union-branch label (``str``, ``int``) after a mapping value
            segments.append(part)
            current = current.get(part, _ABSENT)
            if part == "connector" and isinstance(current, list) and current:
                segments.append(0)
                current = current[0]
        elif isinstance(current, list) and isinstance(part, int):
            segments.append(part)
            current = current[part] if part < len(current) else _ABSENT
        elif current is _ABSENT and isinstance(part, (str, int)):
            segments.append(part)
    return pointers.from_segments(segments)


_ABSENT: Any = object()
"""A key the data lacks (a ``missing`` error's place), unlike a key written as ``null``: after a
null value pydantic's location goes on only with union-branch labels, which are not places."""


def _known_keys(loc: tuple[Any, ...]) -> list[str]:
    from planner.plan.model import Plan

    model: Any = Plan
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if _is_model(model) else None
        if field is None:
            return []
        model = _model_in(field.annotation)
    return list(model.model_fields) if _is_model(model) else []


def _model_in(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _is_model(candidate: Any) -> bool:
    from pydantic import BaseModel

    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


@lru_cache(maxsize=1024)
def _closest(key: str, known: tuple[str, ...]) -> str:
    matches = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return matches[0] if matches else ""


def _problem(
    loaded: LoadedPlan,
    code: str,
    pointer: str,
    params: dict[str, str],
    prefer_key: bool = True,
    edit: Optional[Edit] = None,
) -> Problem:
    return Problem(code, pointer, loaded.position(pointer, prefer_key=prefer_key), params, edit)


def describe(value: Any) -> str:
    """The YAML kind of a value, as a word the phrase catalogue translates."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    return "mapping"


def _shown(value: Any, pointer: str = "") -> str:
    if holds_private_key(value) or any(names_secret(key) for key in pointers.split(pointer)):
        return MASK
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"
