"""The Salesforce Help pages behind the report's own sentences (rule findings add their own)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_HELP = "https://help.salesforce.com/apex/HTViewHelpDoc?id=mktg.{page}.htm"
_ARTICLE = "https://help.salesforce.com/s/articleView?id={article}&language={lang}&type=1"

_PAGES = {
    "considerations": "pardot_sf_connector_considerations",
    "integration_user": "pardot_sf_connector_integration_user",
    "v2_prework": "pardot_sf_connector_setup_v2_prework",
    "roles": "pardot_b2bma_assign_permissions",
    "mds_config": "pardot_sf_connector_setup_selective_sync_config",
    "mds_guidelines": "pardot_sf_connector_setup_selective_sync_guidelines",
    "business_units": "pardot_sf_connector_pbus_parent",
    "ampsea": "pardot_sf_connector_considerations_for_ampsea",
    "ampsea_admin": "pardot_admin_ampsea_parent",
    "non_ampsea": "pardot_prospect_syncing_prerequisites_for_non-ampsea_accounts",
    "person_accounts": "pardot_sf_connector_person_accounts_parent",
    "person_accounts_enable": "pardot_sf_connector_person_account_reverse_syncing_enable",
    "sync_behavior": "pardot_sync_behavior_works",
    "default_fields": "pardot_default_prospect_field_mapping",
    "custom_fields": "pardot_sf_connector_setup_map_custom_fields",
    "settings": "pardot_sf_connector_settings_reference",
    "user_sync": "pardot_sf_connector_setup_user_sync_considerations",
    "map_users": "pardot_sf_connector_setup_map_users",
    "v1_permissions": "pardot_sf_connector_setup_add_connector_permissions",
    # Cited only by rules, named here so that the References section gives them a title.
    "delete_merge": "pardot_sf_connector_merge_delete_setting",
    "permanent_delete": "pardot_admin_prospects_permanently_delete",
    "recycle_bin": "pardot_what_removes_prospect_from_recycle_bin",
    "create_users": "pardot_users_create_users",
}
# Other Salesforce Help pages cited by rules (and the comparison's licence column).
_OTHER = {
    "licence_types": "https://help.salesforce.com/s/articleView?"
    "id=platform.users_license_types_communities_lightning_platform_details.htm",
}
# Knowledge articles exist per language; the Japanese one is what the facts were read from.
_ARTICLES = {"switch_user": "001728600"}


# Trailhead units cited by rules: module/unit (the end of the address) -> the title's wording key.
_MODULE = "pardot-salesforce-integration-for-lightning-app/"
_TRAILHEAD_UNITS = {
    _MODULE + "integrate-pardot-with-salesforce": "trailhead_plan_pardot_integration",
    _MODULE + "plan-your-integration": "trailhead_plan_your_integration",
    _MODULE + "configure-pardot-for-the-salesforce-pardot-connector": "trailhead_configure_pardot",
}
_TRAILHEAD = "trailhead.salesforce.com"
# Trailhead serves each language under its own first path segment (none for English).
_TRAILHEAD_LANG = re.compile(r"^(https?://trailhead\.salesforce\.com)/(?:[a-z]{2}(?:-[A-Z]{2})?/)?")


def localised(address: str, lang: str) -> str:
    """A Trailhead address in the report's language (``/ja/`` for Japanese, none for English);
    any other address as it is."""
    prefix = "/ja/" if lang == "ja" else "/"
    return _TRAILHEAD_LANG.sub(lambda match: match.group(1) + prefix, address, count=1)


def trailhead_unit(address: str) -> str:
    """The wording key of a known Trailhead unit's title, or '' for any other address."""
    parts = urlsplit(address)
    if parts.netloc != _TRAILHEAD:
        return ""
    return _TRAILHEAD_UNITS.get("/".join(parts.path.rstrip("/").split("/")[-2:]), "")


def url(key: str) -> str:
    """The address of the source called ``key``."""
    if key in _ARTICLES:
        return _ARTICLE.format(article=_ARTICLES[key], lang="ja")
    if key in _OTHER:
        return _OTHER[key]
    return _HELP.format(page=_PAGES[key])


def key_of(address: str) -> str:
    """The source key of a known address, or '' for an address cited only by a rule."""
    for key in (*_PAGES, *_ARTICLES, *_OTHER):
        if url(key) == address:
            return key
    return ""


def names() -> tuple[str, ...]:
    """Every known source key."""
    return (*_PAGES, *_ARTICLES, *_OTHER)
