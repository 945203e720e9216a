"""Who a report is for and how it is dated: ``aeplan report`` options that change wording only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Optional

from planner.errors import PlannerError
from planner.i18n import LIST_SEPARATOR

AUDIENCES = ("team", "customer")
"""``team``: the people who run aeplan (CLI hints, file names); ``customer``: a hand-over copy."""

_REVISION_LIMIT = 40


@dataclass(frozen=True)
class Presentation:
    """How to present one report; the defaults keep the output byte-identical run after run."""

    audience: str = "team"
    date: Optional[str] = None
    """An ISO 8601 calendar date (``2026-11-30``) shown in the header, or none."""
    revision: Optional[str] = None
    """A short revision label (``v3``, ``第2版``) shown in the header, or none."""

    @property
    def for_customer(self) -> bool:
        """True when CLI hints and file names are left out."""
        return self.audience == "customer"


def presentation(
    audience: str = "team", date: Optional[str] = None, revision: Optional[str] = None
) -> Presentation:
    """A checked :class:`Presentation`; raises :class:`PlannerError` on a bad date or revision.

    ``date`` must be an ISO 8601 calendar date (``YYYY-MM-DD``); ``revision`` one printable
    line of at most 40 characters.
    """
    if audience not in AUDIENCES:
        raise PlannerError.keyed(
            "report_options.audience", choices=LIST_SEPARATOR.join(AUDIENCES), value=repr(audience)
        )
    if date is not None:
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise PlannerError.keyed("report_options.date", value=repr(date)) from None
        if len(date) != 10:
            raise PlannerError.keyed("report_options.date", value=repr(date))
    if revision is not None and (
        not revision.strip() or len(revision) > _REVISION_LIMIT or not revision.isprintable()
    ):
        raise PlannerError.keyed("report_options.revision", limit=_REVISION_LIMIT)
    return Presentation(audience, date, revision)
