"""A plan whose every name tries to break out of Markdown, Mermaid or HTML."""

from __future__ import annotations

SCRIPT = "<script>document.title='pwned'</script>"

HOSTILE_PLAN = r"""
aeplan: 1
name: "Plan <script>document.title='pwned'</script> | `tick` \"dq\" 'sq'\nsecond line"
salesforce: {org: "org|<b>bold</b>&amp;"}
team:
  account_engagement_admins: ["<img src=x onerror=alert(1)>", "A | B"]
  salesforce_admin: "Bob `rm -rf` *star* _under_ [link](javascript:alert(1)) $x$"
  sync_error_owner: "Ops\nTeam | ``` fence"
  sync_error_review: daily
business_units:
  - name: "<script>document.title='pwned'</script>"
    edition: advanced
    allow_multiple_prospects_same_email: true
    connector: {version: 2, state: paused, user: integration_user}
    sync:
      scope: marketing_data_sharing
      marketing_data_sharing:
        - {object: lead, field: "BU__c", operator: equals, value: "a\"b|c<d>`e`#35;"}
        - {object: contact, field: "BU__c", operator: equals, value: "x]y[z\n```"}
    field_mappings:
      - prospect_field: "Pipe | Field"
        lead_field: "A|B__c"
        contact_field: "`C`"
        behavior: salesforce
    imports:
      - name: "Import ``` fence </code>"
        match_by: email
        assign: false
        expect_salesforce_records: true
    rollout:
      before_unpause: [review_settings, marketing_data_sharing]
  - name: "Korea\" onmouseover=\"alert(1)"
    edition: premium
    connector: {version: 2, state: paused, user: integration_user}
    sync: {scope: all_records}
"""
