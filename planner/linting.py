"""The lint application: find plan files, analyse each, and collect findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from planner import phrases, suppressions
from planner.checks import PlanContext, secrets
from planner.engine import Engine, RuleHit, render
from planner.errors import PlannerError
from planner.findings import Finding, Severity
from planner.globs import matches, matches_any
from planner.limits import Limits
from planner.loading import LoadedPlan, Position, Problem, decode, load_text
from planner.model import Plan
from planner.organisation import is_rule_file
from planner.rulebook import Rulebook, RuleSpec, load_rulebook
from planner.settings import with_severities
from planner.structure import validate
from planner.suppressions import note_params

if TYPE_CHECKING:
    from planner.progress import ProgressCallback

FAIL_ON_CHOICES = ("error", "warning", "info", "never")
PLAN_SUFFIXES = (".yaml", ".yml")


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
    limits: Limits = Limits()
    rule_dirs: tuple[Path, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    """Severity overrides by code or prefix (the longest matching prefix wins)."""
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    root: Path = Path(".")
    """The folder that ``exclude`` and ``per_file_ignores`` globs are relative to."""


@dataclass(frozen=True)
class Analysis:
    """One plan file, analysed: its text, typed plan (when valid), data and findings."""

    path: str
    lang: str
    loaded: LoadedPlan
    plan: Optional[Plan]
    data: Optional[dict[str, Any]]
    findings: tuple[Finding, ...]
    suppressed: int = 0
    baselined: int = 0

    @property
    def structural(self) -> bool:
        """True when the file failed to load or validate, so most rules did not run."""
        return self.plan is None


@dataclass(frozen=True)
class LintResult:
    """The outcome of linting some files."""

    analyses: tuple[Analysis, ...]
    lang: str
    rulebook: Rulebook = field(repr=False)
    active: tuple[str, ...] = ()
    """The rule codes in force after select/ignore, in code order."""

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
        if fail_on == "never":
            return 0
        threshold = Severity(fail_on).rank
        return int(any(finding.severity.rank >= threshold for finding in self.findings))


class Linter:
    """Holds the rule set and compiled checks for any number of files."""

    def __init__(self, options: LintOptions = LintOptions()) -> None:
        self.options = options
        self.rulebook = with_severities(load_rulebook(options.rule_dirs), options.severity)
        self.engine = Engine(self.rulebook)
        self._rules = self.rulebook.by_code()
        self._active = {
            code for code in self._rules if options.selection.active(code)
        }  # fmt: skip

    def lint_paths(
        self, paths: Sequence[str], progress: Optional[ProgressCallback] = None
    ) -> LintResult:
        """Lint files and folders (folders: ``*.yaml``/``*.yml`` below them, sorted).

        ``progress(done, total)`` is called after each file, when given.
        """
        root, exclude = self.options.root, self.options.exclude
        files = [path for path in discover(paths) if not matches_any(exclude, path, root)]
        analyses_list: list[Analysis] = []
        for path in files:
            analyses_list.append(self.analyse_file(path))
            if progress is not None:
                progress(len(analyses_list), len(files))
        analyses = tuple(analyses_list)
        active = tuple(sorted(self._active))
        return LintResult(analyses, self._summary_lang(analyses), self.rulebook, active)

    def analyse_file(self, path: Path) -> Analysis:
        """Read and analyse one plan file; unreadable files are a :class:`PlannerError`."""
        try:
            size = path.stat().st_size
            if size > self.options.limits.max_bytes:
                return self._too_large(path)
            raw = path.read_bytes()
        except OSError as error:
            raise PlannerError(f"cannot read: {error.strerror or error}", file=str(path)) from None
        return self.analyse_bytes(raw, str(path))

    def analyse_bytes(self, raw: bytes, name: str) -> Analysis:
        """Analyse a plan given as bytes; ``name`` is how findings refer to the file."""
        text, problem = decode(raw)
        if text is None:
            assert problem is not None
            loaded = LoadedPlan(text="", problems=[problem])
        else:
            loaded = load_text(text, self.options.limits)
        return self._analyse(loaded, name)

    def _analyse(self, loaded: LoadedPlan, name: str) -> Analysis:
        problems = list(loaded.problems)
        plan = None
        if loaded.data is not None or not problems:
            validation = validate(loaded)
            problems.extend(validation.problems)
            fatal = [problem for problem in loaded.problems if problem.code != "AE004"]
            plan = validation.plan if not fatal else None
        data = plan.model_dump(mode="json", exclude_none=True) if plan is not None else None
        lang = self.options.lang or _plan_language(loaded.data)
        active = self._active_for(name)
        hits = self.engine.run(PlanContext(data, loaded.data), active)
        findings = [self._from_problem(p, name, lang) for p in problems if p.code in active]
        findings.extend(self._from_hit(hit, loaded, name, lang) for hit in hits)
        findings = secrets.redacted_findings(findings, loaded.data)
        outcome = suppressions.apply(
            findings, loaded, active=active, known=self._rules, check_unused=plan is not None,
            make=lambda code, pointer, position, params: _finding(
                self._rules[code], name, pointer, position, note_params(code, params, lang), lang
            ),
        )  # fmt: skip
        kept = outcome.kept + outcome.notes
        ordered = tuple(sorted(set(kept), key=lambda finding: (finding.sort_key, finding.message)))
        return Analysis(name, lang, loaded, plan, data, ordered, outcome.suppressed)

    def active_codes(self, name: str) -> frozenset[str]:
        """The rule codes in force for the file ``name`` (select/ignore and per-file ignores)."""
        return frozenset(self._active_for(name))

    def _active_for(self, name: str) -> set[str]:
        """The active codes minus this file's ``per_file_ignores``."""
        root = self.options.root
        dropped = tuple(
            code
            for glob, codes in self.options.per_file_ignores
            if matches(glob, Path(name), root)
            for code in codes
        )
        if not dropped:
            return self._active
        return {code for code in self._active if not code.startswith(dropped)}

    def _too_large(self, path: Path) -> Analysis:
        problem = Problem(
            "AE006", "", Position(1, 1), {"limit": "bytes", "value": str(self.options.limits.max_bytes)}
        )
        return self._analyse(LoadedPlan(text="", problems=[problem]), str(path))

    def _from_problem(self, problem: Problem, name: str, lang: str) -> Finding:
        rule = self._rules[problem.code]
        detail = phrases.structural_detail(problem.code, problem.params, lang)
        return _finding(rule, name, problem.pointer, problem.position, {"detail": detail}, lang)

    def _from_hit(self, hit: RuleHit, loaded: LoadedPlan, name: str, lang: str) -> Finding:
        return _finding(hit.rule, name, hit.pointer, loaded.position(hit.pointer), hit.params, lang)

    def _summary_lang(self, analyses: Iterable[Analysis]) -> str:
        if self.options.lang:
            return self.options.lang
        languages = {analysis.lang for analysis in analyses}
        return languages.pop() if len(languages) == 1 else "en"


def _finding(
    rule: RuleSpec, name: str, pointer: str, position: Position, params: Any, lang: str
) -> Finding:
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
    )


def _plan_language(data: Any) -> str:
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in ("en", "ja") else "en"


def discover(paths: Sequence[str]) -> list[Path]:
    """Expand files and folders (minus ``*.rule.yaml`` rule files); missing is a PlannerError."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(
                sorted(
                    candidate
                    for candidate in path.rglob("*")
                    if candidate.suffix in PLAN_SUFFIXES
                    and not is_rule_file(candidate)
                    and candidate.is_file()
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise PlannerError("no such file or folder", file=given)
    return found
