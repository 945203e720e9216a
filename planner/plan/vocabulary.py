"""The plan format's closed vocabularies (``Literal`` types), without pydantic: cheap to import.

``planner.plan.model`` types its fields with them; ``aeplan init`` offers them as choices.
"""

from __future__ import annotations

from typing import Literal

FORMAT_VERSIONS = (1,)
"""The plan format versions this aeplan reads (``aeplan: 1``)."""
ConnectorVersion = Literal[1, 2]
# ``pro`` and ``ultimate`` are the legacy editions Help still names (B2BMA licence page).
Edition = Literal["growth", "plus", "advanced", "premium", "pro", "ultimate"]
ConnectorState = Literal["paused", "active"]
ConnectorUser = Literal["integration_user", "custom_user"]
License = Literal["sales_cloud", "service_cloud", "platform", "none"]
SyncScope = Literal["all_records", "marketing_data_sharing"]
PersonAccountMode = Literal["none", "sync", "instead_of_leads"]
SyncBehavior = Literal["salesforce", "account_engagement", "most_recent"]
ReviewCadence = Literal["daily", "weekly", "monthly", "none"]
MatchBy = Literal["email", "crm_id"]
ImportTiming = Literal["before_unpause", "after_unpause"]
FieldType = Literal[
    "text", "textarea", "long_textarea", "rich_textarea", "email", "phone", "url",
    "number", "currency", "percent", "checkbox", "picklist", "multi_picklist",
    "date", "datetime", "formula", "lookup", "geolocation",
]  # fmt: skip
# Prospect field types of Account Engagement (custom prospect fields, Help "Map Custom Fields").
ProspectFieldType = Literal[
    "text", "textarea", "number", "date", "checkbox", "radio_button", "dropdown",
    "multi_select", "crm_user", "hidden",
]  # fmt: skip
UserSyncAssignment = Literal["public_group", "role", "role_and_subordinates", "user"]
BeforeUnpauseStep = Literal[
    "review_settings",
    "marketing_data_sharing",
    "connector_user_permissions",
    "field_level_security",
    "map_users",
    "map_fields",
    "field_sync_behavior",
    "person_accounts",
    "connected_campaigns",
    "import_records",
    "manual_sync_test",
    "user_sync",
    "lead_conversion_mapping",
    "validation_and_duplicate_rules",
    "page_layouts",
    "sales_access",
]
AfterUnpauseStep = Literal["smoke_test", "import_records", "review_sync_errors"]
Language = Literal["en", "ja"]
