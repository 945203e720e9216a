"""Organisation rules: house policies in rule files of their own, declarative checks only."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from planner.errors import PlannerError, Said
from planner.i18n import fill
from planner.resources import data_path
from planner.rules.rulebook import RuleSpec, SchemaCheck, is_rule_file

BUILTIN_PREFIX = "AE"


def organisation_rule_files(folder: Path) -> list[Path]:
    """The rule files in an organisation folder, sorted; a folder without any is an error."""
    if folder.is_file():
        raise PlannerError.keyed("organisation.not_a_folder", file=str(folder))
    if not folder.is_dir():
        raise PlannerError.keyed("file.rule_folder_missing", file=str(folder))
    if folder.resolve() == data_path("rules").resolve():
        raise PlannerError.keyed("organisation.built_in_folder", file=str(folder))
    found = sorted(path for path in folder.iterdir() if is_rule_file(path) and path.is_file())
    for path in sorted(folder.glob("*.y*ml")):
        if not is_rule_file(path) and _looks_like_a_code(path.stem):
            # A file named like a rule but without `.rule` would be silently skipped: say so.
            raise PlannerError.keyed("organisation.misnamed", file=str(path), stem=path.stem)
    if not found:
        raise PlannerError.keyed("organisation.no_rule_files", file=str(folder))
    return found


def check_organisation_rule(rule: RuleSpec, path: Path) -> None:
    """Refuse what only built-in rules may do: the ``AE`` prefix and Python checks."""
    if rule.code.startswith(BUILTIN_PREFIX):
        raise PlannerError.keyed(
            "organisation.reserved_prefix", code=rule.code, prefix=BUILTIN_PREFIX, file=str(path)
        )
    if not isinstance(rule.check, SchemaCheck):
        raise PlannerError.keyed("organisation.declarative_only", file=str(path))
    _check_pointer(("check", "for_each"), rule.check.for_each, path)
    report_at = rule.check.report_at
    relative = "/" + report_at if report_at and not report_at.startswith("/") else report_at
    _check_pointer(("check", "report_at"), relative, path, shown=report_at)
    for index, pointer in enumerate(rule.examples.fail_at):
        _check_pointer(("examples", "fail_at", index), pointer, path)
    for number, case in enumerate(rule.examples.cases):
        for index, pointer in enumerate(case.fires_at):
            _check_pointer(("examples", "cases", number, "fires_at", index), pointer, path)
    _check_schema(rule.check.when, path)
    _check_placeholders(rule, path)
    _check_shape(rule.check, path)
    _check_examples(rule, path)


PLACEHOLDERS = ("bu", "item", "value")
"""What an organisation rule's message and fix can name: the business unit's name, the item's
``name`` and the value at ``report_at`` (the declarative engine fills these and nothing else)."""


def _check_placeholders(rule: RuleSpec, path: Path) -> None:
    """A ``{name}`` the engine never fills would be printed as is in every finding: refuse it."""
    from planner.i18n import placeholders
    from planner.rules.rule_lines import line_of

    for part, text in (("message", rule.message), ("fix", rule.fix)):
        for lang in ("en", "ja"):
            unknown = sorted(placeholders(getattr(text, lang)) - set(PLACEHOLDERS))
            if unknown:
                line, column = line_of(path, (part, lang))
                raise PlannerError.keyed(
                    "organisation.unknown_placeholder", key=f"{part}.{lang}",
                    placeholder="{" + unknown[0] + "}",
                    usable=_listed("{" + name + "}" for name in PLACEHOLDERS),
                    file=str(path), line=line, column=column,
                )  # fmt: skip


def _check_shape(check: SchemaCheck, path: Path) -> None:
    """A ``for_each`` no plan can hold (``/business_unit/*``) would silently match nothing, and a
    ``report_at`` no plan can hold would point every finding at nothing: refuse both."""
    from planner import pointers
    from planner.rules.rule_shape import mismatch

    wrong = mismatch(check.for_each)
    if wrong is not None:
        _shape_error("for_each", check.for_each, wrong.segment, wrong.suggestion, path)
    report_at = check.report_at
    if not report_at:
        return
    if report_at.startswith("/"):
        wrong = mismatch(report_at)
        if wrong is not None:
            _shape_error("report_at", report_at, wrong.segment, wrong.suggestion, path)
        return
    prefix = pointers.split(check.for_each)
    wrong = mismatch(pointers.join(check.for_each, *pointers.split("/" + report_at)))
    if wrong is not None:
        close = wrong.suggestion
        if close is not None:  # said relative to the item, as the rule file writes it
            close = pointers.from_segments(pointers.split(close)[len(prefix) :])[1:]
        _shape_error("report_at", report_at, wrong.segment, close, path)


def _shape_error(name: str, pointer: str, segment: str, close: str | None, path: Path) -> None:
    from planner.rules.rule_lines import line_of

    line, column = line_of(path, ("check", name))
    key = f"organisation.{name}_shape"
    params: dict[str, object] = {"pointer": pointer, "segment": segment}
    if close is not None:
        key, params["close"] = f"{key}_close", close
    raise PlannerError.keyed(key, file=str(path), line=line, column=column, **params)


def _check_examples(rule: RuleSpec, path: Path) -> None:
    """Run the rule on its own examples: ``fail`` fires exactly at ``fail_at``, ``pass`` gives no
    finding, and each case fires exactly at its ``fires_at``. Each example is one small plan
    inside the rule file, so the cost is bounded by the rule file's size."""
    from planner.rules.conditions import compile_condition
    from planner.rules.engine import fired_pointers

    assert isinstance(rule.check, SchemaCheck)
    condition = compile_condition(rule.check.when)
    examples = rule.examples
    runs: list[tuple[tuple[str | int, ...], str, list[str]]] = [
        (("examples", "fail"), examples.fail, list(examples.fail_at)),
        (("examples", "pass"), examples.pass_, []),
    ]
    for number, case in enumerate(examples.cases):
        runs.append((("examples", "cases", number, "plan"), case.plan, list(case.fires_at)))
    for location, text, expected in runs:
        data = _example_data(text, location, path)
        fired = fired_pointers(rule.check, condition, data)
        fired_set, expected_set = set(fired), set(expected)
        missing = [pointer for pointer in expected if pointer not in fired_set]
        extra = [pointer for pointer in fired if pointer not in expected_set]
        if not missing and not extra:
            continue
        from planner.rules.rule_lines import line_of

        line, column = line_of(path, location)
        where = ".".join(str(part) for part in location)
        if missing:
            raise PlannerError.keyed(
                "organisation.example.silent", key=where, pointer=missing[0],
                fired=_said_fired(fired), file=str(path), line=line, column=column,
            )  # fmt: skip
        raise PlannerError.keyed(
            "organisation.example.extra" if expected else "organisation.example.fires_on_pass",
            key=where, pointer=extra[0], file=str(path), line=line, column=column,
        )  # fmt: skip


def _said_fired(fired: list[str]) -> object:
    if not fired:
        return Said(*(fill("organisation.example.nowhere", lang) for lang in ("en", "ja")))
    return _listed(dict.fromkeys(fired))


def _listed(items: Iterable[str]) -> Said:
    """Items joined as each language lists them (``a, b`` and ``a、b``)."""
    shown = list(items)
    return Said(", ".join(shown), "、".join(shown))


def _example_data(text: str, location: tuple[str | int, ...], path: Path) -> Any:
    """An example plan as the engine sees it (normalised); one that is not a valid plan is an
    error, since the rule would never run on it."""
    from planner.limits import Limits
    from planner.plan.events import load_text
    from planner.plan.structure import checked
    from planner.rules.rule_lines import line_of

    data, problems = checked(load_text(text, Limits()))
    if data is not None:
        return data
    first = problems[0] if problems else None
    line, column = line_of(path, location)
    raise PlannerError.keyed(
        "organisation.example.invalid", key=".".join(str(part) for part in location),
        code=first.code if first else "AE002", at=first.position.line if first else 1,
        file=str(path), line=line, column=column,
    )  # fmt: skip


def _check_pointer(
    location: tuple[str | int, ...], pointer: str, path: Path, shown: str | None = None
) -> None:
    """A PlannerError at the key's line when ``pointer`` is not an RFC 6901 JSON pointer."""
    from planner.pointers import problem
    from planner.rules.rule_lines import line_of

    why = problem(pointer)
    if why is None:
        return
    key = ".".join(str(part) for part in location)
    line, column = line_of(path, location)
    raise PlannerError.keyed(
        "organisation.bad_pointer", key=key, why_key=f"organisation.pointer.{why}",
        why=fill(f"organisation.pointer.{why}", "en"), found=repr(shown or pointer),
        file=str(path), line=line, column=column,
    )  # fmt: skip


def _check_schema(when: Mapping[str, Any], path: Path) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    _check_patterns_and_references(when, path)

    try:
        Draft202012Validator.check_schema(when)
    except SchemaError as error:
        from planner.rules.rule_lines import line_of
        from planner.rules.rule_problems import schema_problem

        where = ".".join(("check", "when", *(str(part) for part in error.path)))
        line, column = line_of(path, ("check", "when", *error.path))
        problem = schema_problem(str(error.validator), error.validator_value, error.instance,
                                 tuple(error.path))  # fmt: skip
        raise PlannerError.keyed(
            "organisation.schema", where=where, problem=problem,
            file=str(path), line=line, column=column,
        ) from None  # fmt: skip


def _check_patterns_and_references(when: Mapping[str, Any], path: Path) -> None:
    """Refuse ``$ref`` (no URL fetched, no file read) and patterns RE2 cannot run, at load time."""
    from planner.rules.patterns import (
        REFERENCE_KEYWORDS,
        PatternError,
        compile_search,
        schema_patterns,
    )
    from planner.rules.rule_lines import line_of
    from planner.rules.rule_problems import found, pattern_problem

    for keyword, value, inside in schema_patterns(when):
        if keyword in REFERENCE_KEYWORDS:
            line, column = line_of(path, ("check", "when", *inside))
            raise PlannerError.keyed(
                "organisation.reference", keyword=keyword, file=str(path), line=line, column=column
            )
        try:
            compile_search(value)
        except PatternError as error:
            line, column = line_of(path, ("check", "when", *inside))
            raise PlannerError.keyed(
                "organisation.pattern", keyword=keyword, value=found(value),
                problem=pattern_problem(str(error)), file=str(path), line=line, column=column,
            ) from None  # fmt: skip


def _looks_like_a_code(stem: str) -> bool:
    from planner.rules.rule_file import CODE_PATTERN  # start-up: the edge models load on use

    return re.fullmatch(CODE_PATTERN, stem) is not None
