"""The value a user evidently meant: ``Paused`` → ``paused``, ``MDS`` → ``marketing_data_sharing``.

``suggest`` answers with the word and whether the guess is *certain* (a change of case, spaces
or hyphens for underscores, a known alias: safe to fix automatically) or only *likely* (a unique
prefix or a close spelling: offered with ``--unsafe-fixes``).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import NamedTuple, Optional

# Words people write for the plan format's values (Salesforce's and Account Engagement's own
# names and abbreviations). An alias counts only when its target is allowed at that place.
ALIASES = {
    "mds": "marketing_data_sharing",
    "marketing_data_sharing_rules": "marketing_data_sharing",
    "all": "all_records",
    "integration": "integration_user",
    "b2bma_integration_user": "integration_user",
    "custom": "custom_user",
    "connector_user": "custom_user",
    "ae": "account_engagement",
    "pardot": "account_engagement",
    "sf": "salesforce",
    "sfdc": "salesforce",
    "crm": "salesforce",
    "most_recently_updated": "most_recent",
    "crmid": "crm_id",
    "crm_id_field": "crm_id",
    "service": "service_cloud",
    "sales": "sales_cloud",
    # Language codes: `jp` is the country, `ja` the language (ISO 639-1), as everywhere in aeplan.
    "jp": "ja",
    "jpn": "ja",
    "japanese": "ja",
    "eng": "en",
    "english": "en",
}


class Suggestion(NamedTuple):
    """A value to write instead, and whether replacing it keeps the author's meaning for sure."""

    value: str
    certain: bool


def normalised(word: str) -> str:
    """Lower case, spaces and hyphens as underscores (`Integration user` → `integration_user`)."""
    return "_".join(word.strip().lower().replace("-", " ").replace("_", " ").split())


def suggest(given: str, allowed: Sequence[str]) -> Optional[Suggestion]:
    """The allowed word ``given`` most likely means, or None when there is no single candidate."""
    word = normalised(given)
    if not word:
        return None
    if word in allowed:
        return Suggestion(word, True)
    alias = ALIASES.get(word)
    if alias in allowed:
        return Suggestion(str(alias), True)
    starting = [option for option in allowed if option.startswith(word)]
    if len(starting) == 1 and len(word) >= 3:
        return Suggestion(starting[0], False)
    swapped = [option for option in allowed if _one_swap_apart(word, option)]
    if len(swapped) == 1:  # `lnit` is `lint` typed fast, though `init` is as close by spelling
        return Suggestion(swapped[0], False)
    close = difflib.get_close_matches(word, list(allowed), n=2, cutoff=0.75)
    if len(close) == 1:
        return Suggestion(close[0], False)
    return None


def _one_swap_apart(word: str, option: str) -> bool:
    """``word`` is ``option`` with two neighbouring letters exchanged (the commonest typo)."""
    if len(word) != len(option) or len(word) < 2:
        return False
    differ = [index for index, (a, b) in enumerate(zip(word, option)) if a != b]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and word[differ[0]] == option[differ[1]]
        and word[differ[1]] == option[differ[0]]
    )


def closest_rule(wanted: str, codes: Sequence[str], names: Sequence[str]) -> str:
    """The rule code or name most like ``wanted``, or ``""``: one answer for ``lint --select``,
    the configuration file and ``explain`` alike. Ties go to the candidate sharing the longest
    start with ``wanted`` (``AE999`` → an ``AE9`` rule), then to the first in sorted order."""
    scored = [
        (difflib.SequenceMatcher(None, probe, candidate).ratio(), candidate, probe)
        for probe, pool in ((wanted.upper(), codes), (wanted.lower(), names))
        for candidate in pool
    ]
    best = min(
        scored,
        key=lambda item: (-item[0], -_shared_start(item[1], item[2]), item[1]),
        default=(0.0, "", ""),
    )
    return best[1] if best[0] >= 0.6 else ""


def _shared_start(first: str, second: str) -> int:
    count = 0
    for a, b in zip(first, second):
        if a != b:
            break
        count += 1
    return count
