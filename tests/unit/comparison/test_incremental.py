"""The comparison's incremental engine says exactly what running every rule on each variant says."""

from __future__ import annotations

import random
from typing import Any

import pytest
import yaml

from planner.comparison.incremental import VariantRuns, changed_paths, same, unit_index
from planner.comparison.variants import OPTION_KINDS, build_variant
from planner.lint.linter import Linter, LintOptions
from planner.plan.model import Plan
from planner.rules.checks import PlanContext
from planner.rules.engine import RuleHit
from planner.rules.exclusivity import provably_exclusive_after, rule_fields
from planner.rules.inputs import rule_inputs
from tests.conftest import SAMPLES, analyse


def _plans() -> list[tuple[str, dict[str, Any]]]:
    """Every valid sample plan, and plans mixing the samples' units (cross-unit rules fire)."""
    linter = Linter()
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(SAMPLES.glob("*/*.yaml")):
        data = linter.analyse_file(path).data
        if data is not None:
            found.append((path.name, data))
    units = [unit for _, data in found for unit in data["business_units"]]
    base = yaml.safe_load((SAMPLES / "good" / "two-bu-mds.yaml").read_text(encoding="utf-8"))
    for seed in range(12):
        rng = random.Random(seed)
        chosen = [units[rng.randrange(len(units))] for _ in range(rng.randint(2, 7))]
        plan = {**base, "business_units": chosen}
        if seed % 2:
            plan["salesforce"] = {**plan["salesforce"], "crm_licenses_available": 1}
        mixed = linter.analyse_bytes(yaml.safe_dump(plan).encode(), f"mixed-{seed}.yaml").data
        assert mixed is not None, seed
        found.append((f"mixed-{seed}", mixed))
    return found


# Cross-unit conditions that one option flips: the only unit with MDS (AE315, AE316), the only v1
# unit (AE302), and MDS rules another unit shares (AE307).
FLIPPING = """
aeplan: 1
salesforce: {org: acme}
team: {salesforce_admin: A, sync_error_owner: B, account_engagement_admins: [C]}
business_units:
  - name: Logs
    connector: {version: 2, user: integration_user}
    sync: {scope: all_records, object_change_log_sync: true}
  - name: Shared
    connector: {version: 2, user: custom_user}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {object: lead, field: BU__c, operator: equals, value: X}
        - {object: contact, field: BU__c, operator: equals, value: X}
  - name: Old
    connector: {version: 1, user: custom_user}
    sync:
      scope: all_records
      marketing_data_sharing:
        - {object: lead, field: BU__c, operator: equals, value: X}
"""


# No unit uses MDS: an MDS option turns AE315 on for the other units.
TURNING_ON = """
aeplan: 1
salesforce: {org: acme}
team: {salesforce_admin: A, sync_error_owner: B, account_engagement_admins: [C]}
business_units:
  - name: Logs
    connector: {version: 2, user: integration_user}
    sync: {scope: all_records, object_change_log_sync: true}
  - name: Plain
    connector: {version: 2, user: integration_user}
  - name: More logs
    connector: {version: 2, user: custom_user}
    sync: {scope: all_records, object_change_log_sync: true}
"""


# Private keys where an option keeps the plan's values (a mapping, the name) and where it
# rewrites them (an MDS rule's value): AE801's delta reuses the first, looks through the second.
KEY = "-----BEGIN PRIVATE KEY-----\\nZmFrZQ==\\n-----END PRIVATE KEY-----"
SECRETS = f"""
aeplan: 1
salesforce: {{org: acme}}
team: {{salesforce_admin: A, sync_error_owner: B, account_engagement_admins: [C]}}
business_units:
  - name: "Keys {KEY}"
    connector: {{version: 2, user: integration_user}}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {{object: lead, field: BU__c, operator: equals, value: "{KEY}"}}
    field_mappings:
      - {{prospect_field: "{KEY}", lead_field: Key__c, type: text, behavior: salesforce}}
  - name: Plain
    connector: {{version: 2, user: custom_user}}
    sync:
      scope: all_records
      marketing_data_sharing:
        - {{object: contact, field: BU__c, operator: equals, value: "{KEY}"}}
"""


