"""Rules: the rule-file format, built-in index, organisation rules, conditions, engine, checks.

May import ``planner.plan`` and the shared leaves; never lint, config or anything above.
"""
