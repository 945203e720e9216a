"""The one Jinja2 environment for reports, its escaping filters, the document and its rendering."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.errors import PlannerError
from planner.report import escaping
from planner.report.wording import Wording
from planner.resources import data_path

if TYPE_CHECKING:
    import jinja2

EXTENSIONS = {"markdown": "md", "html": "html"}


@dataclass(frozen=True)
class BuiltSection:
    """A section ready for its template."""

    name: str
    title: str
    template: str
    data: object


@dataclass(frozen=True)
class Document:
    """Everything the report template needs."""

    lang: str
    title: str
    source: str
    words: Wording
    sections: tuple[BuiltSection, ...]
    subtitle: str = ""
    footer: str = ""
    issued: tuple[tuple[str, str], ...] = ()
    """``(label, value)`` for the date and revision given on the command line, in that order."""


@functools.cache
def environment() -> jinja2.Environment:
    """Templates from ``templates/``: strict about undefined names, autoescaping HTML only."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_path("templates"))),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escaping.markdown
    env.filters["md_rich"] = escaping.markdown_rich
    env.filters["md_cell"] = escaping.markdown_cell
    env.filters["md_code"] = escaping.markdown_code
    env.filters["md_cell_code"] = escaping.markdown_cell_code
    env.filters["mermaid"] = escaping.mermaid
    env.filters["rich"] = escaping.html_rich
    return env


def template_name(output_format: str, stem: str) -> str:
    """Where the template ``stem`` of ``output_format`` lives below ``templates/``."""
    extension = EXTENSIONS[output_format]
    return f"report/{output_format}/{stem}.{extension}.j2"


def render(output_format: str, document: Document) -> str:
    """The document rendered in ``output_format``, ending with exactly one newline."""
    import jinja2

    name = template_name(output_format, "report")
    try:
        text = environment().get_template(name).render(doc=document, t=document.words)
    except jinja2.TemplateError as error:
        where = getattr(error, "filename", None) or name
        raise PlannerError(f"report template error: {error}", file=where) from None
    return text.rstrip("\n") + "\n"
