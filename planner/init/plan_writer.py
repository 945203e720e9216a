"""A new plan's YAML text, written from ``aeplan init`` answers with comments that explain them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from planner.errors import PlannerError
from planner.init.plan_comments import comment

SCHEMA_REFERENCE = "plan.schema.json"
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
# Characters YAML readers treat as line breaks or refuse as unprintable: always escaped.
_UNSAFE = {"\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff"}


@dataclass(frozen=True)
class Answers:
    """What the plan's author decided; ``None`` means not decided yet."""

    lang: str = "en"
    org: str = "production"
    version: Optional[int] = 2
    business_units: tuple[str, ...] = ("Main",)
    connector_user: Optional[str] = "integration_user"
    custom_username: Optional[str] = None
    custom_license: Optional[str] = "sales_cloud"
    scope: str = "all_records"
    mds_lead_field: str = "Marketing_BU__c"
    mds_contact_field: str = "Marketing_BU__c"
    same_email: Optional[bool] = True
    person_accounts: str = "none"
    person_accounts_enabled: Optional[bool] = None
    """Whether the org has person accounts (None: taken from ``person_accounts``)."""
    person_account_record_type: Optional[str] = None
    ae_admins: tuple[str, ...] = ()
    salesforce_admin: Optional[str] = None
    sync_error_owner: Optional[str] = None
    sync_error_review: str = "weekly"
    partner: Optional[str] = None
    schema: str = SCHEMA_REFERENCE
    metadata: Optional[str] = None
    """The org's metadata folder, relative to the plan (``aeplan init --metadata``)."""

    @property
    def state(self) -> str:
        """A v2 connector is created paused (F09); v1 has no pause, so it is taken as active."""
        return "active" if self.version == 1 else "paused"

    def unnamed(self) -> list[str]:
        """Keys of the people and names left out, in the order they were asked. (The decisions
        still open are the plan's: ``planner.plan.open_decisions``, as the report counts them.)"""
        open_keys = [
            ("custom_username", self.connector_user == "custom_user" and not self.custom_username),
            ("salesforce_admin", not self.salesforce_admin),
            ("ae_admins", not self.ae_admins),
            ("sync_error_owner", not self.sync_error_owner),
        ]
        return [key for key, is_open in open_keys if is_open]


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that every YAML reader reads back unchanged."""
    parts = ['"']
    for character in text:
        point = ord(character)
        if character in _ESCAPES:
            parts.append(_ESCAPES[character])
        elif point < 0x20 or 0x7F <= point <= 0x9F or character in _UNSAFE:
            parts.append(f"\\u{point:04x}")
        elif 0xD800 <= point <= 0xDFFF:
            raise PlannerError.keyed("init_errors.stray_byte", text=repr(text))
        else:
            parts.append(character)
    return "".join(parts) + '"'


def _flow_list(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(quoted(item) for item in items) + "]"


def render_plan(answers: Answers) -> str:
    """The whole plan: header, Salesforce org, team and one block per business unit."""
    lines = _header(answers) + _salesforce(answers) + _team(answers)
    lines.append("")
    lines.append("business_units:")
    for index, name in enumerate(answers.business_units):
        if index:
            lines.append("")
        lines.extend(_business_unit(answers, name))
    return "\n".join(lines) + "\n"


def _notes(answers: Answers, key: str, indent: int) -> list[str]:
    return [" " * indent + "# " + line for line in comment(key, answers.lang)]


def _header(answers: Answers) -> list[str]:
    if not answers.schema.isprintable():
        # A line break here would end the comment and inject YAML into the plan.
        raise PlannerError.keyed("init_errors.schema_line", schema=repr(answers.schema))
    return [
        f"# yaml-language-server: $schema={answers.schema}",
        *_notes(answers, "header", 0),
        "aeplan: 1",
        f"language: {answers.lang}",
        "",
    ]


def _salesforce(answers: Answers) -> list[str]:
    uses_person_accounts = answers.person_accounts != "none"
    if answers.person_accounts_enabled is not None:
        uses_person_accounts = answers.person_accounts_enabled
    return [
        "salesforce:",
        *_notes(answers, "org", 2),
        f"  org: {quoted(answers.org)}",
        *_notes(answers, "person_accounts_org", 2),
        f"  person_accounts: {'true' if uses_person_accounts else 'false'}",
        *([f"  metadata: {quoted(answers.metadata)}"] if answers.metadata else []),
        "",
    ]


def _team(answers: Answers) -> list[str]:
    lines = ["team:", *_notes(answers, "ae_admins", 2)]
    lines.append(f"  account_engagement_admins: {_flow_list(answers.ae_admins)}")
    lines.extend(_notes(answers, "salesforce_admin", 2))
    lines.append(_optional("  salesforce_admin", answers.salesforce_admin))
    lines.extend(_notes(answers, "sync_errors", 2))
    lines.append(_optional("  sync_error_owner", answers.sync_error_owner))
    lines.append(f"  sync_error_review: {answers.sync_error_review}")
    lines.extend(_notes(answers, "partner", 2))
    lines.append(_optional("  implementation_partner", answers.partner))
    return lines


def _optional(key: str, value: Optional[str]) -> str:
    """An undecided value stays in the plan as a visible, commented-out key."""
    if value:
        return f"{key}: {quoted(value)}"
    indent = len(key) - len(key.lstrip())
    return f"{' ' * indent}# {key.strip()}:"


def _business_unit(answers: Answers, name: str) -> list[str]:
    lines = [f"  - name: {quoted(name)}", *_notes(answers, "same_email", 4)]
    if answers.same_email is None:
        lines.append("    # allow_multiple_prospects_same_email: true")
    else:
        lines.append(f"    allow_multiple_prospects_same_email: {str(answers.same_email).lower()}")
    return lines + _connector(answers) + _sync(answers, name) + _rollout(answers)


def _connector(answers: Answers) -> list[str]:
    lines = ["    connector:", *_notes(answers, "version", 6)]
    lines.append(f"      version: {answers.version}" if answers.version else "      # version: 2")
    lines.extend(_notes(answers, f"state.{answers.state}", 6))
    lines.append(f"      state: {answers.state}")
    lines.extend(_notes(answers, f"user.{answers.connector_user or 'undecided'}", 6))
    if answers.connector_user is None:
        return [*lines, "      # user: integration_user"]
    lines.append(f"      user: {answers.connector_user}")
    if answers.connector_user == "custom_user":
        lines.append("      custom_user:")
        lines.append(_optional("        username", answers.custom_username))
        lines.append(f"        license: {answers.custom_license or 'sales_cloud'}")
        lines.append('        permission_sets: ["Account Engagement Connector User"]')
    return lines


def _sync(answers: Answers, name: str) -> list[str]:
    lines = ["    sync:", *_notes(answers, f"scope.{answers.scope}", 6)]
    lines.append(f"      scope: {answers.scope}")
    if answers.scope == "marketing_data_sharing":
        lines.append("      marketing_data_sharing:")
        for record, field in (
            ("lead", answers.mds_lead_field),
            ("contact", answers.mds_contact_field),
        ):
            lines.append(
                f"        - {{object: {record}, field: {quoted(field)}, operator: equals, "
                f"value: {quoted(name)}}}"
            )
    lines.extend(_notes(answers, f"person_accounts.{answers.person_accounts}", 6))
    lines.append(f"      person_accounts: {answers.person_accounts}")
    if answers.person_accounts == "instead_of_leads":
        record_type = answers.person_account_record_type or "Person Account"
        lines.append(f"      default_person_account_record_type: {quoted(record_type)}")
    return lines


def before_unpause_steps(answers: Answers) -> list[str]:
    """The steps to finish before the first unpause, from what was decided (F11, F102, F103)."""
    steps = ["review_settings"]
    if answers.scope == "marketing_data_sharing":
        steps.append("marketing_data_sharing")
    if answers.connector_user == "custom_user":
        steps.append("connector_user_permissions")
    if answers.scope == "marketing_data_sharing" or answers.connector_user == "custom_user":
        # The connector user reads and edits the MDS rule fields and, as a custom user, every
        # synced field: field-level security is granted before unpausing (AE317, F32).
        steps.append("field_level_security")
    if answers.person_accounts != "none":
        steps.append("person_accounts")
    return [*steps, "map_users", "map_fields", "sales_access"]


def _rollout(answers: Answers) -> list[str]:
    lines = ["    rollout:"]
    if answers.state == "paused":
        lines.extend(_notes(answers, "rollout", 6))
        lines.append(f"      before_unpause: [{', '.join(before_unpause_steps(answers))}]")
        lines.append("      after_unpause: [smoke_test, review_sync_errors]")
    else:
        lines.append("      after_unpause: [review_sync_errors]")
    return lines