# No Salesforce admin named, and no unit has chosen its connector user yet: an option that chooses
# one makes AE206 appear, naming that unit alone (its delta), while the licence count of AE215
# moves with a custom user (its delta).
NO_ADMIN = """
aeplan: 1
salesforce: {org: acme, crm_licenses_available: 0}
team: {sync_error_owner: B, account_engagement_admins: [C]}
business_units:
  - name: First
    connector: {version: 2}
  - name: Second
    connector: {version: 2}
"""


def _plan(name: str, text: str) -> tuple[str, dict[str, Any]]:
    data = Linter().analyse_bytes(text.encode(), f"{name}.yaml").data
    assert data is not None
    return (name, data)


PLANS = [
    *_plans(),
    _plan("flipping", FLIPPING),
    _plan("turning-on", TURNING_ON),
    _plan("secrets", SECRETS),
    _plan("no-admin", NO_ADMIN),
]


def _keys(hits: list[RuleHit]) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    return [(hit.rule.code, hit.pointer, tuple(sorted(hit.params.items()))) for hit in hits]


WITH_ORG_RULES = Linter(LintOptions(rule_dirs=(SAMPLES / "org-rules",)))


@pytest.mark.parametrize("org_rules", [False, True], ids=["built-in", "org-rules"])
@pytest.mark.parametrize(("name", "data"), PLANS, ids=[name for name, _ in PLANS])
def test_variant_hits_equal_a_full_run_on_the_variant(
    linter: Linter, name: str, data: dict[str, Any], org_rules: bool
) -> None:
    linter = WITH_ORG_RULES if org_rules else linter
    runs = VariantRuns(linter.engine, data, None)
    assert PLANS, "no sample plan validated"
    for index in range(len(data["business_units"])):
        unit = f"/business_units/{index}"
        for kind in OPTION_KINDS:
            variant = build_variant(data, index, kind)
            full = linter.engine.run(PlanContext(variant.data, variant.data))
            expected = [
                hit
                for hit in full
                if hit.pointer == unit
                or hit.pointer.startswith(unit + "/")
                or (hit.rule.code, hit.pointer) not in runs.baseline
            ]
            assert _keys(runs.hits(variant)) == _keys(expected), (name, index, kind.id)


@pytest.mark.parametrize(("name", "data"), PLANS, ids=[name for name, _ in PLANS])
def test_a_variant_equals_normalising_the_whole_changed_plan(
    name: str, data: dict[str, Any]
) -> None:
    for index in range(len(data["business_units"])):
        for kind in OPTION_KINDS:
            variant = build_variant(data, index, kind)
            whole = Plan.model_validate(variant.data).model_dump(mode="json", exclude_none=True)
            assert same(variant.data, whole), (name, index, kind.id)


def test_secrets_in_kept_and_rewritten_parts_of_an_option_are_found() -> None:
    data = dict(PLANS)["secrets"]
    runs = VariantRuns(Linter().engine, data, None)
    found = {
        hit.pointer
        for index in range(2)
        for kind in OPTION_KINDS
        for hit in runs.hits(build_variant(data, index, kind))
        if hit.rule.code == "AE801"
    }
    assert {
        "/business_units/0/name",
        "/business_units/0/field_mappings/0/prospect_field",
        "/business_units/0/sync/marketing_data_sharing/0/value",
        "/business_units/1/sync/marketing_data_sharing/0/value",
    } <= found


def test_per_unit_rules_say_of_a_plan_what_they_say_of_each_unit_alone(linter: Linter) -> None:
    per_unit = [rule for rule in linter.rulebook.rules if rule_inputs(rule).per_unit]
    assert len(per_unit) > 40
    for _, data in PLANS:
        units = data["business_units"]
        whole = PlanContext(data, data)
        for rule in per_unit:
            expected = set(_keys(linter.engine.run_rule(rule, whole)))
            found: set[tuple[str, str, tuple[tuple[str, str], ...]]] = set()
            for index, unit in enumerate(units):
                one = {**data, "business_units": [unit]}
                hits = linter.engine.run_rule(rule, PlanContext(one, one, units_in_plan=len(units)))
                for code, pointer, params in _keys(hits):
                    if unit_index(pointer) == 0:
                        pointer = f"/business_units/{index}" + pointer[len("/business_units/0") :]
                    found.add((code, pointer, params))
            assert found == expected, rule.code


