"""Checks of the fields a plan names against the org's metadata (F32 F81 F85 F54)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner.findings import Related
from planner.rules.checks import Hit, PlanContext, check
from planner.rules.checks.metadata_support import PlanField, plan_fields, related

if TYPE_CHECKING:
    from planner.metadata.org import FieldInfo, OrgMetadata


@check("metadata_unreadable")
def metadata_unreadable(context: PlanContext) -> Iterator[Hit]:
    """A metadata file or folder that could not be read safely (hostile, malformed, missing)."""
    metadata = context.metadata
    if metadata is None:
        return
    from planner.metadata.documents import reason_text

    pointer = "/salesforce/metadata" if _declares_metadata(context) else "/salesforce"
    for problem in metadata.problems:
        where = str(related(problem.place)[0])
        yield Hit(
            pointer,
            {
                "file": where,
                "reason": reason_text(problem.reason, problem.detail, "en"),
                "reason_ja": reason_text(problem.reason, problem.detail, "ja"),  # see linting
            },
            related(problem.place),
        )


def _declares_metadata(context: PlanContext) -> bool:
    salesforce = (context.data or {}).get("salesforce") or {}
    return bool(salesforce.get("metadata"))


@check("metadata_field_missing")
def metadata_field_missing(context: PlanContext) -> Iterator[Hit]:
    """A custom field the plan names is not on its object in the retrieved metadata."""
    metadata = context.metadata
    if metadata is None:
        return
    for field in plan_fields(context):
        found = metadata.object(field.object)
        if found is None or not field.custom or field.name.lower() in found.names:
            continue
        close = difflib.get_close_matches(field.name.lower(), list(found.names), n=1, cutoff=0.6)
        yield Hit(
            field.pointer,
            {
                "bu": field.unit.name, "object": found.name, "field": field.name,
                "close": found.names[close[0]] if close else "—",
            },
            related(found.place),
        )  # fmt: skip


@check("metadata_object_not_retrieved")
def metadata_object_not_retrieved(context: PlanContext) -> Iterator[Hit]:
    """An object whose custom fields the plan names is absent from the metadata: not verified."""
    metadata = context.metadata
    if metadata is None or (metadata.problems and not metadata.objects):
        return
    seen: set[str] = set()
    for field in plan_fields(context):
        key = field.object.lower()
        if field.custom and key not in seen and metadata.object(field.object) is None:
            seen.add(key)
            yield Hit(field.pointer, {"object": field.object, "source": metadata.source})


def field_info(metadata: OrgMetadata, field: PlanField) -> FieldInfo | None:
    """The metadata of a plan field, when its file (or inline entry) was read."""
    found = metadata.object(field.object)
    return found.field(field.name) if found is not None else None


@check("most_recent_without_history")
def most_recent_without_history(context: PlanContext) -> Iterator[Hit]:
    """A `most_recent` mapping whose Lead or Contact field has history tracking off (F81)."""
    metadata = context.metadata
    if metadata is None:
        return
    for field in plan_fields(context):
        info = field_info(metadata, field) if field.behavior == "most_recent" else None
        if info is not None and info.track_history is not True:
            pointer = field.pointer.rsplit("/", 1)[0] + "/behavior"
            yield Hit(
                pointer,
                {"bu": field.unit.name, "object": info.object, "field": info.name},
                (Related(info.place.file, info.history_line or info.place.line),),
            )
