"""The named checks by name: one typed dict, built from the check modules listed here."""

from __future__ import annotations

from types import ModuleType

from planner.rules.checks import (
    NamedCheck,
    access,
    ampsea,
    business_units,
    connectors,
    fields,
    imports,
    mappings,
    mds,
    metadata_access,
    metadata_fields,
    metadata_org,
    metadata_users,
    metadata_writes,
    operations,
    org_wide,
    rollout,
    secret_values,
    user_sync,
)

CHECK_MODULES: tuple[ModuleType, ...] = (
    access,
    ampsea,
    business_units,
    connectors,
    fields,
    imports,
    mappings,
    mds,
    metadata_access,
    metadata_fields,
    metadata_org,
    metadata_users,
    metadata_writes,
    operations,
    org_wide,
    rollout,
    secret_values,
    user_sync,
)


def collect(modules: tuple[ModuleType, ...]) -> dict[str, NamedCheck]:
    """Every :class:`NamedCheck` defined in ``modules``, by name; a name used twice is a bug."""
    found: dict[str, NamedCheck] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, NamedCheck):
                if found.get(value.name, value) is not value:
                    raise ValueError(f"check {value.name!r} is defined twice")
                found[value.name] = value
    return dict(sorted(found.items()))


REGISTRY: dict[str, NamedCheck] = collect(CHECK_MODULES)
