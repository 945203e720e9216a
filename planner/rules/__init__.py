"""Rules: the rule-file format, the built-in index, organisation rules, conditions, the engine, checks.

May import ``planner.plan`` and the shared leaves; never lint, config or anything above.
"""
