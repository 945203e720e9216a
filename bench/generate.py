"""Deterministic benchmark inputs: a realistic plan, a folder of varied plans, and large plans."""

from __future__ import annotations

import random
from pathlib import Path

FIELD_TYPES = ("text", "picklist", "number", "checkbox", "date", "email", "phone", "url")
BEHAVIORS = ("salesforce", "salesforce", "salesforce", "account_engagement")


def business_unit(name: str, mappings: int, rng: random.Random, mds: bool = True) -> str:
    """One business unit in block YAML, with ``mappings`` field mappings."""
    lines = [
        f"  - name: {name}",
        f"    edition: {rng.choice(('advanced', 'premium'))}",
        "    allow_multiple_prospects_same_email: true",
        "    connector: {version: 2, state: paused, user: integration_user}",
        "    sync:",
        f"      scope: {'marketing_data_sharing' if mds else 'all_records'}",
    ]
    if mds:
        lines += [
            "      marketing_data_sharing:",
            *(
                f"        - {{object: {sobject}, field: Marketing_BU__c, operator: equals, "
                f"value: {name}}}"
                for sobject in ("lead", "contact")
            ),
        ]
    lines += [
        "      person_accounts: none",
        f"      connected_campaigns: {{enabled: true, record_types: [{name} Campaign]}}",
        "    settings: {auto_create_prospects: true, auto_change_email: false,"
        " auto_delete_merge: false, user_sync: true}",
        "    field_mappings:",
    ]
    for index in range(mappings):
        field = f"Field_{index:03d}__c"
        lines.append(
            f"      - {{prospect_field: Field {index:03d}, lead_field: {field}, "
            f"contact_field: {field}, behavior: {rng.choice(BEHAVIORS)}, "
            f"type: {rng.choice(FIELD_TYPES)}}}"
        )
    lines += [
        "    imports:",
        f"      - {{name: {name} contacts, match_by: crm_id, assign: true,"
        " expect_salesforce_records: true, when: after_unpause}",
        "    rollout:",
        "      before_unpause: [review_settings, marketing_data_sharing, map_users, map_fields]",
        "      after_unpause: [smoke_test, review_sync_errors]",
    ]
    return "\n".join(lines)


def plan(units: int, mappings: int, seed: int, mds: bool = True) -> str:
    """A whole plan with ``units`` business units of ``mappings`` field mappings each."""
    rng = random.Random(seed)
    header = [
        "# yaml-language-server: $schema=../schema/plan.schema.json",
        "aeplan: 1",
        f"name: Benchmark plan {seed}",
        "salesforce: {org: bench-production, person_accounts: false, crm_licenses_available: 2}",
        "team:",
        "  account_engagement_admins: [Hanako Sato]",
        "  salesforce_admin: Taro Suzuki",
        "  sync_error_owner: Marketing Ops",
        "  sync_error_review: daily",
        "  implementation_partner: Example Partners KK",
        "requirements: {max_sync_delay_minutes: 10}",
        "business_units:",
    ]
    body = [business_unit(f"BU{index:03d}", mappings, rng, mds) for index in range(units)]
    return "\n".join(header + body) + "\n"


def write_inputs(folder: Path) -> dict[str, Path]:
    """Write every benchmark input below ``folder`` and return their paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"realistic": folder / "realistic.yaml", "many": folder / "many"}
    paths["realistic"].write_text(plan(2, 20, seed=1), encoding="utf-8")
    paths["many"].mkdir(exist_ok=True)
    for index in range(1000):
        rng = random.Random(index)
        text = plan(rng.randint(1, 3), rng.randint(3, 25), seed=index, mds=rng.random() < 0.8)
        (paths["many"] / f"plan-{index:04d}.yaml").write_text(text, encoding="utf-8")
    for factor in (1, 2, 4):
        path = folder / f"large-{factor}x.yaml"
        path.write_text(plan(200 * factor, 100, seed=42), encoding="utf-8")
        paths[f"large-{factor}x"] = path
    return paths
