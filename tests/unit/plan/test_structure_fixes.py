"""Each structural fix: the edit it offers, its safety, and the text after applying it."""

from __future__ import annotations

import pytest

from planner.lint.linter import Linter
from planner.plan import fixes
from tests.conftest import analyse

HEAD = "aeplan: 1\nsalesforce: {org: x}\nbusiness_units:\n  - name: a\n"


@pytest.mark.parametrize(
    ("text", "fixed", "safe"),
    [
        (HEAD + "    edition: Plus  # note\n", HEAD + "    edition: plus  # note\n", True),
        (HEAD + "    sync: {scope: MDS}\n",
         HEAD + "    sync: {scope: marketing_data_sharing}\n", True),
        (HEAD + "    connector: {version: '2'}\n", HEAD + "    connector: {version: 2}\n", True),
        (HEAD + "    rollout: {before_unpause: map users}\n",
         HEAD + "    rollout: {before_unpause: [map_users]}\n", True),
        (HEAD + "    editon: plus\n", HEAD + "    edition: plus\n", True),
        (HEAD + "    edition: adv\n", HEAD + "    edition: advanced\n", False),
        ("salesforce: {org: x}\nbusiness_units: [{name: a}]\n",
         "aeplan: 1\nsalesforce: {org: x}\nbusiness_units: [{name: a}]\n", True),
        ('aeplan: "1"\nsalesforce: {org: x}\nbusiness_units: [{name: a}]\n',
         "aeplan: 1\nsalesforce: {org: x}\nbusiness_units: [{name: a}]\n", True),
        ("aeplan: 1\nsalesforce: {org: x, person_accounts: 'false'}\nbusiness_units: []\n",
         "aeplan: 1\nsalesforce: {org: x, person_accounts: false}\nbusiness_units: []\n", True),
    ],
)  # fmt: skip
def test_fix(linter: Linter, text: str, fixed: str, safe: bool) -> None:
    analysis = analyse(linter, text)
    edits = [finding.edit for finding in analysis.findings if finding.edit is not None]
    assert len(edits) == 1, analysis.findings
    assert edits[0].safe is safe
    assert fixes.apply(text, edits) == fixed


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "    edition: >\n      Plus\n",  # a folded scalar: not one token on one line
        HEAD + "    edition: banana\n",  # nothing evident
        "{aeplan: 1, salesforce: {org: x}, business_units: [{name: a}], Name: x}\n".replace(
            "Name: x", "name: y, Name: x"
        ),  # renaming would collide with an existing key
    ],
)
def test_no_fix_when_it_is_not_evident(linter: Linter, text: str) -> None:
    analysis = analyse(linter, text)
    assert analysis.findings
    assert all(finding.edit is None for finding in analysis.findings)


def test_overlapping_edits_wait_for_the_next_pass() -> None:
    from planner.findings import Edit

    first = Edit(1, 1, 1, 5, "x")
    inside = Edit(1, 3, 1, 4, "y")
    assert fixes.applicable([first, inside, None], unsafe=False) == [first]
