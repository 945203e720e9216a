"""The lint application: find plan files, analyse each, and collect findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from planner import i18n, phrases, reading
from planner.config.settings import with_severities
from planner.errors import PlannerError, os_reason
from planner.findings import Edit, Finding, Related, Severity
from planner.limits import Limits
from planner.lint import heap, suppressions
from planner.lint.discovery import Discovered, Skipped, discover
from planner.lint.globs import PathPatterns
from planner.lint.suppressions import Waived, note_params
from planner.placeholders import render
from planner.plan import secrets
from planner.plan.events import load_text
from planner.plan.source import LoadedPlan, Position, Problem, decode
from planner.plan.structure import checked, typed_plan
from planner.rules.checks import PlanContext
from planner.rules.engine import Engine, RuleHit
from planner.rules.loader import load_rulebook
from planner.rules.rulebook import Rulebook, RuleSpec

if TYPE_CHECKING:
    from planner.plan.model import Plan
    from planner.progress import ProgressCallback


@dataclass(frozen=True)
class Selection:
    """Which rule codes are active: ``select``/``ignore`` hold codes or code prefixes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def active(self, code: str) -> bool:
        """True when ``code`` is selected and not ignored (the longer matching prefix wins)."""
        chosen = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        dropped = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        if self.select and chosen < 0:
            return False
        return dropped < 0 or chosen > dropped


