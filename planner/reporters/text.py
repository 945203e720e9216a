"""Human-readable findings: ``file:line:col: CODE [severity] message``, source and caret."""

from __future__ import annotations

from typing import TextIO

from planner import phrases
from planner.colour import paint
from planner.findings import Finding, Severity
from planner.lint.linter import LintResult
from planner.plan.secrets import MaskedSource
from planner.reporters import help_reference
from planner.terminal import printable, width

_LABELS = ("see", "fix", "fixable", "fixable_unsafe", "help")
#: How much of a source line the text format quotes (characters, before escaping).
SHOWN_CHARACTERS = 200


def render(result: LintResult, stream: TextIO) -> None:
    """Write each finding with its source line, caret and fix, then a summary line.

    On a :class:`planner.colour.Coloured` stream, severity, code, caret and fix are coloured.
    """
    labels: dict[str, dict[str, str]] = {}  # each language's labels, looked up once
    for analysis in result.analyses:
        lines, lang = MaskedSource(analysis.loaded), analysis.lang
        if lang not in labels:
            labels[lang] = {key: phrases.tool(f"label.{key}", lang) for key in _LABELS}
        for finding in analysis.findings:
            stream.write(_finding(finding, lines, lang, labels[lang], stream))
    stream.write(summary(result) + "\n")


def _finding(
    finding: Finding, lines: MaskedSource, lang: str, labels: dict[str, str], stream: TextIO
) -> str:
    severity = finding.severity.value
    where = paint(stream, "path", f"{printable(finding.file)}:{finding.line}:{finding.column}:")
    head = (
        f"{where} {paint(stream, 'code', finding.code)} [{paint(stream, severity, severity)}] "
        f"{finding.name}: {printable(finding.message)}\n"
    )
    body = ""
    if 0 < finding.line <= len(lines):
        source = lines[finding.line - 1]
        shown_source = source[:SHOWN_CHARACTERS]
        shown = printable(shown_source)
        gutter = f"{finding.line:>5} | "
        # measured on the shown part only: the cost per finding never grows with the line,
        # and a column past it puts the caret at the end of what is shown
        before = shown_source[: max(finding.column - 1, 0)]
        caret_at = width(printable(before))
        caret = paint(stream, "caret", "^")
        body = f"{gutter}{shown}\n{' ' * (len(gutter) - 2)}| {' ' * caret_at}{caret}\n"
    tail = ""
    if finding.related:
        places = ", ".join(printable(str(place)) for place in finding.related)
        tail += f"      {labels['see']}: {places}\n"
    if finding.fix:
        label = paint(stream, "fix", labels["fix"])
        fixable = ""
        if finding.edit is not None:
            fixable = f" [{labels['fixable' if finding.edit.safe else 'fixable_unsafe']}]"
        tail += f"      {label}: {printable(finding.fix)}{fixable}\n"
    tail += f"      {labels['help']}: {help_reference(finding.code, lang)}\n"
    return head + body + tail


def summary(result: LintResult) -> str:
    """One line counting files and findings by severity ("1 file", "2 files": no "file(s)")."""
    lang = result.lang
    files = phrases.counted("file", lang, len(result.analyses))
    total = len(result.findings)
    hidden = "".join(
        "\n" + phrases.tool(f"summary.{key}", lang, count=count)
        for key, count in (("suppressed", result.suppressed), ("baselined", result.baselined))
        if count
    )
    if not total:
        return phrases.tool("summary.clean", lang, files=files) + hidden
    line = phrases.tool(
        "summary.found",
        lang,
        findings=phrases.counted("finding", lang, total),
        files=files,
        errors=phrases.counted("error", lang, result.count(Severity.ERROR)),
        warnings=phrases.counted("warning", lang, result.count(Severity.WARNING)),
        infos=phrases.counted("info", lang, result.count(Severity.INFO)),
    )
    structural = sum(1 for analysis in result.analyses if analysis.structural)
    if structural:
        line += "\n" + phrases.tool("summary.skipped", lang, count=structural)
    return line + hidden
