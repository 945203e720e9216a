"""Generate docs/rules.md and docs/rules.ja.md from the built-in rule files (``make docs``)."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planner.atomic import write_text_atomically
from planner.catalogue.explanation import Explanation, explain, fact_line, label, severity_word
from planner.catalogue.factsheet import load_confidences
from planner.errors import PlannerError
from planner.i18n import LIST_SEPARATOR, fill
from planner.rules.loader import load_rulebook

if TYPE_CHECKING:
    from planner.rules.rulebook import Rulebook

DOC_FILES = {"en": "rules.md", "ja": "rules.ja.md"}


def render_markdown(
    rulebook: Rulebook, lang: str, confidences: Mapping[str, tuple[str, ...]]
) -> str:
    """The whole reference in ``lang``: an index table, then one section per rule."""
    explanations = [explain(rule, lang, confidences) for rule in rulebook.rules]
    title, intro = fill("explain.docs.title", lang), fill("explain.docs.intro", lang)
    parts = [f"{title}\n\n{intro}\n", _index(explanations, lang)]
    parts.extend(_rule_section(explanation, lang) for explanation in explanations)
    return "\n".join(parts).rstrip("\n") + "\n"


def _index(explanations: Sequence[Explanation], lang: str) -> str:
    header = [label(key, lang) for key in ("code", "name", "severity", "summary")]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
    for e in explanations:
        cells = [
            f"[{e.code}](#{e.code.lower()})",
            f"`{e.name}`",
            severity_word(e.severity, lang),
            _cell(e.summary),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _rule_section(e: Explanation, lang: str) -> str:
    severity = f"**{label('severity', lang).capitalize()}:** {severity_word(e.severity, lang)}"
    lines = [f'<a id="{e.code.lower()}"></a>', f"## {e.code} · `{e.name}`", "", e.summary, ""]
    lines += [severity, ""]
    lines += _sub(label("what", lang), e.what) + _sub(label("why", lang), e.why)
    at = LIST_SEPARATOR.join(f"`{p}`" for p in e.fail_at)
    fails, fixed = e.headings(lang, label("fails", lang, at=at))
    lines += [f"### {label('example', lang)}", "", f"{fails}:", "", "```yaml"]
    lines += [e.fail_yaml.rstrip("\n"), "```", "", f"{fixed}:", "", "```yaml"]
    lines += [e.pass_yaml.rstrip("\n"), "```", ""]
    lines += _sub(label("fix", lang), e.fix)
    if e.caveat:
        lines += _sub(label("caveat", lang), e.caveat)
    if e.autofix:
        lines += _sub(fill("explain.autofix_title", lang), e.autofix)
    facts = [f"- {fact_line(fact, lang)}" for fact in e.facts] or [label("none", lang)]
    lines += [f"### {label('facts', lang)}", "", *facts, ""]
    references = [f"- <{url}>" for url in e.references] or [label("none", lang)]
    lines += [f"### {label('references', lang)}", "", *references, ""]
    return "\n".join(lines)


def _sub(title: str, text: str) -> list[str]:
    return [f"### {title}", "", text, ""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def generated_docs() -> dict[str, str]:
    """File name → the text it should hold, for every language (built-in rules only)."""
    rulebook = load_rulebook()
    confidences = load_confidences()
    return {name: render_markdown(rulebook, lang, confidences) for lang, name in DOC_FILES.items()}


def write_docs(folder: Path) -> list[Path]:
    """Write the generated reference files into ``folder``; returns the paths written."""
    written = []
    for name, text in generated_docs().items():
        write_text_atomically(folder / name, text)
        written.append(folder / name)
    return written


def main(argv: Sequence[str] = ()) -> int:
    """``python -m planner.catalogue.rules_docs [DIR]``: write the rule reference (docs/)."""
    folder = Path(argv[0]) if argv else Path("docs")
    try:
        for path in write_docs(folder):
            print(f"wrote {path}")
    except PlannerError as error:
        print(f"aeplan: error: {error.one_line()}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
