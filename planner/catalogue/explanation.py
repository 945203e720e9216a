"""A rule's docs in fixed sections, in English or Japanese, and as terminal text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from planner.catalogue.factsheet import confidence_words
from planner.i18n import LIST_SEPARATOR, fill
from planner.terminal import printable

if TYPE_CHECKING:
    from planner.rules.rulebook import RuleSpec


def label(key: str, lang: str, /, **params: object) -> str:
    """A section title or other word of the rule docs (``explain.label.*``)."""
    return fill(f"explain.label.{key}", lang, **params)


def severity_word(severity: str, lang: str) -> str:
    """``error`` / ``エラー`` and so on."""
    return fill(f"severity.{severity}", lang)


@dataclass(frozen=True)
class Fact:
    """A fact id a rule rests on, with the fact sheet's confidence in words (may be empty)."""

    fact_id: str
    confidence: str


@dataclass(frozen=True)
class Explanation:
    """Everything ``aeplan explain`` and the generated docs show for one rule, in one language."""

    code: str
    name: str
    severity: str
    summary: str
    what: str
    why: str
    fail_yaml: str
    fail_at: tuple[str, ...]
    pass_yaml: str
    fix: str
    caveat: Optional[str]
    facts: tuple[Fact, ...]
    references: tuple[str, ...]
    metadata: Optional[tuple[str, str]] = None
    """The sample metadata folders the failing and the fixed example are checked against."""

    def headings(self, lang: str, fails: str) -> tuple[str, str]:
        """The failing and fixed examples' headings, naming their metadata folders if any."""
        fixed = label("fixed", lang)
        if self.metadata is None:
            return fails, fixed
        gap = fill("explain.gap", lang)
        return (
            fails + gap + label("against", lang, folder=self.metadata[0]),
            fixed + gap + label("against", lang, folder=self.metadata[1]),
        )

    autofix: Optional[str] = None
    """Whether and how ``aeplan lint --fix`` fixes this rule's findings (None: it does not)."""


def explain(rule: RuleSpec, lang: str, confidences: Mapping[str, tuple[str, ...]]) -> Explanation:
    """The rule's docs in ``lang``, with each fact's confidence where the fact sheet gives it."""
    docs = rule.docs
    return Explanation(
        code=rule.code,
        name=rule.name,
        severity=rule.severity.value,
        summary=rule.summary.get(lang),
        what=docs.what.get(lang),
        why=docs.why.get(lang),
        fail_yaml=rule.examples.fail,
        fail_at=tuple(rule.examples.fail_at),
        pass_yaml=rule.examples.pass_,
        fix=docs.fix.get(lang),
        caveat=docs.caveat.get(lang) if docs.caveat else None,
        facts=tuple(
            Fact(fact, confidence_words(confidences.get(fact, ()), lang)) for fact in rule.facts
        ),
        references=tuple(rule.references),
        metadata=(
            (rule.examples.metadata.fail, rule.examples.metadata.pass_)
            if rule.examples.metadata is not None
            else None
        ),
        autofix=autofix_text(rule, lang),
    )


def autofix_text(rule: RuleSpec, lang: str) -> Optional[str]:
    """``--fix`` fixes (some of) these findings: how, in ``lang``; None when it cannot."""
    if rule.autofix is None:
        return None
    key = f"explain.autofix_{rule.autofix.availability}_{rule.autofix.safety}"
    # Typography, not wording: a Japanese sentence follows the one before without a space.
    return fill(key, lang) + ("" if lang == "ja" else " ") + rule.autofix.what.get(lang)


def fact_line(fact: Fact, lang: str) -> str:
    """``F09 (confidence: high)``, or just the id when the confidence is unknown."""
    if not fact.confidence:
        return fact.fact_id
    return fill("explain.fact_confidence", lang, fact=fact.fact_id, confidence=fact.confidence)


def render_text(explanation: Explanation, lang: str) -> str:
    """The explanation for a terminal; every text from a rule file is made printable."""
    e = explanation
    head = f"{e.code} · {e.name} · {severity_word(e.severity, lang)}\n{_safe(e.summary)}\n"
    blocks = [head]
    blocks.append(_section(label("what", lang), [_safe(e.what)]))
    blocks.append(_section(label("why", lang), [_safe(e.why)]))
    fails, fixed = e.headings(lang, label("fails", lang, at=LIST_SEPARATOR.join(e.fail_at)))
    example = [
        f"{_safe(fails)}:",
        *_yaml(e.fail_yaml),
        f"{fixed}:",
        *_yaml(e.pass_yaml),
    ]
    blocks.append(_section(label("example", lang), example))
    blocks.append(_section(label("fix", lang), [_safe(e.fix)]))
    if e.caveat:
        blocks.append(_section(label("caveat", lang), [_safe(e.caveat)]))
    if e.autofix:
        blocks.append(_section(fill("explain.autofix_title", lang), [_safe(e.autofix)]))
    facts = [_safe(fact_line(fact, lang)) for fact in e.facts] or [label("none", lang)]
    blocks.append(_section(label("facts", lang), facts))
    references = [_safe(url) for url in e.references] or [label("none", lang)]
    blocks.append(_section(label("references", lang), references))
    return "\n".join(blocks)


def _section(title: str, lines: list[str]) -> str:
    return title + "\n" + "".join(f"  {line}\n" if line else "\n" for line in lines)


def _yaml(text: str) -> list[str]:
    return [f"  {_safe(line)}" if line else "" for line in text.rstrip("\n").splitlines()]


def _safe(text: str) -> str:
    return printable(text).rstrip()
