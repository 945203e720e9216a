"""``aeplan lint``: check plans against the rule set (and fix what can be fixed safely)."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional, TextIO, cast

import click

from planner.cli import language
from planner.cli.options import (
    configuration_options,
    fail_on_option,
    lang_option,
    metadata_option,
    rules_option,
    selection_options,
    split_codes,
)
from planner.config.settings import Overrides, resolve
from planner.i18n import plural
from planner.lint.run import Adoption, Fixing, run
from planner.progress import progress_line
from planner.reporters import REPORTERS
from planner.reporters.destinations import deliver, parse_outputs, terminal_format

if TYPE_CHECKING:
    from planner.config.settings import Settings
    from planner.lint.run import Outcome, StandardInput

FORMATS = tuple(REPORTERS)
COLOR_CHOICES = ("auto", "always", "never")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Terminal output format [default: text; github when GITHUB_ACTIONS=true].",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(),
    default=None,
    help="Write the output to this file (atomically) instead of standard output.",
)
@click.option(
    "--output",
    "outputs",
    multiple=True,
    metavar="FORMAT=PATH",
    help="Also write FORMAT to the file PATH, atomically (repeatable).",
)
@lang_option(
    "Language of messages [default: config `lang`, AEPLAN_LANG, the plan's `language`, "
    "the locale, en]."
)
@fail_on_option("Exit 1 when a finding is at or above this severity [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@selection_options(
    "Only these rule codes, prefixes or names (comma-separated, repeatable).",
    "Skip these rule codes, prefixes or names (comma-separated, repeatable).",
)
@rules_option("Also load organisation rules (CODE.rule.yaml) from DIR (repeatable).")
@metadata_option(
    "Check the plans against the org's metadata: a Salesforce DX project or source folder, or a"
    " Metadata API retrieve folder (overrides `metadata` and the plan's `salesforce.metadata`)."
)
@configuration_options
@click.option("--fix", is_flag=True, help="Apply safe fixes to the plan files, then lint again.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, also apply fixes that are likely but not certain.",
)
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option(
    "--stdin-filename",
    default=None,
    metavar="PATH",
    help="The name of the plan read from `-` (standard input), for positions and config.",
)
@click.option(
    "--color",
    "colour",
    type=click.Choice(COLOR_CHOICES),
    default="auto",
    show_default=True,
    help="Colour text output (auto: on a terminal, unless NO_COLOR).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Report only findings that are not in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Record the current findings in this baseline file.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only the exit code speaks.")
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Exit 0 when no plan is found (by default linting nothing is exit 2).",
)
@click.option(
    "--show-files",
    is_flag=True,
    help="List the files that would be linted, and those skipped and why; lint nothing.",
)
def command(
    paths: tuple[str, ...],
    output_format: Optional[str],
    output_file: Optional[str],
    outputs: tuple[str, ...],
    lang: Optional[str],
    fail_on: Optional[str],
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    rule_dirs: tuple[str, ...],
    metadata: Optional[str],
    config_path: Optional[str],
    isolated: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    statistics: bool,
    stdin_filename: Optional[str],
    colour: str,
    baseline: Optional[Path],
    write_baseline: Optional[Path],
    quiet: bool,
    allow_empty: bool,
    show_files: bool,
) -> None:
    """Lint integration plans: files named, plans found in folders, or - for standard input.

    In a folder, a plan is a *.yaml / *.yml file with a top-level `aeplan:` key; hidden, VCS,
    virtual-environment and node_modules folders and what .gitignore ignores are skipped.
    """
    files = parse_outputs(outputs)
    settings = resolve(
        Overrides(
            split_codes(select),
            split_codes(ignore),
            fail_on,
            lang,
            rule_dirs,
            config_path,
            isolated,
            metadata,
        )
    )
    language.use(settings.lang)
    said = language.current(os.environ)
    if show_files:
        _show_files(paths or (".",), settings, said)
        return
    stdin = _standard_input(paths, stdin_filename)
    fixing = Fixing(apply=fix and not diff, diff=diff, unsafe=unsafe_fixes)
    adoption = Adoption(baseline, write_baseline, allow_empty)
    with progress_line("lint", sys.stderr, settings.lang, quiet, os.environ) as progress:
        outcome = run(paths or (".",), settings, adoption, fixing, stdin, progress)
    result = replace(outcome.result, fail_on=settings.fail_on)
    if outcome.written is not None and not quiet:
        said = plural("cli.wrote_baseline", said, outcome.written, path=write_baseline)
        click.echo(said, err=True)
    if diff:
        sys.exit(_show_diff(outcome, quiet, result.lang, unsafe_fixes))
    if fixing.apply and not quiet:
        for fixed in outcome.fixes:
            click.echo(plural("cli.fixed", result.lang, fixed.applied, path=fixed.path), err=True)
    terminal = terminal_format(output_format, os.environ)
    stream = _stream(output_file, colour)
    deliver(result, stream.target, terminal, files, os.environ, quiet=quiet or statistics)
    if statistics and not quiet:
        from planner.reporters import statistics as table

        table.render(result, stream.target)
    stream.close(protected=tuple(Path(a.path) for a in result.analyses))
    sys.exit(0 if exit_zero else result.exit_code(settings.fail_on))


def _show_files(paths: tuple[str, ...], settings: Settings, lang: str) -> None:
    """Print each file to lint, then each skipped file or folder with its reason (sorted)."""
    from planner.i18n import fill
    from planner.lint.discovery import REASON_KEYS
    from planner.lint.run import show_files
    from planner.terminal import printable

    found = show_files(paths, settings)
    for path in found.files:
        click.echo(f"lint  {printable(str(path))}")
    for skipped in sorted(found.skipped, key=lambda item: str(item.path)):
        key = REASON_KEYS.get(skipped.reason)
        reason = fill(key, lang) if key else skipped.reason
        click.echo(f"skip  {printable(str(skipped.path))}  ({reason})")


def _standard_input(paths: tuple[str, ...], name: Optional[str]) -> Optional[StandardInput]:
    from planner.errors import PlannerError
    from planner.lint.run import StandardInput

    if "-" not in paths:
        return None
    if paths.count("-") > 1:
        raise PlannerError.keyed("cli.stdin_twice")
    return StandardInput(sys.stdin.buffer.read(), name or "<stdin>")


def _show_diff(outcome: Outcome, quiet: bool, lang: str, unsafe: bool) -> int:
    fixes = [fixed for fixed in outcome.fixes if fixed.changed]
    if not quiet:
        for fixed in fixes:
            sys.stdout.write(fixed.diff())
        count = sum(fixed.applied for fixed in fixes)
        if count:
            flags = "--fix --unsafe-fixes" if unsafe else "--fix"
            click.echo(plural("fix.would_fix", lang, count, flags=flags), err=True)
    return 1 if fixes else 0


class _Stream:
    """Standard output, or an in-memory buffer written atomically to ``-o`` at the end."""

    def __init__(self, path: Optional[str], colour: bool) -> None:
        import io

        from planner.colour import Coloured

        self.path = path
        self.buffer = io.StringIO() if path else None
        base = self.buffer if self.buffer is not None else sys.stdout
        self.target: TextIO = cast(TextIO, Coloured(base)) if colour else base

    def close(self, protected: tuple[Path, ...]) -> None:
        """Write the buffered output to the file (when ``-o`` was given)."""
        from planner.atomic import write_text_atomically

        if self.path is not None and self.buffer is not None:
            write_text_atomically(self.path, self.buffer.getvalue(), protected=protected)


def _stream(path: Optional[str], colour: str) -> _Stream:
    from planner.colour import wants_colour

    on = wants_colour(colour, sys.stdout if path is None else None, os.environ)
    return _Stream(path, on)
