"""Names vulture cannot see used: report view-model fields read by templates, plan model fields."""

every_option  # unused variable (planner/comparison/section.py:30)
legend  # unused variable (planner/comparison/section.py:38)
recommended_label  # unused variable (planner/comparison/section.py:40)
others_label  # unused variable (planner/comparison/section.py:41)
every_option_label  # unused variable (planner/comparison/section.py:42)
crm_licenses_available  # unused variable (planner/plan/model.py:65)
b2b_marketing_analytics  # unused variable (planner/plan/model.py:70)
clickjack_protection  # unused variable (planner/plan/model.py:73)
clickjack_visualforce_page  # unused variable (planner/plan/model.py:76)
login_path  # unused variable (planner/plan/model.py:99)
permission_sets  # unused variable (planner/plan/model.py:119)
current_user  # unused variable (planner/plan/model.py:137)
operator  # unused variable (planner/plan/model.py:148)
opportunities  # unused variable (planner/plan/model.py:175)
object_change_log_sync  # unused variable (planner/plan/model.py:179)
expect_salesforce_records  # unused variable (planner/plan/model.py:215)
permanently_delete_prospects  # unused variable (planner/plan/model.py:224)
delete_salesforce_records_first  # unused variable (planner/plan/model.py:227)
after_unpause  # unused variable (planner/plan/model.py:236)
cleanup  # unused variable (planner/plan/model.py:257)
aeplan  # unused variable (planner/plan/model.py:278)
choice  # unused variable (planner/report/decisions.py:17)
titled  # unused variable (planner/report/decisions.py:37)
boxes  # unused variable (planner/report/drawing.py:58)
help  # unused variable (planner/report/finding_groups.py:20)
ae_title  # unused variable (planner/report/flow.py:50)
remedy  # unused variable (planner/report/operations.py:18)
linkable  # unused variable (planner/report/references.py:22)
method  # unused variable (planner/report/summary.py:19)
matching  # unused variable (planner/report/summary.py:20)
ready  # unused variable (planner/report/summary.py:32)
verdict  # unused variable (planner/report/summary.py:33)
verdict_detail  # unused variable (planner/report/summary.py:34)
note  # unused variable (planner/report/syncs.py:21)
empty  # unused variable (planner/report/syncs.py:30)
system_permissions  # planner/plan/model.py
integration_user  # planner/plan/model.py
create_records_as  # planner/plan/model.py
assign_by  # planner/plan/model.py
profile_roles  # planner/plan/model.py
inactive_users_reviewed  # planner/plan/model.py
user_sync_setup  # planner/plan/model.py
match_by_email_without_crm_id  # planner/plan/model.py
salesforce_blanks_overwrite  # planner/plan/model.py
predefined_values  # planner/plan/model.py
field_history_tracking  # planner/plan/model.py
lead_conversion_mapping  # planner/plan/model.py
creates_salesforce_records  # planner/plan/model.py
updates_salesforce_records  # planner/plan/model.py
api_version  # planner/plan/model.py
current_allow_multiple_prospects_same_email  # planner/plan/model.py
integrations  # planner/plan/model.py
list_commands  # planner/cli/group.py (click calls it)
short_help  # planner/cli/group.py (click reads it)
summary_headers  # planner/comparison/section.py (templates)
colon_mark  # planner/comparison/section.py (templates)
every_option_plan  # planner/comparison/section.py (templates)
history_enabled  # planner/metadata/org.py (parsed metadata)
create  # planner/metadata/org.py (parsed metadata)
view_all  # planner/metadata/org.py (parsed metadata)
modify_all  # planner/metadata/org.py (parsed metadata)
log_errors  # planner/rules/patterns.py (RE2 options)
max_mem  # planner/rules/patterns.py (RE2 options)
attrib  # planner/metadata/documents.py (the XML parser's callback signature)
active_assignment_rules  # planner/plan/model.py
state_country_picklists  # planner/plan/model.py
profile  # planner/plan/model.py
audience_overlap  # planner/plan/model.py
undelete_matching  # planner/plan/model.py
existing_users  # planner/plan/model.py
get_command  # planner/cli/group.py (click calls it)
format_commands  # planner/cli/group.py (click calls it)
module_text  # planner/plan/shape_export.py (make schema and its staleness test)
__getattr__  # planner/cli/__init__.py (module attribute lookup: planner.cli.cli)
context_class  # click reads it to make a command's context (planner/cli/group.py, planner/cli/help_text.py)
default_map  # planner/cli/group.py (click reads it: a --lang before the command is the command's default)
