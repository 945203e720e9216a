"""The comparison as table cells: what every output format shows, worded once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner import i18n
from planner.comparison import wording
from planner.comparison.results import Comparison, Noted, Option, UnitComparison

COLUMNS = (
    "option",
    "blocked",
    "warnings",
    "licences",
    "syncs",
    "several",
    "needs",
    "steps",
    "changes",
)


@dataclass(frozen=True)
class Row:
    """One option's cells, keyed like :data:`COLUMNS`, plus whether it is the recommended one."""

    recommended: bool
    cells: dict[str, str]
    short_several: str


def headers(lang: str) -> dict[str, str]:
    """Column headers in plain words."""
    return {column: wording.text(f"column.{column}", lang) for column in COLUMNS}


def rows(unit: UnitComparison, lang: str) -> list[Row]:
    """The options of a business unit in table order (the fixed order of the four methods)."""
    return [_row(option, unit, lang) for option in unit.options]


def _row(option: Option, unit: UnitComparison, lang: str) -> Row:
    none = wording.text("none", lang)
    label = option.label
    if option.as_written:
        label += i18n.fill("compare.aside", lang, text=wording.text("as_written", lang))
    blocked = [noted.code for noted in option.errors]
    if option.licences.blocked:
        blocked.append(
            wording.text(
                "blocked.licences",
                lang,
                total=option.licences.total,
                available=option.licences.available,
            )
        )
    changes = [change.text for change in option.changes]
    cells = {
        "option": label,
        "blocked": wording.join(blocked, lang) or none,
        "warnings": codes(option.warnings, lang) or none,
        "licences": option.licences.text,
        "syncs": option.syncs.text,
        "several": option.several_business_units.text,
        "needs": _listed([need.text for need in option.needs], lang) or none,
        "steps": _listed([step.text for step in option.steps], lang) or none,
        "changes": _listed(changes, lang) or wording.text("changes.none", lang),
    }
    short = wording.text(f"several.short.{option.several_business_units.id}", lang)
    return Row(unit.recommendation.option == option.id, cells, short)


def _listed(items: list[str], lang: str) -> str:
    return wording.text("list.semicolon", lang).join(items)


def codes(findings: Sequence[Noted], lang: str) -> str:
    """Distinct codes of some findings, in order."""
    return wording.join(sorted({noted.code for noted in findings}), lang)


def named(findings: Sequence[Noted]) -> list[str]:
    """``CODE name`` for each distinct code, in code order."""
    return sorted({f"{noted.code} {noted.name}" for noted in findings})


def unit_heading(unit: UnitComparison, lang: str) -> str:
    """``Business unit "Japan" (as written: …)``."""
    written = next((option.label for option in unit.options if option.as_written), None)
    detail = (
        wording.text("unit.written", lang, option=written)
        if written
        else wording.text("unit.undecided", lang)
    )
    return wording.text("unit", lang, name=unit.name) + i18n.fill(
        "compare.aside", lang, text=detail
    )


def title(comparison: Comparison) -> str:
    """The first line: which plan, how many business units, which org."""
    return wording.text(
        "title",
        comparison.lang,
        file=comparison.file,
        count=len(comparison.units),
        org=comparison.org,
    )


def others(unit: UnitComparison, lang: str) -> list[str]:
    """``label: why it lost`` for every option but the recommended one, best first."""
    labels = {option.id: option.label for option in unit.options}
    return [
        i18n.fill("compare.labelled", lang, label=labels[item.id], text=item.text)
        for item in unit.recommendation.others
    ]


def facts(unit: UnitComparison) -> str:
    """The recommendation's fact ids, as ``(F44, F46)``."""
    return "(" + ", ".join(unit.recommendation.facts) + ")"


def every_option(findings: Sequence[Noted], lang: str, plan: bool = False) -> str:
    """The findings every option raises, labelled: a unit's, or (``plan``) the whole plan's."""
    label = wording.text("every_option.plan" if plan else "every_option", lang)
    return wording.labelled(label, wording.join(named(findings), lang), lang)
