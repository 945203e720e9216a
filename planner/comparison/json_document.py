"""The comparison as a stable, documented JSON document (see docs/compare.md; version 1)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from planner.comparison.results import Comparison, Item, Noted, Option, UnitComparison

FORMAT_VERSION = 1


def render(comparison: Comparison, stream: TextIO) -> None:
    """Write the document as indented UTF-8 JSON."""
    stream.write(json.dumps(document(comparison), ensure_ascii=False, indent=2) + "\n")


def document(comparison: Comparison) -> dict[str, Any]:
    """The JSON document as plain data."""
    return {
        "version": FORMAT_VERSION,
        "file": comparison.file,
        "lang": comparison.lang,
        "org": comparison.org,
        "business_unit_count": len(comparison.units),
        "in_every_option": [_finding(noted) for noted in comparison.in_every_option],
        "business_units": [_unit(unit) for unit in comparison.units],
    }


def _unit(unit: UnitComparison) -> dict[str, Any]:
    recommendation = unit.recommendation
    return {
        "name": unit.name,
        "pointer": f"/business_units/{unit.index}",
        "as_written": unit.written,
        "options": [_option(option) for option in unit.options],
        "in_every_option": [_finding(noted) for noted in unit.in_every_option],
        "recommendation": {
            "option": recommendation.option,
            "label": recommendation.label,
            "as_written": recommendation.as_written,
            "reason": recommendation.reason,
            "facts": list(recommendation.facts),
            "others": [{"option": item.id, "why_not": item.text} for item in recommendation.others],
        },
    }


def _option(option: Option) -> dict[str, Any]:
    licences = option.licences
    return {
        "id": option.id,
        "label": option.label,
        "connector_user": option.user,
        "sync_scope": option.scope,
        "as_written": option.as_written,
        "blocked": option.blocked,
        "errors": [_finding(noted) for noted in option.errors],
        "warnings": [_finding(noted) for noted in option.warnings],
        "infos": [_finding(noted) for noted in option.infos],
        "left_out_for_missing_data": list(option.placeholder_codes),
        "licences": {
            "needed": licences.needed,
            "needed_by_plan": licences.total,
            "available": licences.available,
            "blocked": licences.blocked,
            "text": licences.text,
        },
        "syncs": _item(option.syncs),
        "several_business_units": _item(option.several_business_units),
        "needs": [_item(item) for item in option.needs],
        "steps": [_item(item) for item in option.steps],
        "changes": [
            {**_item(item), "before": item.before, "after": item.after} for item in option.changes
        ],
    }


def _item(item: Item) -> dict[str, Any]:
    shown: dict[str, Any] = {"id": item.id, "text": item.text}
    if item.facts:
        shown["facts"] = list(item.facts)
    if item.pointer:
        shown["pointer"] = item.pointer
    return shown


def _finding(noted: Noted) -> dict[str, Any]:
    return {
        "code": noted.code,
        "name": noted.name,
        "severity": noted.severity,
        "message": noted.message,
        "pointer": noted.pointer,
    }
