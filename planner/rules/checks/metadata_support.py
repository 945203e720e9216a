"""What the metadata checks share: the plan's fields with their pointers, and related places."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.findings import Related
from planner.metadata.needs import mapped_fields
from planner.rules.checks import BusinessUnitView, PlanContext

if TYPE_CHECKING:
    from planner.metadata.org import Place

WRITING_BEHAVIORS = frozenset({"account_engagement", "most_recent"})
"""Behaviours under which Account Engagement writes the Salesforce field (F79)."""


@dataclass(frozen=True)
class PlanField:
    """A Salesforce field the plan names: where, on which object, and what the connector does."""

    unit: BusinessUnitView
    pointer: str
    object: str
    name: str
    edits: bool
    """The connector user must be able to edit it (MDS rule fields; AE-written mapped fields)."""
    behavior: str = ""
    mds: bool = False

    @property
    def custom(self) -> bool:
        """Custom fields end in ``__c``; standard ones are often absent from retrieved metadata."""
        return self.name.lower().endswith("__c")


def related(*places: Place) -> tuple[Related, ...]:
    """Metadata places as the related locations of a finding."""
    return tuple(Related(place.file, place.line) for place in places)


def plan_fields(context: PlanContext) -> Iterator[PlanField]:
    """Every MDS rule field and every mapped Lead/Contact field, in plan order."""
    for unit in context.business_units():
        rules = unit.get("sync", "marketing_data_sharing") or []
        for index, rule in enumerate(rules):
            yield PlanField(
                unit, unit.at("sync", "marketing_data_sharing", index, "field"),
                _object_name(str(rule["object"])), str(rule["field"]), edits=True, mds=True,
            )  # fmt: skip
        for index, mapping in enumerate(unit.get("field_mappings") or []):
            behavior = str(mapping.get("behavior", ""))
            for mapped in mapped_fields(mapping, index):
                key = mapped.pointer_key or "prospect_field"
                yield PlanField(
                    unit, unit.at("field_mappings", index, key), mapped.object, mapped.name,
                    edits=behavior in WRITING_BEHAVIORS, behavior=behavior,
                )  # fmt: skip


def _object_name(given: str) -> str:
    """Plans write MDS objects in lower case (``lead``); metadata spells them ``Lead``."""
    return given[:1].upper() + given[1:] if given.islower() and "__" not in given else given
