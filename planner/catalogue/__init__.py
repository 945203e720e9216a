"""The rule catalogue: `aeplan rules`, `aeplan explain`, the fact sheet and the generated rule docs.

May import ``planner.rules`` and the leaves.
"""
