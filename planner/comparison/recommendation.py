"""Rank a business unit's options and explain the choice with the facts behind it."""

from __future__ import annotations

from collections.abc import Sequence

from planner.comparison import wording
from planner.comparison.results import Item, Option, Recommendation
from planner.comparison.variants import INTEGRATION_USER, MDS

_FACTS = {
    "integration_user+marketing_data_sharing.multi": ("F44", "F46", "F22"),
    "integration_user+marketing_data_sharing.single": ("F28", "F22", "F16"),
    "integration_user+all_records.single": ("F21", "F16"),
    "integration_user+all_records.multi": ("F21", "F16"),
    "custom_user+all_records.single": ("F23", "F16"),
    "custom_user+all_records.multi": ("F23", "F46", "F47"),
    "custom_user+marketing_data_sharing.single": ("F34", "F23"),
    "custom_user+marketing_data_sharing.multi": ("F34", "F36", "F23"),
}


def salesforce_preference(option: Option, multi: bool) -> int:
    """0 for what Salesforce recommends: the integration user, with MDS when BUs share an org."""
    return int(option.user != INTEGRATION_USER) + int(multi and option.scope != MDS)


def rank_key(option: Option, multi: bool, order: int) -> tuple[int, int, int, int, int, int, int]:
    """Unblocked first; then fewer warnings, steps and licences; Salesforce's choice; as written."""
    return (
        int(option.blocked),
        len(option.errors) + int(option.licences.blocked),
        len(option.warnings),
        option.cost,
        salesforce_preference(option, multi),
        int(not option.as_written),
        order,
    )


def recommend(options: Sequence[Option], multi: bool, lang: str) -> Recommendation:
    """The best option by :func:`rank_key`, with a reason and why each other option lost."""
    ranked = sorted(range(len(options)), key=lambda i: rank_key(options[i], multi, i))
    best = options[ranked[0]]
    context = f"{best.id}.{'multi' if multi else 'single'}"
    sentences = []
    if best.as_written:
        sentences.append(wording.text("reason.best_as_written", lang))
    if best.blocked:
        sentences.append(wording.text("reason.all_blocked", lang))
    sentences.append(wording.text(f"reason.{context}", lang))
    others = tuple(Item(options[i].id, _why_not(options[i], best, multi, lang)) for i in ranked[1:])
    # Typography, not wording: Japanese sentences follow each other without a space.
    separator = "" if lang == "ja" else " "
    return Recommendation(
        option=best.id,
        label=best.label,
        as_written=best.as_written,
        reason=separator.join(sentences),
        facts=_FACTS[context],
        others=others,
    )


def _codes(option: Option, lang: str) -> str:
    shown = sorted({noted.code for noted in option.errors})
    if option.licences.blocked:
        shown.append(
            wording.text(
                "blocked.licences",
                lang,
                total=option.licences.total,
                available=option.licences.available,
            )
        )
    return wording.join(shown, lang)


def _why_not(other: Option, best: Option, multi: bool, lang: str) -> str:
    if other.blocked and not best.blocked:
        return wording.text("whynot.blocked", lang, codes=_codes(other, lang))
    if len(other.errors) + other.licences.blocked > len(best.errors) + best.licences.blocked:
        return wording.text("whynot.more_blocked", lang, codes=_codes(other, lang))
    if len(other.warnings) > len(best.warnings):
        codes = wording.join(sorted({noted.code for noted in other.warnings}), lang)
        return wording.text("whynot.warnings", lang, codes=codes)
    if other.cost > best.cost:
        return wording.text("whynot.steps", lang, count=other.cost, best=best.cost)
    if salesforce_preference(other, multi) > salesforce_preference(best, multi):
        return wording.text("whynot.salesforce", lang)
    if best.as_written and not other.as_written:
        return wording.text("whynot.as_written", lang)
    return wording.text("whynot.order", lang)
