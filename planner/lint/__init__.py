"""The lint run: discovery, analysis of one file, suppressions, baseline, results.

May import ``planner.config``, ``planner.rules``, ``planner.plan`` and the leaves; never a reporter.
"""