def test_changed_paths_name_the_outermost_differences() -> None:
    before = {"a": {"b": 1, "c": [1, 2]}, "d": True, "e": "x"}
    after = {"a": {"b": 1, "c": [1, 3]}, "d": 1, "f": "y"}
    assert changed_paths(before, after) == [("a", "c"), ("d",), ("e",), ("f",)]
    assert changed_paths(before, before) == []
    assert not same(1, 1.0) and not same([True], [1]) and same({"a": [1]}, {"a": [1]})


def test_a_change_only_the_plan_level_text_sees_reuses_every_unit_rule(linter: Linter) -> None:
    analysis = analyse(linter, (SAMPLES / "good" / "two-bu-mds.yaml").read_text(encoding="utf-8"))
    assert analysis.data is not None
    runs = VariantRuns(linter.engine, analysis.data, None)
    assert runs._touched((("field_mappings",),)) >= {"AE601", "AE605", "AE801"}
    assert "AE101" not in runs._touched((("field_mappings",),))
    assert "AE101" in runs._touched((("connector", "version"),))


def provably_exclusive(units: list[dict[str, Any]]) -> bool:
    """The reference: every MDS BU of the whole plan tests one lead and one contact field."""
    return all(len(fields) <= 1 for fields in rule_fields(units).values())


@pytest.mark.parametrize(("name", "data"), PLANS, ids=[name for name, _ in PLANS])
def test_exclusivity_from_the_changed_unit_equals_judging_every_unit(
    linter: Linter, name: str, data: dict[str, Any]
) -> None:
    """F36's "provably exclusive" for each option, from the plan's rule fields and the changed
    unit (linear compare), says what judging every unit of the option says."""
    runs = VariantRuns(linter.engine, data, None)
    for index in range(len(data["business_units"])):
        for kind in OPTION_KINDS:
            variant = build_variant(data, index, kind)
            whole = provably_exclusive(variant.data["business_units"])
            assert runs.exclusive(variant) == whole, (name, index, kind.id)


def test_exclusivity_from_the_changed_unit_on_generated_units() -> None:
    """The same on random MDS units: shared, different, repeated and case-varied fields."""
    chooser = random.Random(36)
    fields = ["Marketing_BU__c", "marketing_bu__c", "Region__c", "Tier__c"]

    def unit() -> dict[str, Any]:
        rules = [
            {"object": chooser.choice(["lead", "contact", "Lead", "opportunity"]),
             "field": chooser.choice(fields), "operator": "equals", "value": "x"}
            for _ in range(chooser.randint(0, 3))
        ]  # fmt: skip
        scope = chooser.choice(["marketing_data_sharing", "marketing_data_sharing", "all"])
        return {"sync": {"scope": scope, "marketing_data_sharing": rules}}

    for _ in range(2000):
        units = [unit() for _ in range(chooser.randint(1, 5))]
        index, after = chooser.randrange(len(units)), unit()
        changed = [*units[:index], after, *units[index + 1 :]]
        found = rule_fields(units)
        assert provably_exclusive_after(found, index, after) == provably_exclusive(changed)


def test_a_shared_part_is_worked_out_once_and_never_for_a_changed_part() -> None:
    from planner.rules.checks import BusinessUnitView, shared_part

    mappings = [{"prospect_field": "A", "lead_field": "A__c"}]
    plan_data = {"business_units": [{"name": "X", "field_mappings": mappings}]}
    plan = PlanContext(plan_data, plan_data)
    calls: list[int] = []

    def count(unit: BusinessUnitView) -> int:
        calls.append(unit.index)
        return len(unit.get("field_mappings"))

    kept = {"business_units": [{"name": "Y", "field_mappings": mappings}]}
    changed = {"business_units": [{"name": "X", "field_mappings": [*mappings, {}]}]}
    for _ in range(3):
        variant = PlanContext(kept, kept)
        assert shared_part(plan, variant, 0, "count", ("field_mappings",), count) == 1
    assert (
        shared_part(plan, PlanContext(changed, changed), 0, "n", ("field_mappings",), count) is None
    )
    assert calls == [0]
