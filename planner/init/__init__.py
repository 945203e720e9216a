"""`aeplan init`: the interview (questions and answers), the plan writer and its generated comments.

May import ``planner.lint``, ``planner.rules``, ``planner.plan`` and the leaves; never click.
"""
