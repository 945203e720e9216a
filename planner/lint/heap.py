"""The garbage collector during a batch: results already kept are not scanned again per file.

CPython's collector walks every tracked object in its oldest generation on each full collection,
so a run that keeps each file's analysis (data, positions, findings) for its reporters rescans
all earlier files again and again: a quarter of the time of 1,000 plans. Freezing what is kept
after each file (``gc.freeze``) takes it out of those scans while the collector keeps running
normally inside each file's own work; the batch unfreezes it all when it ends, so nothing stays
out of reach of later collections.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable

from planner.limits import Limits

if TYPE_CHECKING:
    from pathlib import Path


@contextmanager
def settled() -> Iterator[Callable[[], None]]:
    """Yield ``settle()``: call it after each file to put everything alive now out of scans."""
    if not gc.isenabled():  # someone manages the collector already: leave it to them
        yield _nothing
        return
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _nothing() -> None:
    """``settle()`` when the collector is off."""


# One plan within the default plan-size limit (``Limits.max_bytes``, 16 MiB) is linted, reported
# or compared without the cycle collector: its objects live to the end and hold next to no cyclic
# garbage (the large bench plans, 2.7 and 5.5 MB, peak at the same memory with the collector on
# or off, for lint, report and compare alike), and collections cost 5-15% of a run. One limit for
# every size of plan, so that time grows linearly across it (a lower limit made lint 2x/1x
# measure 2.2 where the bench plans straddled it).
SMALL_PLAN_BYTES = Limits().max_bytes


@contextmanager
def one_plan(path: Path) -> Iterator[Callable[[], None]]:
    """Yield ``settle()`` for one plan's run: the collector paused for a small plan file
    (:data:`SMALL_PLAN_BYTES`), else :func:`settled`; the collector is back as it was after."""
    try:
        small = gc.isenabled() and 0 <= path.stat().st_size <= SMALL_PLAN_BYTES
    except (OSError, ValueError):
        small = False  # the analysis reports an unreadable file
    if not small:
        with settled() as settle:
            yield settle
        return
    gc.disable()
    try:
        yield _nothing
    finally:
        gc.enable()
