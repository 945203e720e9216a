"""``--help`` in the run's language: click's help pages said in Japanese at format time.

English help is click's own, from the commands' ``help=`` texts, unchanged. For a Japanese run
the page is built here instead, from the catalogue's ``help.*`` texts keyed per command and
option (``help.lint.options.fail_on``) and click's own words (``help.click.*``). Nothing here
runs, and the catalogue is not read, unless a help page is shown in Japanese.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Iterable, Iterator
from typing import Optional

import click

from planner.cli import language

ROOT = "aeplan"
"""The catalogue's name for the command group itself (``help.aeplan.*``)."""


class HelpContext(click.Context):
    """A click context whose help page is said in the run's language."""

    def get_help(self) -> str:
        """The help page: click's in English, :func:`japanese_help` in Japanese."""
        if language.current(os.environ) == "ja":
            return japanese_help(self)
        return super().get_help()


def use_for(command: click.Command) -> click.Command:
    """``command`` with its help pages said in the run's language (returned for chaining)."""
    command.context_class = HelpContext
    return command


def command_key(ctx: click.Context) -> str:
    """The catalogue name of the command ``ctx`` runs: ``aeplan`` for the group, else its name."""
    return ROOT if ctx.parent is None else str(ctx.info_name or ctx.command.name)


def japanese_help(ctx: click.Context) -> str:
    """The help page of ``ctx``'s command in Japanese, laid out as click lays out English."""
    from planner.i18n import fill

    command = ctx.command
    name = command_key(ctx)
    formatter = JapaneseFormatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
    formatter.write_usage(ctx.command_path, " ".join(command.collect_usage_pieces(ctx)))
    formatter.write_paragraph()
    with formatter.indentation():
        english = inspect.cleandoc(command.help or "").partition("\f")[0]
        formatter.write_text(_said(f"help.{name}.description", english))
    rows = [row for row in (option_row(ctx, name, param) for param in command.get_params(ctx))
            if row is not None]  # fmt: skip
    if rows:
        with formatter.section(fill("help.click.options", "ja")):
            formatter.write_dl(rows)
    if isinstance(command, click.Group):
        commands = [(sub, _said(f"help.summary.{sub}", _summary(command, ctx, sub)))
                    for sub in command.list_commands(ctx)]  # fmt: skip
        if commands:
            with formatter.section(fill("help.click.commands", "ja")):
                formatter.write_dl(commands)
    return formatter.getvalue().rstrip("\n")


def option_row(ctx: click.Context, name: str, param: click.Parameter) -> Optional[tuple[str, str]]:
    """One option's line of the page: its flags as click shows them, its help in Japanese."""
    record = param.get_help_record(ctx)
    if record is None or not isinstance(param, click.Option):
        return None
    flags, english = record
    text = _said(help_key(name, param), param.help or "")
    extras = _extras(english, param.help or "")
    return flags, f"{text}  [{extras}]" if extras else text


def _said(key: str, english: str) -> str:
    """The catalogue's Japanese for ``key``; a text nobody has translated yet stays English
    (the tests keep the catalogue complete, so this is a safety net, not a path)."""
    from planner.i18n import catalogue, fill

    return fill(key, "ja") if key in catalogue("ja") else english


def _summary(group: click.Group, ctx: click.Context, name: str) -> str:
    command = group.get_command(ctx, name)
    return command.get_short_help_str() if command is not None else ""


def help_key(command: str, param: click.Parameter) -> str:
    """The catalogue key of an option's help: ``help.<command>.options.<name>``; the help and
    version options click adds are shared (``help.click.help_option``)."""
    if "--help" in param.opts:
        return "help.click.help_option"
    return f"help.{command}.options.{param.name}"


def _extras(english: str, help_text: str) -> str:
    """What click appended to the help (``[default: text; required]``) in Japanese."""
    from planner.i18n import fill

    rest = english[len(help_text) :].strip() if english.startswith(help_text) else ""
    if not (rest.startswith("[") and rest.endswith("]")):
        return ""
    said = []
    for item in rest[1:-1].split("; "):
        for word in ("default", "env var"):
            if item.startswith(f"{word}: "):
                key = word.replace(" ", "_")
                item = fill(f"help.click.{key}", "ja", value=item[len(word) + 2 :])
        if item == "required":
            item = fill("help.click.required", "ja")
        said.append(item)
    return "; ".join(said)


class JapaneseFormatter(click.HelpFormatter):
    """click's layout with Japanese headings, wrapping by display width (a kanji is two columns)
    at any boundary Japanese allows, never inside an ASCII word or before 、。）."""

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        """The usage line, prefixed ``使い方:``."""
        from planner.i18n import fill

        super().write_usage(prog, args, prefix or fill("help.click.usage", "ja") + " ")

    def write_text(self, text: str) -> None:
        """Paragraphs wrapped to the width, each line indented."""
        indent = " " * self.current_indent
        for number, paragraph in enumerate(text.split("\n\n")):
            if number:
                self.write("\n")
            lines = wrap(" ".join(paragraph.split("\n")), self.width - self.current_indent)
            self.write("".join(f"{indent}{line}\n" for line in lines))

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Terms and their help in two columns, the help wrapped by display width."""
        rows = list(rows)
        first_col = min(max((width(term) for term, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for term, text in rows:
            self.write(f"{indent}{term}")
            if width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - width(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(text, max(self.width - first_col - 2, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


_NO_LINE_START = frozenset("、。，．）」』】〕！？：；・ーッャュョァィゥェォっゃゅょ,.)]:;!?")
_NO_LINE_END = frozenset("（「『【〔([")


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal (East Asian wide characters count two)."""
    from wcwidth import wcswidth

    columns = wcswidth(text)
    return columns if columns >= 0 else len(text)


def wrap(text: str, limit: int) -> list[str]:
    """``text`` in lines of at most ``limit`` columns (a longer unbreakable unit stands alone)."""
    lines: list[str] = []
    line = ""
    for unit in _units(text):
        if line and width(line + unit.rstrip()) > limit:
            lines.append(line.rstrip())
            line = unit.lstrip()
        else:
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _units(text: str) -> Iterator[str]:
    """The pieces a line may break between: ASCII words with their trailing spaces, single
    wide characters, punctuation kept with the character it must follow or precede."""
    pieces = list(_pieces(text))
    merged: list[str] = []
    for piece in pieces:
        if merged and (piece[0] in _NO_LINE_START or merged[-1][-1] in _NO_LINE_END):
            merged[-1] += piece
        else:
            merged.append(piece)
    yield from merged


def _pieces(text: str) -> Iterator[str]:
    word = ""
    for character in text:
        if character == " ":
            word += character
        elif _wide(character):
            if word:
                yield word
            word = ""
            yield character
        elif word.endswith(" "):
            yield word
            word = character
        else:
            word += character
    if word:
        yield word


def _wide(character: str) -> bool:
    return width(character) == 2
