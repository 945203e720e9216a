"""What every section builder sees: the analysed plan, its wording and the citations so far."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional

from planner.findings import Finding, Severity
from planner.lint.linter import Analysis
from planner.plan.model import BusinessUnit, Plan, Team
from planner.report import sources
from planner.report.presentation import Presentation
from planner.report.wording import Wording
from planner.rules.rulebook import Rulebook

if TYPE_CHECKING:
    from planner.progress import ProgressCallback

_BU_POINTER = re.compile(r"^/business_units/(\d+)(?:/|$)")


@dataclass
class Citations:
    """Sources cited so far, numbered in order of first use (the References section lists them)."""

    lang: str = "en"
    """The report's language: a Trailhead address is cited in it (``sources.localised``)."""
    urls: list[str] = field(default_factory=list)

    def cite(self, *urls: str) -> tuple[int, ...]:
        """The reference numbers of ``urls``, adding the new ones at the end."""
        numbers = []
        for cited in urls:
            url = sources.localised(cited, self.lang)
            if url not in self.urls:
                self.urls.append(url)
            numbers.append(self.urls.index(url) + 1)
        return tuple(sorted(set(numbers)))


@dataclass(frozen=True)
class ReportContext:
    """One plan being reported on, in one language."""

    analysis: Analysis
    plan: Plan
    words: Wording
    rulebook: Rulebook
    citations: Citations
    active: Optional[frozenset[str]] = None
    """The rule codes in force (after the lint configuration); None means every rule."""
    presentation: Presentation = field(default_factory=Presentation)
    """Who the report is for (CLI hints are for the team only) and its date and revision."""
    read_metadata: Optional[Callable[[Mapping[str, Any]], Any]] = None
    """Reads the org's metadata a plan variant needs (when the plan was checked against it)."""
    progress: Optional[ProgressCallback] = None
    """Told of each business unit the sync method comparison finishes (the long part)."""

    @property
    def lang(self) -> str:
        """The report's language."""
        return self.words.lang

    @property
    def team(self) -> Team:
        """The plan's team."""
        return self.plan.team

    @property
    def units(self) -> list[BusinessUnit]:
        """The plan's business units, in plan order."""
        return list(self.plan.business_units)

    def findings(self, severity: Optional[Severity] = None) -> list[Finding]:
        """The plan's findings (of one severity when given), in position order."""
        return [f for f in self.analysis.findings if severity is None or f.severity is severity]

    def blocking(self, unit: Optional[int] = None) -> int:
        """Error findings (of one business unit when ``unit`` is its index)."""
        return sum(
            1
            for finding in self.findings(Severity.ERROR)
            if unit is None or unit_of(finding.pointer) == unit
        )

    def people(self, *names: Optional[str]) -> str:
        """Owners joined for display, or the 'not named' wording when nobody is named."""
        named = list(dict.fromkeys(name for name in names if name))
        return self.words("owner.joiner").join(named) if named else self.words("owner.unnamed")

    def object_label(self, name: str) -> str:
        """A Salesforce object's name in the report's language (custom objects as written)."""
        key = f"object.{name.lower()}"
        return self.words(key) if self.words.has(key) else name

    @staticmethod
    def value_text(value: object) -> str:
        """A plan value as the plan writes it (``true``, not Python's ``True``)."""
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def mds_rules(self, unit: BusinessUnit, rule_key: str) -> str:
        """A BU's Marketing Data Sharing rules in one sentence, each worded by ``rule_key``.

        The decisions section and the checklist word a rule differently (``decision.scope.rule``,
        ``flow.filter.rule``) but join them, and say "no rules", the same way.
        """
        return self.words("owner.joiner").join(
            self.words(
                rule_key,
                object=self.object_label(rule.object),
                field=rule.field,
                value=self.value_text(rule.value),
            )
            for rule in unit.sync.marketing_data_sharing
        ) or self.words("decision.scope.no_rules")

    def admins(self) -> str:
        """The Account Engagement admins, joined for display."""
        return self.people(*self.team.account_engagement_admins)


def unit_of(pointer: str) -> Optional[int]:
    """The business unit index a pointer lies under, or None for plan-level pointers."""
    match = _BU_POINTER.match(pointer)
    return int(match.group(1)) if match else None
