"""What is wrong with a rule file, in aeplan's words in both languages (never a library's).

pydantic (the rule-file format), jsonschema (``check.when`` against the JSON Schema meta-schema)
and RE2 (``pattern``) each describe a problem in their own English; here each is put into a
catalogue sentence (``rule_file.problem.*``, ``organisation.schema_problem.*``,
``organisation.re2.*``) as :class:`~planner.errors.Said` text a :class:`PlannerError` says in
the run's language.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from typing import Any

from planner.errors import Said, said
from planner.i18n import LIST_SEPARATOR
from planner.phrases import kind

_FOUND_CHARACTERS = 60


def found(value: object) -> str:
    """A value from the rule file as JSON, cut to a readable length."""
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= _FOUND_CHARACTERS else text[: _FOUND_CHARACTERS - 1] + "…"


# -- pydantic: the rule-file format ------------------------------------------------------------

_PATTERN_KINDS = {"code": "code_pattern", "name": "name_pattern"}
_SAME = (
    "missing", "extra_forbidden", "string_type", "string_too_short", "list_type", "too_short",
    "bool_type", "int_type", "duplicate_case", "fact_id",
)  # fmt: skip
_MAPPING = ("dict_type", "model_type", "model_attributes_type")


def format_problem(error: Mapping[str, Any]) -> Said:
    """One of pydantic's errors on a rule file (``ValidationError.errors()`` item) in words."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    location = [str(part) for part in error.get("loc", ())]
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        given = error.get("input")
        shown = found(given)
        close = difflib.get_close_matches(str(given).lower(), choices, n=1, cutoff=0.6)
        if close:
            return said("rule_file.problem.one_of_close", choices=LIST_SEPARATOR.join(choices),
                        found=shown, close=close[0])  # fmt: skip
        return said(
            "rule_file.problem.one_of_found", choices=LIST_SEPARATOR.join(choices), found=shown
        )
    if kind == "string_pattern_mismatch":
        last = location[-1] if location else ""
        slug = _PATTERN_KINDS.get(last, "folder_pattern")
        if last == "name" and "cases" in location:
            slug = "name_pattern"
        return said(f"rule_file.problem.{slug}", found=found(error.get("input")))
    if kind in _MAPPING:
        return said("rule_file.problem.mapping")
    if kind in _SAME:
        return said(f"rule_file.problem.{kind}", **{k: str(v) for k, v in context.items()})
    return said("rule_file.problem.other", found=found(error.get("input")))


# -- jsonschema: check.when against the meta-schema ---------------------------------------------

_KINDS = {"string": "text", "array": "list", "object": "mapping"}
_TYPE_NAMES = ("string", "number", "integer", "boolean", "object", "array", "null")


def schema_problem(keyword: str, value: Any, instance: Any, path: tuple[Any, ...]) -> Said:
    """A meta-schema error (``SchemaError``'s ``validator``, ``validator_value``, ``instance``
    and ``path``) in words."""
    shown = found(instance)
    if path and path[-1] == "type" and keyword in ("anyOf", "enum", "uniqueItems", "minItems"):
        return said("organisation.schema_problem.type_keyword", found=shown)
    if keyword == "type":
        return said("organisation.schema_problem.type", found=shown, expected=_expected(value))
    if keyword in ("minimum", "exclusiveMinimum", "minItems", "uniqueItems"):
        return said(f"organisation.schema_problem.{keyword}", limit=value, found=shown)
    return said("organisation.schema_problem.other", keyword=keyword, found=shown)


def _expected(value: Any) -> Said:
    names = value if isinstance(value, list) else [value]
    words = []
    for lang in ("en", "ja"):
        joiner = said("kind.joiner").in_language(lang)
        words.append(joiner.join(kind(_KINDS.get(str(name), str(name)), lang) for name in names))
    return Said(*words)


# -- RE2: patterns ------------------------------------------------------------------------------

_RE2_PROBLEMS = (
    ("invalid escape sequence", "bad_escape"),
    ("invalid character class range", "bad_char_range"),
    ("invalid character class", "bad_char_class"),
    ("missing ]", "missing_bracket"),
    ("missing )", "missing_paren"),
    ("unexpected )", "unexpected_paren"),
    ("trailing \\", "trailing_backslash"),
    ("no argument for repetition operator", "repeat_argument"),
    ("invalid repetition size", "repeat_size"),
    ("bad repetition operator", "repeat_op"),
    ("invalid perl operator", "bad_perl_op"),
    ("invalid UTF-8", "bad_utf8"),
    ("invalid named capture group", "bad_named_capture"),
    ("pattern too large", "too_large"),
)
_BACK_REFERENCE = re.compile(r"^\\[1-9]")
_LOOK_AROUND = ("(?=", "(?!", "(?<=", "(?<!")


def pattern_problem(reason: str) -> Said:
    """RE2's reason for refusing a pattern (``missing ): (a``) in words."""
    for start, slug in _RE2_PROBLEMS:
        if reason.startswith(start):
            fragment = reason[len(start) :].lstrip(": ").strip()
            if slug == "bad_escape" and _BACK_REFERENCE.match(fragment):
                slug = "back_reference"
            if slug == "bad_perl_op" and fragment.startswith(_LOOK_AROUND):
                slug = "look_around"
            return said(f"organisation.re2.{slug}", fragment=fragment)
    return said("organisation.re2.other")
