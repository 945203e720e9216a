"""Configuration: files (discovery, strict validation), effective settings, `aeplan config` view.

May import ``planner.rules`` (to check codes against the rulebook), ``planner.plan`` and the leaves.
"""
