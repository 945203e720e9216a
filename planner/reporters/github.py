"""GitHub Actions workflow commands (inline annotations) and the Markdown job summary."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TextIO

from planner import phrases
from planner.errors import PlannerError, os_reason
from planner.findings import Finding, Severity
from planner.lint.linter import LintResult
from planner.reporters.fingerprints import relative_path
from planner.reporters.text import summary

# GitHub rejects a step summary over 1 MiB; the table stops early enough to stay below it.
SUMMARY_BUDGET = 900 * 1024
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# C0/C1 controls other than CR and LF (which the runner decodes): shown, never passed through.
# Bidi controls (U+061C, U+200E/F, U+202A-E, U+2066-9) too: they reorder what a reviewer reads.
_CONTROL = re.compile(
    r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
# Markdown that could turn plan text into a table break, a link, an image or code: each is
# backslash-escaped (a link or image needs `[`), so `![x](https://…)` shows as text and never
# loads a remote image.
_MARKDOWN_SYNTAX = re.compile(r"[|\\\[\]`]")


def render(result: LintResult, stream: TextIO) -> None:
    """Write one ``::error``/``::warning``/``::notice`` line per finding."""
    for finding in result.findings:
        stream.write(command(finding, result.lang) + "\n")


def command(finding: Finding, lang: str) -> str:
    """The workflow command for one finding; the fix follows the message on its own line."""
    properties = {
        "file": relative_path(finding.file),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": f"{finding.code} {finding.name}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = finding.message
    if finding.fix:
        message += f"\n{phrases.tool('label.fix', lang)}: {finding.fix}"
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message as the runner expects: ``%``, CR and LF."""
    text = _CONTROL.sub(_shown, text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property: as :func:`escape_data`, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def step_summary(result: LintResult) -> str:
    """The Markdown job summary: a table of findings and the counts line."""
    lang = result.lang
    lines = [f"### {phrases.tool('output.summary_title', lang)}", ""]
    if result.findings:
        headings = ("location", "code", "severity", "message")
        lines.append("| " + " | ".join(phrases.tool(f"output.{h}", lang) for h in headings) + " |")
        lines.append("|---|---|---|---|")
        lines.extend(_rows(result.findings, lang, SUMMARY_BUDGET))
        lines.append("")
    lines.extend(_cell(line) for line in summary(result).splitlines())
    return "\n".join(lines) + "\n\n"


def _rows(findings: list[Finding], lang: str, budget: int) -> list[str]:
    rows: list[str] = []
    for number, finding in enumerate(findings):
        row = _row(finding, lang)
        budget -= len(row.encode("utf-8")) + 1
        if budget < 0:
            more = phrases.tool("output.more", lang, count=len(findings) - number)
            return [*rows, "", more]
        rows.append(row)
    return rows


def _row(finding: Finding, lang: str) -> str:
    cells = (
        _cell(f"{relative_path(finding.file)}:{finding.line}"),
        _cell(f"{finding.code} {finding.name}"),
        phrases.tool(f"severity.{finding.severity.value}", lang),
        _cell(finding.message),
    )
    return "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, line breaks or raw HTML."""
    text = _CONTROL.sub(_shown, text).replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SYNTAX.sub(r"\\\g<0>", text)


def append_step_summary(result: LintResult, path: str, *, protected: tuple[Path, ...] = ()) -> None:
    """Append :func:`step_summary` to ``path`` (GitHub's ``$GITHUB_STEP_SUMMARY``) in one write."""
    from planner.atomic import refuse_input

    target = Path(path)
    # by device and inode: a hard link or symlink to a plan is refused like the plan itself
    refuse_input(target, protected, "file.refuse_summary")
    try:
        with target.open("a", encoding="utf-8", newline="") as handle:
            handle.write(step_summary(result))
    except OSError as error:
        reason, key = os_reason(error)
        raise PlannerError.keyed(
            "file.summary_unwritable", file=path, reason=reason, reason_key=key
        ) from None
