"""Lint results for the reporter tests: all samples in each language, hostile text, and none."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from planner.lint.linter import Linter, LintOptions, LintResult, Selection
from planner.reporters import reporter
from tests.conftest import REPO, SAMPLES

SCHEMAS = REPO / "tests" / "schemas"
# Everything an output format must survive: its own markup, line breaks, XML-forbidden and
# terminal control characters, workflow-command syntax and characters outside the BMP.
HOSTILE = (
    'A%25 <b>&amp;"q" ]]> \r\n::error file=evil::pwned, a:b | \x01\x1b[31m\x7f \U0001f600 \ufffe'
)


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that uses escapes for anything unusual."""
    out = []
    for char in text:
        code = ord(char)
        if 0x20 <= code < 0x7F and char not in '"\\':
            out.append(char)
        elif code > 0xFFFF:
            out.append(f"\\U{code:08X}")
        else:
            out.append(f"\\u{code:04X}")
    return '"' + "".join(out) + '"'


def hostile_plan(name: str = HOSTILE) -> str:
    """A plan whose business-unit name (quoted in several messages) is ``name``."""
    return (
        "aeplan: 1\n"
        "salesforce: {org: acme}\n"
        "business_units:\n"
        f"  - name: {yaml_quoted(name)}\n"
        "    connector: {version: 2, state: paused, user: integration_user}\n"
        "    sync: {scope: marketing_data_sharing}\n"
        "    rollout: {before_unpause: [review_settings]}\n"
    )


@cache
def linter(lang: str = "", select: tuple[str, ...] = ()) -> Linter:
    return Linter(LintOptions(lang=lang or None, selection=Selection(select=select)))


@cache
def samples_result(lang: str) -> LintResult:
    """Every good and bad sample, linted in ``lang``."""
    return linter(lang).lint_paths([str(SAMPLES / "good"), str(SAMPLES / "bad")])


def texts_result(files: tuple[tuple[str, str], ...], lang: str = "en") -> LintResult:
    """Lint (name, YAML text) pairs as if they were files."""
    chosen = linter(lang)
    analyses = tuple(chosen.analyse_bytes(text.encode("utf-8"), name) for name, text in files)
    active = tuple(r.code for r in chosen.rulebook.rules if chosen.options.selection.active(r.code))
    ran_on_invalid = chosen.engine.runs_on_invalid_plans
    return LintResult(analyses, lang, chosen.rulebook, active, on_invalid_plans=ran_on_invalid)


def hostile_result(lang: str = "en") -> LintResult:
    return texts_result((("plans/hostile.yaml", hostile_plan()),), lang)


def empty_result() -> LintResult:
    return texts_result(())


@cache
def metadata_result() -> LintResult:
    """A sample plan checked against broken org metadata: findings with related locations."""
    chosen = Linter(LintOptions(metadata=SAMPLES / "metadata" / "globex-broken-dx"))
    return chosen.lint_paths([str(SAMPLES / "good" / "two-bu-mds.yaml")])


def results() -> dict[str, LintResult]:
    """The results every format is validated on, by test id."""
    return {
        "samples-en": samples_result("en"),
        "samples-ja": samples_result("ja"),
        "hostile-en": hostile_result("en"),
        "hostile-ja": hostile_result("ja"),
        "empty": empty_result(),
        "metadata": metadata_result(),
    }


def rendered(format_name: str, result: LintResult) -> str:
    stream = io.StringIO()
    reporter(format_name).render(result, stream)
    return stream.getvalue()


def load_json_schema(name: str) -> Any:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def schema_path(name: str) -> Path:
    return SCHEMAS / name
