"""Build a plan's sync method comparison from its analysis: one entry per business unit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from planner.comparison.evaluation import (
    common_keys,
    evaluate_unit,
    noted,
    plan_wide_keys,
    to_option,
)
from planner.comparison.incremental import MetadataReader, VariantRuns
from planner.comparison.recommendation import recommend
from planner.comparison.results import Comparison, UnitComparison
from planner.errors import PlannerError
from planner.lint import heap
from planner.lint.linter import Analysis, Linter, LintOptions
from planner.plan.secrets import refuse_secrets
from planner.rules.engine import Engine
from planner.rules.rulebook import StructuralCheck

if TYPE_CHECKING:
    from planner.progress import ProgressCallback

SECRET_RULE = "AE801"


def compare_file(
    path: str,
    lang: Optional[str] = None,
    rule_dirs: tuple[Path, ...] = (),
    metadata: Optional[Path] = None,
    fallback_lang: Optional[str] = None,
    progress: Optional[ProgressCallback] = None,
) -> Comparison:
    """Read, analyse and compare one plan file; an unreadable plan is a :class:`PlannerError`.

    ``lang`` wins over the plan's ``language``; ``fallback_lang`` (the locale's) applies when
    neither says. With ``metadata`` (the org's metadata folder), every option is also checked
    against it.
    """
    linter = Linter(
        LintOptions(lang=lang, rule_dirs=rule_dirs, metadata=metadata, fallback_lang=fallback_lang)
    )
    with heap.one_plan(Path(path)) as settle:
        analysis = linter.analyse_file(Path(path))
        settle()  # the plan and its analysis live to the end: no collection rescans them
        if metadata is None and analysis.metadata_source is None:
            return compare_analysis(analysis, linter.engine, progress=progress)
        session = linter.metadata
        return compare_analysis(
            analysis,
            linter.engine,
            read=lambda data: session.read_for(data, analysis.path),
            progress=progress,
        )


def compare_analysis(
    analysis: Analysis,
    engine: Optional[Engine] = None,
    lang: Optional[str] = None,
    codes: Optional[frozenset[str]] = None,
    read: Optional[MetadataReader] = None,
    progress: Optional[ProgressCallback] = None,
) -> Comparison:
    """The comparison of an analysed plan (in ``lang``, else the analysis's language).

    ``codes`` limits the rules that run on each option (default: every rule of the engine);
    ``read`` gives the org's metadata an option needs (default: options are not checked against it).
    ``progress(done, total)`` is called after each business unit, when given.
    """
    engine = engine or Linter().engine
    data = analysis.data
    if data is None:
        raise _unreadable(analysis, engine)
    secret = next((f for f in analysis.findings if f.code == SECRET_RULE), None)
    if secret is not None:  # the comparison quotes plan values, and a secret must never be shown
        raise PlannerError.keyed(
            "compare.secret", code=secret.code,
            file=analysis.path, line=secret.line, column=secret.column,
        )  # fmt: skip
    refuse_secrets(analysis.loaded, analysis.path, "compare")
    lang = lang or analysis.lang
    runs = VariantRuns(engine, data, codes, read)
    units = data["business_units"]
    multi = len(units) > 1
    evaluated_units = []
    for index in range(len(units)):
        evaluated = evaluate_unit(runs, index)
        evaluated_units.append((evaluated, common_keys(evaluated)))
        if progress is not None:
            progress(index + 1, len(units))
    # About the whole plan and raised by every option of every unit: said once, for the plan.
    wide = [plan_wide_keys(common) for _, common in evaluated_units]
    everywhere = frozenset.intersection(*wide) if wide else frozenset()
    first = evaluated_units[0][0][0].hits if evaluated_units else ()
    plan_hits = [hit for hit in first if (hit.rule.code, hit.pointer) in everywhere]
    compared = []
    for (index, unit), (evaluated, common) in zip(enumerate(units), evaluated_units):
        options = tuple(to_option(item, common, lang) for item in evaluated)
        shared = [
            hit for hit in evaluated[0].hits if (hit.rule.code, hit.pointer) in common - everywhere
        ]
        written = next((option.id for option in options if option.as_written), None)
        compared.append(
            UnitComparison(
                name=str(unit.get("name", "")),
                index=index,
                written=written,
                options=options,
                in_every_option=noted(shared, lang),
                recommendation=recommend(options, multi, lang),
            )
        )
    org = str(data.get("salesforce", {}).get("org", ""))
    return Comparison(analysis.path, lang, org, tuple(compared), noted(plan_hits, lang))


def _unreadable(analysis: Analysis, engine: Engine) -> PlannerError:
    rules = engine.rulebook.rules
    structural = {rule.code for rule in rules if isinstance(rule.check, StructuralCheck)}
    errors = [f for f in analysis.findings if f.severity.value == "error"]
    first = next((f for f in errors if f.code in structural), errors[0] if errors else None)
    if first is None:
        return PlannerError.keyed("compare.unreadable", file=analysis.path)
    return PlannerError.keyed(
        "compare.unreadable_first",
        code=first.code,
        message=first.message,
        file=analysis.path,
        line=first.line,
        column=first.column,
    )
