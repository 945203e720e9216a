"""The "What syncs where" section: the flow diagram and each business unit's field mappings."""

from __future__ import annotations

from dataclasses import dataclass

from planner.plan.model import FieldMapping
from planner.report import drawing, flow, sources
from planner.report.context import ReportContext


@dataclass(frozen=True)
class FieldRow:
    """One mapped field and how it syncs."""

    prospect_field: str
    lead_field: str
    contact_field: str
    type: str
    behavior: str
    note: str


@dataclass(frozen=True)
class UnitFields:
    """The field mappings of one business unit."""

    name: str
    rows: tuple[FieldRow, ...]
    empty: str


@dataclass(frozen=True)
class Syncs:
    """The diagram (as a graph for Mermaid and as a laid-out SVG) and the field tables."""

    flow: flow.Flow
    drawing: drawing.Drawing
    fields: tuple[UnitFields, ...]
    refs: tuple[int, ...]


def build(context: ReportContext) -> Syncs:
    """The picture of what syncs where, and how each mapped field syncs."""
    graph = flow.build(context)
    words = context.words
    headers = (
        words("flow.column.unit"),
        words("flow.column.user"),
        words("flow.column.filter"),
        words("flow.column.org"),
    )
    fields = tuple(
        UnitFields(
            name=unit.name,
            rows=tuple(_row(context, mapping) for mapping in unit.field_mappings),
            empty=words("fields.none"),
        )
        for unit in context.units
    )
    refs = context.citations.cite(
        sources.url("sync_behavior"), sources.url("default_fields"), sources.url("custom_fields")
    )
    return Syncs(graph, drawing.layout(graph, headers), fields, refs)


def _row(context: ReportContext, mapping: FieldMapping) -> FieldRow:
    words = context.words
    return FieldRow(
        prospect_field=mapping.prospect_field,
        lead_field=mapping.lead_field or "—",
        contact_field=mapping.contact_field or "—",
        type=words(f"field_type.{mapping.type}") if mapping.type else "—",
        behavior=words(f"behavior.{mapping.behavior}"),
        note=_note(context, mapping),
    )


def _note(context: ReportContext, mapping: FieldMapping) -> str:
    words = context.words
    notes = []
    if mapping.type in ("lookup", "geolocation"):
        notes.append(words("fields.note.cannot_sync"))
    lead, contact = mapping.lead_field, mapping.contact_field
    if lead and contact and lead != contact and (lead.endswith("__c") or contact.endswith("__c")):
        notes.append(words("fields.note.api_names"))
    if mapping.behavior == "most_recent":
        notes.append(words("fields.note.recent"))
    return words("owner.joiner").join(notes)