@dataclass(frozen=True)
class LintOptions:
    """Everything that shapes one lint run."""

    lang: Optional[str] = None
    selection: Selection = Selection()
    limits: Limits = field(default_factory=Limits)
    rule_dirs: tuple[Path, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    """Severity overrides by code or prefix (the longest matching prefix wins)."""
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    root: Path = Path(".")
    """The folder that ``exclude`` and ``per_file_ignores`` globs are relative to."""
    metadata: Optional[Path] = None
    """The org's metadata (command line or configuration), else the plan's own."""
    fallback_lang: Optional[str] = None
    """The language when neither ``lang`` nor the plan's ``language`` says (the locale's)."""


@dataclass(frozen=True)
class Analysis:
    """One plan file, analysed: its text, data (when valid) and findings; the typed plan on
    request (:attr:`plan`)."""

    path: str
    lang: str
    loaded: LoadedPlan
    data: Optional[dict[str, Any]]
    """The plan as the model reads it (``model_dump(mode="json", exclude_none=True)``) if valid."""
    findings: tuple[Finding, ...]
    suppressed: int = 0
    baselined: int = 0
    metadata_source: Optional[str] = None
    """The org's metadata folder the plan was checked against (as findings name it), if any."""
    waived: tuple[Waived, ...] = ()
    """The findings ``# aeplan: ignore`` comments suppressed, with their reasons."""
    _typed: list[Plan] = field(init=False, default_factory=list, compare=False, repr=False)

    @property
    def structural(self) -> bool:
        """True when the file failed to load or validate, so most rules did not run."""
        return self.data is None

    @property
    def plan(self) -> Optional[Plan]:
        """The typed plan (pydantic, built on first use: lint needs only :attr:`data`), or None
        when the file failed to load or validate."""
        if self.data is None:
            return None
        if not self._typed:
            self._typed.append(typed_plan(self.loaded.data))
        return self._typed[0]


@dataclass(frozen=True)
class LintResult:
    """The outcome of linting some files."""

    analyses: tuple[Analysis, ...]
    lang: str
    rulebook: Rulebook = field(repr=False)
    active: tuple[str, ...] = ()
    """The rule codes in force after select/ignore, in code order."""
    skipped: tuple[Skipped, ...] = ()
    """What folder walks met and did not lint, and why."""
    fail_on: str = "error"
    """The ``--fail-on`` threshold; formats with a pass/fail notion (JUnit) follow it too."""
    on_invalid_plans: frozenset[str] = frozenset()
    """The active rules that ran on a file that failed to load or validate (the others did not)."""

    def ran(self, analysis: Analysis) -> tuple[str, ...]:
        """The codes of the rules in force that ran on ``analysis``'s file, in code order."""
        if not analysis.structural:
            return self.active
        return tuple(code for code in self.active if code in self.on_invalid_plans)

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in file then position order."""
        return [finding for analysis in self.analyses for finding in analysis.findings]

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def suppressed(self) -> int:
        """How many findings `# aeplan: ignore` comments removed."""
        return sum(analysis.suppressed for analysis in self.analyses)

    @property
    def baselined(self) -> int:
        """How many findings the baseline removed."""
        return sum(analysis.baselined for analysis in self.analyses)

    def exit_code(self, fail_on: str) -> int:
        """0 when nothing is at or above ``fail_on``, else 1."""
        return int(any(fails(finding, fail_on) for finding in self.findings))


def fails(finding: Finding, fail_on: str) -> bool:
    """True when ``finding`` is at or above the ``fail_on`` threshold (``never``: nothing is)."""
    return fail_on != "never" and finding.severity.rank >= Severity(fail_on).rank


class Linter:
    """Holds the rule set and compiled checks for any number of files."""

    def __init__(
        self, options: LintOptions = LintOptions(), rulebook: Optional[Rulebook] = None
    ) -> None:
        """``rulebook``: the rules already loaded from ``options.rule_dirs`` (default: load)."""
        self.options = options
        loaded = rulebook if rulebook is not None else load_rulebook(options.rule_dirs)
        self.rulebook = with_severities(loaded, options.severity)
        self.engine = Engine(self.rulebook)
        self._rules = self.rulebook.by_code()
        self._active = {
            code for code in self._rules if options.selection.active(code)
        }  # fmt: skip
        self._names = {rule.name: rule.code for rule in self.rulebook.rules}
        self._per_file_ignores = tuple(
            (PathPatterns((glob,), options.root), codes) for glob, codes in options.per_file_ignores
        )

        from planner.metadata.session import MetadataSession

        self.metadata = MetadataSession(options.metadata)
        # In a batch (lint_paths), what settles the collector: called once a plan is loaded too, so
        # a large plan's nodes are not rescanned by each collection while its rules run.
        self._settle: Callable[[], None] = _nothing

    def discover(self, paths: Sequence[str]) -> Discovered:
        """The files ``paths`` stand for (see :mod:`planner.lint.discovery`), minus ``exclude``."""
        return discover(paths, PathPatterns(self.options.exclude, self.options.root))

    def lint_paths(
        self, paths: Sequence[str], progress: Optional[ProgressCallback] = None
    ) -> LintResult:
        """Lint files and folders (folders: the plans below them, sorted).

        ``progress(done, total)`` is called after each file, when given.
        """
        found = self.discover(paths)
        done: list[Analysis] = []
        with heap.settled() as settle:
            self._settle = settle
            try:
                for path in found.files:
                    done.append(self.analyse_file(path))
                    settle()
                    if progress is not None:
                        progress(len(done), len(found.files))
            finally:
                self._settle = _nothing
        analyses = tuple(done)
        active = tuple(sorted(self._active))
        lang = self.summary_lang(analyses)
        return LintResult(
            analyses,
            lang,
            self.rulebook,
            active,
            skipped=found.skipped,
            on_invalid_plans=self.engine.runs_on_invalid_plans,
        )

    def analyse_file(self, path: Path) -> Analysis:
        """Read and analyse one plan file; unreadable files are a :class:`PlannerError`."""
        try:
            raw = reading.read_bytes(path, self.options.limits.max_bytes)
        except reading.TooLarge:
            return self._too_large(path)
        except FileNotFoundError:
            raise PlannerError.keyed("file.missing", file=str(path)) from None
        except OSError as error:
            reason, key = os_reason(error)
            raise PlannerError.keyed(
                "file.unreadable", file=str(path), reason=reason, reason_key=key
            ) from None
        return self.analyse_bytes(raw, shown_name(path))

    def analyse_bytes(self, raw: bytes, name: str) -> Analysis:
        """Analyse a plan given as bytes; ``name`` is how findings refer to the file."""
        text, problem = decode(raw)
        if text is None:
            assert problem is not None
            loaded = LoadedPlan(text="", problems=[problem])
            # a plan that is not UTF-8 (Shift_JIS from Excel) still says `language: ja` in ASCII
            said = i18n.scan_plan_language(raw[:20000].decode("utf-8", errors="replace"))
            return self._analyse(loaded, name, said)
        loaded = load_text(text, self.options.limits)
        self._settle()
        return self._analyse(loaded, name)

    def analyse_loaded(self, loaded: LoadedPlan, name: str) -> Analysis:
        """Analyse plan data already loaded (for example a repaired copy) as the file ``name``."""
        return self._analyse(loaded, name)

    def _analyse(self, loaded: LoadedPlan, name: str, said: Optional[str] = None) -> Analysis:
        data, problems = checked(loaded)
        lang = i18n.choose(
            self.options.lang,
            _plan_language(loaded.data) or i18n.scan_plan_language(loaded.text) or said,
            self.options.fallback_lang,
        )
        active = self._active_for(name)
        metadata = self.metadata.read_for(data, name) if data is not None else None
        context = PlanContext(data, loaded.data, metadata, raw_secrets=secrets.found_in(loaded))
        hits = self.engine.run(context, active)
        findings = [self._from_problem(p, name, lang) for p in problems if p.code in active]
        findings.extend(self._from_hit(hit, loaded, name, lang) for hit in hits)
        findings = secrets.redacted_findings(findings, loaded)
        outcome = suppressions.apply(
            findings,
            loaded,
            active=active,
            known=self._rules,
            check_unused=data is not None,
            names=self._names,
            make=lambda code, pointer, position, params: _finding(
                self._rules[code], name, pointer, position, note_params(code, params, lang), lang
            ),
        )
        kept = outcome.kept + outcome.notes
        ordered = tuple(sorted(set(kept), key=lambda finding: (finding.sort_key, finding.message)))
        source = metadata.source if metadata is not None else None
        waived = tuple(sorted(outcome.waived, key=lambda item: item.finding.sort_key))
        return Analysis(
            name,
            lang,
            loaded,
            data,
            ordered,
            outcome.suppressed,
            metadata_source=source,
            waived=waived,
        )

    def active_codes(self, name: str) -> frozenset[str]:
        """The rule codes in force for the file ``name`` (select/ignore and per-file ignores)."""
        return frozenset(self._active_for(name))

    def _active_for(self, name: str) -> set[str]:
        """The active codes minus this file's ``per_file_ignores``."""
        dropped = tuple(
            code
            for patterns, codes in self._per_file_ignores
            if patterns.matches(Path(name), is_folder=False)
            for code in codes
        )
        if not dropped:
            return self._active
        return {code for code in self._active if not code.startswith(dropped)}

    def _too_large(self, path: Path) -> Analysis:
        problem = Problem(
            "AE006",
            "",
            Position(1, 1),
            {"limit": "bytes", "value": str(self.options.limits.max_bytes)},
        )
        return self._analyse(LoadedPlan(text="", problems=[problem]), shown_name(path))

    def _from_problem(self, problem: Problem, name: str, lang: str) -> Finding:
        rule = self._rules[problem.code]
        params = {**problem.params, "pointer": problem.pointer}
        detail = phrases.structural_detail(problem.code, params, lang)
        found = _finding(rule, name, problem.pointer, problem.position, {"detail": detail}, lang)
        specific = phrases.structural_fix(problem.code, params, lang)
        change = offered(rule, problem.edit)
        return replace(found, fix=specific or found.fix, edit=change)

    def _from_hit(self, hit: RuleHit, loaded: LoadedPlan, name: str, lang: str) -> Finding:
        position = loaded.position(hit.pointer)
        return _finding(hit.rule, name, hit.pointer, position, hit.params, lang, hit.related)

    def summary_lang(self, analyses: Iterable[Analysis]) -> str:
        """A run's summary language: ``lang``, else the plans' one language, else the locale's."""
        if self.options.lang:
            return self.options.lang
        languages = {analysis.lang for analysis in analyses}
        return languages.pop() if len(languages) == 1 else (self.options.fallback_lang or "en")


def shown_name(path: Path) -> str:
    """How findings name a file: a name that is not UTF-8 shows its bytes as ``\\udcNN`` escapes.

    Python decodes such names with lone surrogates, which no UTF-8 output (JSON, SARIF, XML,
    the job summary) can hold; escaping them here, where the name enters, keeps every format
    valid UTF-8.
    """
    name = str(path)
    if name.isascii():
        return name
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _finding(
    rule: RuleSpec,
    name: str,
    pointer: str,
    position: Position,
    params: Any,
    lang: str,
    related: tuple[Related, ...] = (),
) -> Finding:
    # A check may give a parameter in Japanese too, as ``<name>_ja`` (metadata reasons do).
    params = {key: params.get(f"{key}_{lang}", value) for key, value in dict(params).items()}
    params = i18n.said(params, lang)
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=render(rule.message.get(lang), params),
        file=name,
        pointer=pointer,
        line=position.line,
        column=position.column,
        fix=render(rule.fix.get(lang), params),
        related=related,
    )


def offered(rule: RuleSpec, edit: Optional[Edit]) -> Optional[Edit]:
    """The edit as the rule declares it: none without ``autofix``; never safe when unsafe."""
    if edit is None or rule.autofix is None:
        return None
    if rule.autofix.safety == "unsafe" and edit.safe:
        return replace(edit, safe=False)
    return edit


def _plan_language(data: Any) -> Optional[str]:
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in i18n.LANGUAGES else None


def _nothing() -> None:
    """No collector to settle (outside a batch)."""
