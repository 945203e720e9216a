"""``aeplan explain <plan key>``: what a key of the plan format means, what it takes, an example.

Keys are written with dots and without list indexes (``business_units.sync.scope``); ``plan``
names the top level. The meaning, in English and Japanese, is the one editors show on hover: the
JSON Schema descriptions kept in ``templates/i18n/schema.yaml`` (one source for both).
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from planner import i18n
from planner.plan.model import Plan
from planner.plan.schema_export import descriptions

TOP = "plan"


@dataclass(frozen=True)
class PlanKey:
    """One key of the plan format: where it is, its field, and the model it holds (if any)."""

    dotted: str
    field: Optional[FieldInfo]
    model: Optional[type[BaseModel]]
    owner: str = "Plan"
    """The model the key belongs to (``Sync`` for ``business_units.sync.scope``)."""


def find(wanted: str) -> Optional[PlanKey]:
    """The key ``wanted`` (dots, ``/`` pointers and list indexes accepted), or None."""
    parts = [p for p in wanted.strip().replace("/", ".").split(".") if p and not p.isdigit()]
    if parts in ([], [TOP]):
        return PlanKey(TOP, None, Plan)
    model: Optional[type[BaseModel]] = Plan
    field: Optional[FieldInfo] = None
    owner = Plan.__name__
    for part in parts:
        if model is None or part not in model.model_fields:
            return None
        owner = model.__name__
        field = model.model_fields[part]
        model = _model_in(field.annotation)
    return PlanKey(".".join(parts), field, model, owner)


def every_key() -> Iterator[str]:
    """Every dotted key of the plan format, depth first in model order."""
    yield from _walk(Plan, "")


def _walk(model: type[BaseModel], prefix: str) -> Iterator[str]:
    for name, field in model.model_fields.items():
        dotted = prefix + name
        yield dotted
        inner = _model_in(field.annotation)
        if inner is not None:
            yield from _walk(inner, dotted + ".")


def _model_in(annotation: Any) -> Optional[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def allowed_values(annotation: Any) -> list[str]:
    """The words or numbers a Literal (or a list of them) allows, else ``[]``."""
    if typing.get_origin(annotation) is typing.Literal:
        return [str(value) for value in typing.get_args(annotation)]
    return [value for argument in typing.get_args(annotation) for value in allowed_values(argument)]


def meaning(key: PlanKey, lang: str) -> str:
    """What the key means in ``lang`` (the JSON Schema description editors show), or ""."""
    name = TOP.capitalize() if key.dotted == TOP else f"{key.owner}.{key.dotted.rsplit('.', 1)[-1]}"
    entry = descriptions().get(name, {})
    # A language code into the schema's own description data (not aeplan's wording).
    return str(entry.get("ja" if lang == "ja" else "en", ""))


def explain_key(key: PlanKey, lang: str) -> str:
    """The terminal text of ``aeplan explain <plan key>``."""
    lines = [f"{key.dotted}", "", meaning(key, lang)]
    field = key.field
    if field is not None:
        values = allowed_values(field.annotation)
        if values:
            lines += [
                "",
                i18n.fill("explain.allowed", lang, values=i18n.LIST_SEPARATOR.join(values)),
            ]
        lines += ["", i18n.fill(_presence(field), lang, default=_default(field))]
    if key.model is not None:
        names = i18n.LIST_SEPARATOR.join(key.model.model_fields)
        lines += ["", i18n.fill("explain.children", lang, keys=names)]
        lines += ["", i18n.fill("explain.more", lang, example=_child_example(key))]
    return "\n".join(lines).rstrip() + "\n"


def _presence(field: FieldInfo) -> str:
    if field.is_required():
        return "explain.required"
    if field.default_factory is not None and _model_in(field.annotation) is not None:
        return "explain.optional_plain"
    return "explain.optional" if field.default is not None else "explain.optional_unset"


def _default(field: FieldInfo) -> str:
    if field.default_factory is not None:
        return "[]"
    value = field.default
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _child_example(key: PlanKey) -> str:
    first = next(iter(key.model.model_fields)) if key.model else ""
    return first if key.dotted == TOP else f"{key.dotted}.{first}"


def unknown(wanted: str) -> Exception:
    """The error for a plan key that does not exist, naming the closest one."""
    import difflib

    from planner.errors import PlannerError
    from planner.terminal import printable

    dotted = ".".join(p for p in wanted.replace("/", ".").split(".") if p and not p.isdigit())
    close = difflib.get_close_matches(dotted, list(every_key()), n=1, cutoff=0.6)
    hint_en = i18n.fill("explain.did_you_mean", "en", close=close[0]) if close else ""
    return PlannerError.keyed(
        "explain.unknown_key", wanted=printable(wanted), hint=hint_en,
        hint_key="explain.did_you_mean" if close else "", close=close[0] if close else "",
    )  # fmt: skip
