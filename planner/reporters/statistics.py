"""``aeplan lint --statistics``: how many findings each rule has, most first, and which fix."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from planner import i18n
from planner.colour import paint
from planner.lint.linter import LintResult
from planner.reporters.text import summary


def render(result: LintResult, stream: TextIO) -> None:
    """One line per rule: count, code, name and ``[*]`` when ``--fix`` can fix some of them."""
    lang = result.lang
    counts = Counter(finding.code for finding in result.findings)
    fixable = {finding.code for finding in result.findings if finding.edit and finding.edit.safe}
    names = {finding.code: finding.name for finding in result.findings}
    if counts:
        stream.write(i18n.fill("summary.statistics_head", lang) + "\n")
    width = max((len(str(count)) for count in counts.values()), default=1)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = " [*]" if code in fixable else ""
        stream.write(f"{count:>{width}}  {paint(stream, 'code', code)}  {names[code]}{mark}\n")
    stream.write(summary(result) + "\n")
