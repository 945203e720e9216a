"""Plan variants: only the sync method decisions change; missing data becomes placeholders."""

from __future__ import annotations

from typing import Any

from planner.comparison.variants import OPTION_KINDS, PLACEHOLDER_FIELD, OptionKind, build_variant
from planner.lint.linter import Linter
from tests.conftest import SAMPLES, analyse

IU_ALL, IU_MDS, CU_ALL, CU_MDS = OPTION_KINDS


def data_of(linter: Linter, name: str) -> dict[str, Any]:
    analysis = linter.analyse_file(SAMPLES / "good" / name)
    assert analysis.data is not None
    return analysis.data


def test_the_four_options_in_a_fixed_order() -> None:
    assert [kind.id for kind in OPTION_KINDS] == [
        "integration_user+all_records",
        "integration_user+marketing_data_sharing",
        "custom_user+all_records",
        "custom_user+marketing_data_sharing",
    ]
    assert [kind.needs_v2 for kind in OPTION_KINDS] == [True, True, False, True]


def test_the_plan_as_written_is_left_unchanged(linter: Linter) -> None:
    data = data_of(linter, "two-bu-mds.yaml")
    variant = build_variant(data, 0, IU_MDS)
    assert variant.as_written
    assert variant.changes == ()
    assert variant.placeholders == ()
    assert variant.data == data


def test_the_original_data_is_never_modified(linter: Linter) -> None:
    data = data_of(linter, "two-bu-mds.yaml")
    before = repr(data)
    for kind in OPTION_KINDS:
        build_variant(data, 1, kind)
    assert repr(data) == before


def test_only_the_chosen_business_unit_changes(linter: Linter) -> None:
    data = data_of(linter, "two-bu-mds.yaml")
    variant = build_variant(data, 0, IU_ALL)
    assert variant.data["business_units"][1] == data["business_units"][1]
    japan = variant.data["business_units"][0]
    assert japan["sync"]["scope"] == "all_records"
    assert japan["sync"]["marketing_data_sharing"] == []
    assert [change.key for change in variant.changes] == ["set", "remove_rules"]


def test_mds_without_rules_gets_marked_placeholders_not_invented_rules(linter: Linter) -> None:
    data = data_of(linter, "minimal.yaml")
    variant = build_variant(data, 0, IU_MDS)
    rules = variant.data["business_units"][0]["sync"]["marketing_data_sharing"]
    assert [rule["object"] for rule in rules] == ["lead", "contact"]
    assert {rule["field"] for rule in rules} == {PLACEHOLDER_FIELD}
    assert variant.placeholders == (
        "/business_units/0/sync/marketing_data_sharing/0",
        "/business_units/0/sync/marketing_data_sharing/1",
    )
    assert variant.needs == (("mds_rules", ("lead", "contact")),)
    rollout = variant.data["business_units"][0]["rollout"]
    assert "marketing_data_sharing" in rollout["before_unpause"]


def test_a_missing_custom_user_block_is_a_placeholder_without_a_licence(linter: Linter) -> None:
    data = data_of(linter, "minimal.yaml")
    variant = build_variant(data, 0, CU_ALL)
    connector = variant.data["business_units"][0]["connector"]
    assert "license" not in connector["custom_user"]
    assert variant.placeholders == ("/business_units/0/connector/custom_user",)
    assert variant.needs == (("custom_user", ()),)
    assert variant.steps == ("custom_user_setup",)


def test_a_custom_user_without_licence_needs_one(linter: Linter) -> None:
    plan = analyse(
        linter,
        """
aeplan: 1
salesforce: {org: acme}
business_units:
  - name: Main
    connector:
      version: 2
      user: custom_user
      custom_user: {username: c@acme.example, permission_sets: [Account Engagement Connector User]}
""",
    )
    assert plan.data is not None
    variant = build_variant(plan.data, 0, CU_ALL)
    assert variant.as_written
    assert variant.placeholders == ("/business_units/0/connector/custom_user/license",)
    assert variant.needs == (("licence", ()),)


def test_v1_needs_the_upgrade_for_the_integration_user_and_mds(linter: Linter) -> None:
    data = data_of(linter, "legacy-v1.yaml")
    upgraded = build_variant(data, 0, IU_ALL)
    assert upgraded.steps[0] == "upgrade_to_v2"
    assert upgraded.data["business_units"][0]["connector"]["version"] == 2
    assert "switch_in_lightning" in upgraded.steps
    assert "upgrade_to_v2" in build_variant(data, 0, CU_MDS).steps
    kept = build_variant(data, 0, CU_ALL)
    assert kept.as_written and kept.changes == () and kept.steps == ()


def test_a_custom_user_on_a_shared_org_must_limit_its_sharing(linter: Linter) -> None:
    data = data_of(linter, "two-bu-mds.yaml")
    assert "limit_sharing" in build_variant(data, 0, CU_ALL).steps
    assert "limit_sharing" not in build_variant(data, 0, CU_MDS).steps
    assert OptionKind("custom_user", "all_records").custom
