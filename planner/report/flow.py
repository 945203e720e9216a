"""What syncs where, as a small graph: business units, connector users, record filters, objects."""

from __future__ import annotations

from dataclasses import dataclass

from planner.plan.model import BusinessUnit
from planner.report.context import ReportContext
from planner.report.summary import connector_words

_STANDARD_OBJECTS = ("lead", "contact", "opportunity")


@dataclass(frozen=True)
class FlowUser:
    """A connector user node (the integration user is one node shared by the org's units)."""

    id: str
    label: str
    detail: str


@dataclass(frozen=True)
class FlowUnit:
    """A business unit, the user it connects as, and the records it lets through."""

    id: str
    name: str
    detail: str
    user_id: str
    filter_title: str
    filter_lines: tuple[str, ...]
    two_way: tuple[str, ...]


@dataclass(frozen=True)
class FlowObject:
    """A Salesforce object and which way its records flow."""

    id: str
    label: str
    direction: str
    two_way: bool


@dataclass(frozen=True)
class Flow:
    """The whole picture for one plan."""

    ae_title: str
    org_title: str
    units: tuple[FlowUnit, ...]
    users: tuple[FlowUser, ...]
    objects: tuple[FlowObject, ...]
    shared_user: bool


def build(context: ReportContext) -> Flow:
    """The graph of the plan's business units and what they sync."""
    units = context.units
    keys = [_user_key(unit, index) for index, unit in enumerate(units)]
    shared = len(set(keys)) == 1
    users: dict[str, FlowUser] = {}
    flow_units = []
    for index, unit in enumerate(units):
        user_id = "user" if shared else f"user{index}"
        users.setdefault(user_id, _user(context, unit, user_id))
        flow_units.append(_unit(context, unit, index, user_id))
    return Flow(
        ae_title=context.words("flow.ae"),
        org_title=context.words("flow.org", org=context.plan.salesforce.org),
        units=tuple(flow_units),
        users=tuple(users.values()),
        objects=_objects(context),
        shared_user=shared,
    )


def _user_key(unit: BusinessUnit, index: int) -> str:
    if unit.connector.user == "integration_user":
        return "integration_user"
    return f"other{index}"


def _user(context: ReportContext, unit: BusinessUnit, user_id: str) -> FlowUser:
    words = context.words
    kind = unit.connector.user or "unset"
    custom = unit.connector.custom_user
    detail = custom.username if custom and custom.username else words(f"flow.user.{kind}.detail")
    return FlowUser(user_id, words(f"flow.user.{kind}.label"), detail or "")


def _unit(context: ReportContext, unit: BusinessUnit, index: int, user_id: str) -> FlowUnit:
    words = context.words
    if unit.sync.scope == "marketing_data_sharing":
        title = words("flow.filter.mds")
        lines = tuple(
            words(
                "flow.filter.rule",
                object=context.object_label(rule.object),
                field=rule.field,
                value=context.value_text(rule.value),
            )
            for rule in unit.sync.marketing_data_sharing
        ) or (words("decision.scope.no_rules"),)
    else:
        title = words("flow.filter.all")
        lines = (words("flow.filter.all_detail"),)
    two_way = ["lead", "contact"]
    if unit.sync.person_accounts in ("sync", "instead_of_leads"):
        two_way.append("person_account")
    return FlowUnit(
        id=f"bu{index}",
        name=unit.name,
        detail=connector_words(context, unit),
        user_id=user_id,
        filter_title=title,
        filter_lines=lines,
        two_way=tuple(two_way),
    )


def _objects(context: ReportContext) -> tuple[FlowObject, ...]:
    words = context.words
    units = context.units
    names = ["lead", "contact"]
    if any(unit.sync.person_accounts in ("sync", "instead_of_leads") for unit in units):
        names.append("person_account")
    names += ["account", "opportunity"]
    if any(
        unit.sync.connected_campaigns and unit.sync.connected_campaigns.enabled for unit in units
    ):
        names.append("campaign")
    if any(
        rule.object.lower() not in _STANDARD_OBJECTS
        for unit in units
        for rule in unit.sync.marketing_data_sharing
    ):
        names.append("custom_object")
    two_way = {"lead", "contact", "person_account"}
    return tuple(
        FlowObject(
            id=f"sf_{name}",
            label=words(f"object.{name}"),
            direction=words(f"flow.direction.{name}"),
            two_way=name in two_way,
        )
        for name in names
    )
