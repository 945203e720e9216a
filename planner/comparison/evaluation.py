"""Run the real rule engine on each variant and tabulate what it raises, costs and syncs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional
from weakref import WeakKeyDictionary

from planner import pointers
from planner.comparison import wording
from planner.comparison.incremental import VariantRuns, unit_index
from planner.comparison.results import Item, Licences, Noted, Option
from planner.comparison.variants import CUSTOM_USER, MDS, OPTION_KINDS, Variant, build_variant
from planner.i18n import said
from planner.placeholders import render
from planner.rules.engine import RuleHit

_STEP_FACTS = {
    "upgrade_to_v2": ("F04", "F05", "F07"),
    "set_up_mds": ("F11", "F31", "F32", "F35"),
    "pause_for_mds": ("F12",),
    "engage_partner": ("F11",),
    "custom_user_setup": ("F06", "F23"),
    "limit_sharing": ("F46", "F47"),
    "switch_in_lightning": ("F24",),
}
_SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Evaluated:
    """A variant and the findings that concern its business unit (below it, or about the whole
    plan), placeholders left out."""

    variant: Variant
    hits: tuple[RuleHit, ...]
    placeholder_codes: tuple[str, ...]
    custom_users: int
    """How many units of the variant use a custom connector user."""
    exclusive: bool
    """Whether the variant's MDS units provably select disjoint records (F36)."""


def evaluate_unit(runs: VariantRuns, index: int) -> list[Evaluated]:
    """Every option for business unit ``index`` of the plan ``runs`` holds."""
    evaluated: list[Evaluated] = []
    for kind in OPTION_KINDS:
        variant = build_variant(runs.data, index, kind)
        kept: list[RuleHit] = []
        dropped: set[str] = set()
        for hit in [*runs.hits(variant), *runs.plan_wide(variant)]:
            if any(_below(hit.pointer, holder) for holder in variant.placeholders):
                dropped.add(hit.rule.code)
            else:
                kept.append(hit)
        if variant.as_written and variant.placeholders:
            # What lint says of the unit and a placeholder silenced is left out, and says so.
            seen = {(hit.rule.code, hit.pointer) for hit in kept}
            written = _baseline_by_unit(runs).get(index, ())
            dropped.update(code for code, pointer in written if (code, pointer) not in seen)
        custom = runs.count_units(_custom_user, variant)
        exclusive = variant.kind.mds and runs.exclusive(variant)
        evaluated.append(Evaluated(variant, tuple(kept), tuple(sorted(dropped)), custom, exclusive))
    return evaluated


_BY_UNIT: WeakKeyDictionary[VariantRuns, dict[int, list[tuple[str, str]]]] = WeakKeyDictionary()


def _baseline_by_unit(runs: VariantRuns) -> dict[int, list[tuple[str, str]]]:
    """The plan's own (code, pointer) hits by business unit, grouped once per plan."""
    grouped = _BY_UNIT.get(runs)
    if grouped is None:
        grouped = {}
        for code, pointer in sorted(runs.baseline):
            index = unit_index(pointer)
            if index is not None:
                grouped.setdefault(index, []).append((code, pointer))
        _BY_UNIT[runs] = grouped
    return grouped


def common_keys(evaluated: Sequence[Evaluated]) -> frozenset[tuple[str, str]]:
    """Findings every option raises: they do not depend on the sync method."""
    sets = [{(hit.rule.code, hit.pointer) for hit in item.hits} for item in evaluated]
    return frozenset(set.intersection(*sets)) if sets else frozenset()


