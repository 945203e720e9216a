"""The integration plan as a typed model: the public contract of the plan format."""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from planner.plan.shape import false_means_none as _false_means_none
from planner.plan.shape import first_connector
from planner.plan.shape import version_number as _version_number
from planner.plan.shape import whole_number as _whole_number
from planner.plan.vocabulary import FORMAT_VERSIONS as FORMAT_VERSIONS
from planner.plan.vocabulary import (
    AfterUnpauseStep,
    BeforeUnpauseStep,
    ConnectorState,
    ConnectorUser,
    ConnectorVersion,
    Edition,
    FieldType,
    ImportTiming,
    Language,
    License,
    MatchBy,
    PersonAccountMode,
    ProspectFieldType,
    ReviewCadence,
    SyncBehavior,
    SyncScope,
    UserSyncAssignment,
)


class _Strict(BaseModel):
    """Untrusted input: unknown keys are errors, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _false_too(schema: dict[str, Any]) -> None:
    """The schema of a word that ``_false_means_none`` also takes as ``false``."""
    schema["anyOf"] = [*schema.get("anyOf", []), {"const": False}]


def _one_or_a_list(schema: dict[str, Any]) -> None:
    """Editors should accept a list of connectors too, so that AE102 can explain it.

    The model validates only the first connector of a list (the others are AE102's), so the
    schema constrains only the first item: both judge every plan the same way.
    """
    reference = {"$ref": schema.pop("$ref")}
    schema["anyOf"] = [reference, {"type": "array", "minItems": 1, "prefixItems": [reference]}]


class Salesforce(_Strict):
    """The Salesforce org the business units connect to."""

    org: str = Field(min_length=1, description="Label of the Salesforce org.")
    person_accounts: bool = Field(False, description="Person accounts are enabled in the org.")
    crm_licenses_available: Optional[int] = Field(
        None,
        ge=0,
        description="Unused Salesforce user licences (a custom connector user needs one).",
    )

    _licences_whole = field_validator("crm_licenses_available", mode="before")(_whole_number)
    b2b_marketing_analytics: bool = Field(
        False, description="B2B Marketing Analytics is used with this org (F27)."
    )
    clickjack_protection: bool = Field(
        False, description="Clickjack protection is on for Visualforce pages in the org (F100)."
    )
    clickjack_visualforce_page: Optional[str] = Field(
        None, description="The clickjack-compatible Visualforce page for Account Engagement (F100)."
    )
    active_assignment_rules: Optional[bool] = Field(
        None,
        description=(
            "Salesforce active assignment rules assign the records the connector creates, so"
            " unassigned prospects can still create them (F65)."
        ),
    )
    state_country_picklists: Optional[bool] = Field(
        None, description="State and Country/Territory picklists are enabled in the org (F85)."
    )
    metadata: Optional[str] = Field(
        None,
        min_length=1,
        description=(
            "Path to the org's Salesforce metadata (a Salesforce DX project or source folder, or a"
            " Metadata API retrieve folder), relative to the plan file; --metadata overrides it."
        ),
    )


class Team(_Strict):
    """Who decides, configures and watches the connector."""

    account_engagement_admins: List[str] = Field(
        default_factory=list, description="People with the Account Engagement Administrator role."
    )
    salesforce_admin: Optional[str] = Field(
        None, description="The Salesforce admin who completes Account Engagement setup."
    )
    sync_error_owner: Optional[str] = Field(
        None, description="Who monitors the connector sync queue and sync errors."
    )
    sync_error_review: Optional[ReviewCadence] = Field(
        None, description="How often sync errors are reviewed.", json_schema_extra=_false_too
    )
    implementation_partner: Optional[str] = Field(
        None, description="The implementation partner, if one is engaged."
    )
    login_path: Optional[Literal["lightning_app", "classic_app"]] = Field(
        None, description="Where AE users log in: the Lightning app or pi.pardot.com (F48)."
    )

    _review_words = field_validator("sync_error_review", mode="before")(_false_means_none)


class Requirements(_Strict):
    """What the business expects of the sync."""

    audience_overlap: Optional[bool] = Field(
        None,
        description="Some people are to be marketed to by two or more BUs (F46 F112).",
    )
    max_sync_delay_minutes: Optional[int] = Field(
        None, ge=0, description="How stale a synced record may be, at most, in minutes."
    )

    _delay_whole = field_validator("max_sync_delay_minutes", mode="before")(_whole_number)


class CustomUser(_Strict):
    """A Salesforce user configured as the connector user instead of the integration user."""

    username: Optional[str] = Field(None, description="Salesforce username of the connector user.")
    license: Optional[License] = Field(
        None, description="The Salesforce licence it consumes.", json_schema_extra=_false_too
    )
    permission_sets: List[str] = Field(
        default_factory=list, description="Permission sets assigned to the connector user."
    )
    profile: Optional[str] = Field(None, description="Profile of the custom connector user.")
    system_permissions: List[str] = Field(
        default_factory=list,
        description=(
            "System permissions granted to the connector user (API Enabled, Manage Profiles and"
            " Permission Sets, View All Users, View Setup and Configuration; F107)."
        ),
    )

    _license_words = field_validator("license", mode="before")(_false_means_none)


class IntegrationUser(_Strict):
    """The bundled B2BMA Integration User of connector v2."""

    permission_sets: List[str] = Field(
        default_factory=list,
        description="Permission sets assigned to the integration user besides its profile.",
    )


class Connector(_Strict):
    """The business unit's Salesforce connector as it is today and as it will be set up."""

    version: Optional[ConnectorVersion] = Field(
        None, description="Connector version shown on Account Engagement Settings (1 or 2)."
    )
    state: ConnectorState = Field("paused", description="paused or active, as it is today.")
    user: Optional[ConnectorUser] = Field(None, description="Who the connector logs in as.")
    custom_user: Optional[CustomUser] = Field(
        None, description="Required when user is custom_user."
    )
    current_user: Optional[ConnectorUser] = Field(
        None,
        description="Who the connector logs in as today, when the plan changes `user` (F24, F27).",
    )
    integration_user: Optional[IntegrationUser] = Field(
        None,
        description="The integration user (profile B2BMA Integration User) and its permissions.",
    )

    _version_number = field_validator("version", mode="before")(_version_number)


class MdsRule(_Strict):
    """One Marketing Data Sharing rule: records of ``object`` whose ``field`` equals ``value``."""

    object: str = Field(min_length=1, description="lead, contact, opportunity or a custom object.")
    field: str = Field(min_length=1, description="API name of the field the rule tests.")
    operator: Optional[str] = Field(None, description="Only equals is supported.")
    value: Union[str, bool, int, float] = Field(description="The value the field must equal.")


class ConnectedCampaigns(_Strict):
    """Connected Campaigns and the campaign record types that route campaigns to this BU."""

    enabled: bool = False
    record_types: Optional[List[str]] = None


class Sync(_Strict):
    """Which records sync with this business unit."""

    scope: SyncScope = Field(
        "all_records", description="all_records or marketing_data_sharing (MDS)."
    )
    marketing_data_sharing: List[MdsRule] = Field(
        default_factory=list, description="The MDS rules, one per object."
    )
    person_accounts: Optional[PersonAccountMode] = Field(
        None, description="none, sync, or instead_of_leads.", json_schema_extra=_false_too
    )
    default_person_account_record_type: Optional[str] = Field(
        None, description="Required for instead_of_leads."
    )
    connected_campaigns: Optional[ConnectedCampaigns] = None
    create_records_as: Optional[Literal["lead", "contact"]] = Field(
        None,
        description=(
            "What an assigned prospect without a Salesforce match becomes: lead (default) or"
            " contact (Support-enabled, irreversible; F67)."
        ),
    )
    opportunities: Optional[bool] = Field(
        None,
        description="Opportunities sync to this BU, read-only; false: Support turns it off (F96).",
    )
    object_change_log_sync: Optional[bool] = Field(
        None,
        description=(
            "The BU keeps selecting records with the older ObjectChangeLog-based selective sync,"
            " which orgs that use Marketing Data Sharing do not support (F38)."
        ),
    )

    _person_account_words = field_validator("person_accounts", mode="before")(_false_means_none)


class UserSyncSetup(_Strict):
    """How Salesforce User Sync decides which users appear in Account Engagement (F98)."""

    assign_by: List[UserSyncAssignment] = Field(
        default_factory=list,
        description="How users are assigned: public_group, role, role_and_subordinates, user.",
    )
    profile_roles: Dict[str, str] = Field(
        default_factory=dict,
        description="Salesforce profile -> Account Engagement role, as in the User Sync tab.",
    )
    inactive_users_reviewed: Optional[bool] = Field(
        None, description="Inactive Salesforce users (who never sync) were reviewed."
    )


class Settings(_Strict):
    """Connector settings that a plan should decide before unpausing."""

    auto_create_prospects: Optional[bool] = None
    auto_change_email: Optional[bool] = None
    auto_delete_merge: Optional[bool] = None
    user_sync: Optional[bool] = None
    user_sync_setup: Optional[UserSyncSetup] = Field(
        None, description="Who User Sync brings in: assignment and profile-to-role mapping."
    )
    existing_users: Optional[bool] = Field(
        None,
        description="The business unit already has Account Engagement users (map them first).",
    )
    match_by_email_without_crm_id: Optional[bool] = Field(
        None,
        description=(
            'v1 setting "If records do not have a CRM ID to match when syncing, use email address'
            ' to match" (F94).'
        ),
    )
    salesforce_blanks_overwrite: Optional[bool] = Field(
        None,
        description="Blank Salesforce values overwrite AE values (a Support request).",
    )


class FieldMapping(_Strict):
    """A prospect field, the Salesforce fields it maps to, and which side wins."""

    prospect_field: str = Field(min_length=1)
    lead_field: Optional[str] = None
    contact_field: Optional[str] = None
    behavior: SyncBehavior = Field(description="salesforce, account_engagement or most_recent.")
    type: Optional[FieldType] = Field(None, description="Type of the Salesforce field.")
    prospect_type: Optional[ProspectFieldType] = Field(
        None, description="Type of the Account Engagement prospect field."
    )
    restricted: Optional[bool] = Field(
        None, description="The Salesforce picklist is restricted to its defined values."
    )
    predefined_values: Optional[bool] = Field(
        None,
        description='The prospect field takes Salesforce\'s values ("Use pre-defined values").',
    )
    field_history_tracking: Optional[bool] = Field(
        None, description="Field History Tracking is on for the mapped Lead and Contact fields."
    )
    lead_conversion_mapping: Optional[bool] = Field(
        None, description="The Lead field is mapped to the Contact field for lead conversion."
    )


class Import(_Strict):
    """A planned prospect import."""

    name: str = Field(min_length=1)
    match_by: MatchBy
    assign: bool = Field(False, description="Imported prospects are assigned to a user.")
    expect_salesforce_records: bool = Field(
        False, description="The import is expected to create or update Salesforce records."
    )
    creates_salesforce_records: Optional[bool] = Field(
        None, description="The import brings people not yet in Salesforce, to become new records."
    )
    updates_salesforce_records: Optional[bool] = Field(
        None, description="The import is of people whose records already exist in Salesforce."
    )
    when: ImportTiming = "after_unpause"
    undelete_matching: Optional[bool] = Field(
        None,
        description=(
            'The import option "Undelete matching prospects found in the recycle bin" is ticked'
            " (matches by CRM ID or email; F110)."
        ),
    )


class Integration(_Strict):
    """A third-party integration that calls the Account Engagement API for this business unit."""

    name: str = Field(min_length=1, description="A label for the integration.")
    api_version: Optional[Literal[3, 4, 5]] = Field(
        None, description="Account Engagement API version it uses: 3, 4 or 5 (F72)."
    )


class Cleanup(_Strict):
    """Planned removal of prospects from the business unit (F101)."""

    permanently_delete_prospects: bool = Field(
        False, description="Prospects will be permanently deleted from the recycle bin."
    )
    delete_salesforce_records_first: bool = Field(
        False, description="Their Salesforce leads and contacts are deleted first (required, F101)."
    )


class Rollout(_Strict):
    """The steps planned before and after the first unpause, and what a running connector has."""

    before_unpause: List[BeforeUnpauseStep] = Field(default_factory=list)
    after_unpause: List[AfterUnpauseStep] = Field(default_factory=list)
    in_place: List[BeforeUnpauseStep] = Field(
        default_factory=list,
        description=(
            "Steps already done for a running connector and not changed by this plan"
            " (users mapped, MDS rules unchanged, FLS and permissions granted...)."
        ),
    )


class BusinessUnit(_Strict):
    """One Account Engagement business unit and its connector."""

    name: str = Field(min_length=1)
    edition: Optional[Edition] = None
    allow_multiple_prospects_same_email: Optional[bool] = Field(
        None, description='"AMPSEA": prospects match Salesforce records by CRM ID.'
    )
    current_allow_multiple_prospects_same_email: Optional[bool] = Field(
        None, description="AMPSEA as the BU settings page shows it today, when the plan changes it."
    )
    connector: Connector = Field(
        default_factory=Connector,
        description="The BU's one connector (a list of several is reported by AE102).",
        json_schema_extra=_one_or_a_list,
    )
    sync: Sync = Field(default_factory=Sync)
    settings: Settings = Field(default_factory=Settings)
    field_mappings: List[FieldMapping] = Field(default_factory=list)
    imports: List[Import] = Field(default_factory=list)
    integrations: List[Integration] = Field(
        default_factory=list, description="Integrations that use the Account Engagement API."
    )
    rollout: Rollout = Field(default_factory=Rollout)
    users: List[str] = Field(
        default_factory=list,
        description=(
            "Email addresses of the BU's Account Engagement users (each must be unique across"
            " BUs unless User Sync brings it in; F113)."
        ),
    )
    cleanup: Cleanup = Field(default_factory=Cleanup)

    _first_connector = model_validator(mode="before")(first_connector)


class Plan(_Strict):
    """An integration plan: one Salesforce org and the business units connected to it."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        title="aeplan integration plan",
    )

    aeplan: Literal[1] = Field(description="Plan format version.")
    name: Optional[str] = Field(None, description="A title for the plan.")
    language: Language = Field("en", description="Default language of messages and reports.")
    salesforce: Salesforce
    team: Team = Field(default_factory=Team)
    requirements: Requirements = Field(default_factory=Requirements)
    business_units: List[BusinessUnit] = Field(min_length=1)
