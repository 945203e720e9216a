"""Plan variants: a copy of the plan with one business unit's sync method decisions changed."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Optional

from planner import pointers

INTEGRATION_USER = "integration_user"
CUSTOM_USER = "custom_user"
ALL_RECORDS = "all_records"
MDS = "marketing_data_sharing"
PERMISSION_SET = "Account Engagement Connector User"
# Unique per business unit, so placeholder rules never overlap (AE307) or match a mapped field.
PLACEHOLDER_FIELD = "AEPLAN_PLACEHOLDER__c"
# The parts of a business unit a variant may change (and so copies and validates again).
EDITED = ("connector", "sync", "rollout")


@dataclass(frozen=True)
class OptionKind:
    """One sync method: who the connector logs in as, and which records it syncs."""

    user: str
    scope: str

    @property
    def id(self) -> str:
        """A stable identifier such as ``integration_user+marketing_data_sharing``."""
        return f"{self.user}+{self.scope}"

    @property
    def custom(self) -> bool:
        """True for the custom connector user."""
        return self.user == CUSTOM_USER

    @property
    def mds(self) -> bool:
        """True for Marketing Data Sharing."""
        return self.scope == MDS

    @property
    def needs_v2(self) -> bool:
        """The integration user (F04) and MDS (F05) need connector v2."""
        return self.mds or not self.custom


OPTION_KINDS: tuple[OptionKind, ...] = (
    OptionKind(INTEGRATION_USER, ALL_RECORDS),
    OptionKind(INTEGRATION_USER, MDS),
    OptionKind(CUSTOM_USER, ALL_RECORDS),
    OptionKind(CUSTOM_USER, MDS),
)


@dataclass(frozen=True)
class Change:
    """A decision the variant changes: ``key`` names the wording, ``pointer`` the plan location."""

    key: str
    pointer: str
    before: str
    after: str


@dataclass(frozen=True)
class Variant:
    """A changed copy of the normalised plan and what the change implies."""

    kind: OptionKind
    index: int
    data: dict[str, Any]
    as_written: bool
    placeholders: tuple[str, ...]
    needs: tuple[tuple[str, tuple[str, ...]], ...]
    steps: tuple[str, ...]
    changes: tuple[Change, ...]


class _Builder:
    """Collects the edits, placeholders, needs and steps of one variant."""

    def __init__(self, data: dict[str, Any], index: int, kind: OptionKind) -> None:
        # Only the parts a variant edits are copied: the rest is shared with ``data``, which is
        # never changed, so a variant costs the size of its unit's decisions, not of the plan.
        self.unit: dict[str, Any] = {
            key: _copied(value) if key in EDITED else value
            for key, value in data["business_units"][index].items()
        }
        units = list(data["business_units"])
        units[index] = self.unit
        self.plan = {**data, "business_units": units}
        self.index = index
        self.kind = kind
        self.connector: dict[str, Any] = self.unit.setdefault("connector", {})
        self.sync: dict[str, Any] = self.unit.setdefault("sync", {})
        self.written_user: Optional[str] = self.connector.get("user")
        self.written_scope: str = self.sync.get("scope", ALL_RECORDS)
        self.placeholders: list[str] = []
        self.needs: list[tuple[str, tuple[str, ...]]] = []
        self.steps: list[str] = []
        self.changes: list[Change] = []
        self.as_written = (self.written_user, self.written_scope) == (kind.user, kind.scope)
        # What the plan's own choice already needs is the plan's business: a variant neither adds
        # it nor upgrades for it, so the option as written says what ``aeplan lint`` says and the
        # other options do not win by quietly fixing what every option needs.
        self.written_steps: set[str] = set()
        if self.written_scope == MDS:
            self.written_steps.update((MDS, "field_level_security"))
        if self.written_user == CUSTOM_USER:
            self.written_steps.update(("connector_user_permissions", "field_level_security"))
        self.written_needs_v2 = self.written_scope == MDS or self.written_user == INTEGRATION_USER

    def at(self, *segments: str | int) -> str:
        return pointers.join(f"/business_units/{self.index}", *segments)

    def set(self, holder: dict[str, Any], key: str, value: Any, *segments: str) -> None:
        before = holder.get(key)
        if before != value:
            holder[key] = value
            shown = "" if before is None else str(before)
            self.changes.append(Change("set", self.at(*segments), shown, str(value)))

    def plan_step(self, step: str) -> None:
        if step in self.written_steps:
            return
        rollout = self.unit.setdefault("rollout", {})
        before_unpause = rollout.setdefault("before_unpause", [])
        if step not in before_unpause:
            before_unpause.append(step)


def _copied(value: Any) -> Any:
    """A deep copy of normalised (JSON) plan data: new dicts and lists, the same scalars."""
    if type(value) is dict:
        return {key: _copied(child) for key, child in value.items()}
    if type(value) is list:
        return [_copied(child) for child in value]
    if isinstance(value, (dict, list)):
        return copy.deepcopy(value)
    return value


def build_variant(data: dict[str, Any], index: int, kind: OptionKind) -> Variant:
    """The plan with business unit ``index`` switched to ``kind``; missing data as placeholders."""
    build = _Builder(data, index, kind)
    if kind.needs_v2 and not build.written_needs_v2 and build.connector.get("version") == 1:
        build.set(build.connector, "version", 2, "connector", "version")
        build.steps.append("upgrade_to_v2")
    build.set(build.connector, "user", kind.user, "connector", "user")
    build.set(build.sync, "scope", kind.scope, "sync", "scope")
    _scope(build)
    _user(build)
    return Variant(
        kind=kind,
        index=index,
        data=_normalised(build.plan, index),
        as_written=build.as_written,
        placeholders=tuple(build.placeholders),
        needs=tuple(build.needs),
        steps=tuple(build.steps),
        changes=tuple(build.changes),
    )


def _scope(build: _Builder) -> None:
    rules: list[dict[str, Any]] = build.sync.setdefault(MDS, [])
    if not build.kind.mds:
        if build.written_scope == MDS and rules:
            build.changes.append(Change("remove_rules", build.at("sync", MDS), str(len(rules)), ""))
            rules.clear()
        return
    present = {rule.get("object") for rule in rules}
    missing = tuple(name for name in ("lead", "contact") if name not in present)
    for name in missing:
        build.placeholders.append(build.at("sync", MDS, len(rules)))
        value = f"aeplan placeholder {build.index + 1}"
        rules.append({"object": name, "field": PLACEHOLDER_FIELD, "value": value})
    if missing:
        build.needs.append(("mds_rules", missing))
    build.plan_step(MDS)
    build.plan_step("field_level_security")  # the rule fields need connector-user access (AE317)
    if build.written_scope != MDS:
        build.steps.append("set_up_mds")
        if build.connector.get("state") == "active":
            build.steps.append("pause_for_mds")
        if not str(build.plan.get("team", {}).get("implementation_partner") or "").strip():
            build.steps.append("engage_partner")


def _user(build: _Builder) -> None:
    multi = len(build.plan["business_units"]) > 1
    if not build.kind.custom:
        if build.written_user == CUSTOM_USER:
            build.steps.append("switch_in_lightning")
        return
    custom = build.connector.get(CUSTOM_USER)
    if not isinstance(custom, dict):
        build.connector[CUSTOM_USER] = {"permission_sets": [PERMISSION_SET]}
        build.placeholders.append(build.at("connector", CUSTOM_USER))
        build.needs.append(("custom_user", ()))
    elif custom.get("license") in (None, "none"):
        custom["license"] = "sales_cloud"
        build.placeholders.append(build.at("connector", CUSTOM_USER, "license"))
        build.needs.append(("licence", ()))
    build.plan_step("connector_user_permissions")
    build.plan_step("field_level_security")
    if build.written_user != CUSTOM_USER:
        build.steps.append("custom_user_setup")
        if multi and not build.kind.mds:
            build.steps.append("limit_sharing")


def _normalised(plan: dict[str, Any], index: int) -> dict[str, Any]:
    """The plan with unit ``index``'s edited parts validated through the model, so they have
    exactly the shape the rules expect (the rest is the analysis's already normalised data)."""
    from planner.plan.model import BusinessUnit

    unit = plan["business_units"][index]
    edited = {key: unit[key] for key in EDITED if key in unit}
    checked = BusinessUnit.model_validate({"name": unit["name"], **edited})
    dumped = checked.model_dump(mode="json", exclude_none=True, include=set(EDITED))
    plan["business_units"][index] = {**unit, **dumped}
    return plan