def plan_wide_keys(keys: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The findings among ``keys`` that lie outside every business unit (about the whole plan)."""
    return frozenset(key for key in keys if unit_index(key[1]) is None)


def noted(hits: Sequence[RuleHit], lang: str) -> tuple[Noted, ...]:
    """Hits as the comparison shows them, in code then pointer order, one per (code, pointer)."""
    unique = {(hit.rule.code, hit.pointer): hit for hit in reversed(hits)}
    return tuple(
        Noted(
            hit.rule.code,
            hit.rule.name,
            hit.rule.severity.value,
            render(hit.rule.message.get(lang), said(hit.params, lang)),
            hit.pointer,
        )
        for _, hit in sorted(unique.items())
    )


def to_option(item: Evaluated, common: frozenset[tuple[str, str]], lang: str) -> Option:
    """Tabulate one evaluated variant."""
    variant = item.variant
    own = [hit for hit in item.hits if (hit.rule.code, hit.pointer) not in common]
    by_severity = {
        severity: noted([hit for hit in own if hit.rule.severity.value == severity], lang)
        for severity in _SEVERITIES
    }
    licences = _licences(variant, item.custom_users, lang)
    unit = f"/business_units/{variant.index}/"
    needs = [_need(need, objects, unit, lang) for need, objects in variant.needs]
    if licences.needed and licences.available is None:
        needs.append(
            Item(
                "licence_count",
                wording.text("need.licence_count", lang),
                pointer="/salesforce/crm_licenses_available",
            )
        )
    return Option(
        id=variant.kind.id,
        label=wording.text(f"option.{variant.kind.id}", lang),
        user=variant.kind.user,
        scope=variant.kind.scope,
        as_written=variant.as_written,
        errors=by_severity["error"],
        warnings=by_severity["warning"],
        infos=by_severity["info"],
        placeholder_codes=item.placeholder_codes,
        licences=licences,
        syncs=_syncs(variant, lang),
        several_business_units=_several(variant, item.exclusive, lang),
        needs=tuple(needs),
        steps=tuple(
            Item(step, wording.text(f"step.{step}", lang), _STEP_FACTS[step])
            for step in variant.steps
        ),
        changes=tuple(_change(variant, index, lang) for index in range(len(variant.changes))),
    )


def _custom_user(unit: dict[str, Any]) -> bool:
    return bool(unit.get("connector", {}).get("user") == CUSTOM_USER)


def _licences(variant: Variant, total: int, lang: str) -> Licences:
    needed = 1 if variant.kind.custom else 0
    available: Optional[int] = variant.data.get("salesforce", {}).get("crm_licenses_available")
    blocked = bool(needed) and available is not None and total > available
    if not needed:
        shown = wording.text("licences.none", lang)
    elif available is None:
        shown = wording.text("licences.unknown", lang, total=total)
    else:
        shown = wording.text("licences.known", lang, total=total, available=available)
    return Licences(needed, total, available, blocked, shown)


def _syncs(variant: Variant, lang: str) -> Item:
    kind = variant.kind
    if not kind.mds:
        key = "custom_sharing" if kind.custom else "every_record"
        facts = ("F23", "F34") if kind.custom else ("F21",)
        return Item(key, wording.text(f"syncs.{key}", lang), facts)
    unit = variant.data["business_units"][variant.index]
    placeholders = set(variant.placeholders)
    rules = [
        _rule_text(rule, lang)
        for position, rule in enumerate(unit["sync"].get(MDS, []))
        if pointers.join(f"/business_units/{variant.index}", "sync", MDS, position)
        not in placeholders
    ]
    shown = wording.join(rules, lang) if rules else wording.text("syncs.rules_missing", lang)
    key = "custom_mds" if kind.custom else "mds_rules"
    facts = ("F34",) if kind.custom else ("F28",)
    return Item(key, wording.text(f"syncs.{key}", lang, rules=shown), facts)


def _rule_text(rule: dict[str, Any], lang: str) -> str:
    value = rule.get("value")
    shown = str(value).lower() if isinstance(value, bool) else str(value)
    return f"{wording.object_name(str(rule.get('object')), lang)} {rule.get('field')} = {shown}"


def _several(variant: Variant, exclusive: bool, lang: str) -> Item:
    if variant.kind.mds:
        if not exclusive:
            return Item("unproven", wording.text("several.unproven", lang), ("F36", "F46"))
        return Item("yes", wording.text("several.yes", lang), ("F36", "F46"))
    if variant.kind.custom:
        return Item("conditional", wording.text("several.conditional", lang), ("F46", "F47"))
    return Item("no", wording.text("several.no", lang), ("F44",))


def _need(need: str, objects: tuple[str, ...], unit: str, lang: str) -> Item:
    if need == "mds_rules":
        names = [wording.object_name(name, lang) for name in objects]
        shown = wording.text("list.and", lang).join(names)
        return Item(
            need,
            wording.text("need.mds_rules", lang, objects=shown),
            ("F35",),
            unit + "sync/marketing_data_sharing",
        )
    pointer = unit + "connector/custom_user" + ("/license" if need == "licence" else "")
    return Item(need, wording.text(f"need.{need}", lang), ("F23",), pointer)


def _change(variant: Variant, index: int, lang: str) -> Item:
    change = variant.changes[index]
    unit = f"/business_units/{variant.index}/"
    key = change.pointer[len(unit) :].replace("/", ".") if change.pointer.startswith(unit) else ""
    if change.key == "remove_rules":
        shown = wording.text("change.remove_rules", lang, count=change.before)
    else:
        before = change.before or wording.text("change.unset", lang)
        shown = wording.text("change.set", lang, setting=key, before=before, after=change.after)
    return Item(change.key, shown, pointer=change.pointer, before=change.before, after=change.after)


def _below(pointer: str, ancestor: str) -> bool:
    return pointer == ancestor or pointer.startswith(ancestor + "/")
