"""``aeplan lint``'s work, without click: the command (:mod:`planner.cli.lint`) and the quick path
(:mod:`planner.cli.quick`) both call :func:`lint`."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional, TextIO, cast

from planner.cli import language
from planner.config.settings import Overrides, resolve, split_selectors
from planner.i18n import plural
from planner.lint.run import Adoption, Fixing, run
from planner.progress import progress_line
from planner.reporters.destinations import deliver, parse_outputs, terminal_format

if TYPE_CHECKING:
    from planner.config.settings import Settings
    from planner.lint.run import Outcome, StandardInput


def lint(
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
    """One ``aeplan lint`` run with the parsed options; exits with the run's code."""
    files = parse_outputs(outputs)
    settings = resolve(
        Overrides(
            split_selectors(select),
            split_selectors(ignore),
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
        _echo(said, err=True)
    if diff:
        sys.exit(_show_diff(outcome, quiet, result.lang, unsafe_fixes))
    if fixing.apply and not quiet:
        for fixed in outcome.fixes:
            _echo(plural("cli.fixed", result.lang, fixed.applied, path=fixed.path), err=True)
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
    linted, skip = fill("show_files.lint", lang), fill("show_files.skip", lang)
    for path in found.files:
        _echo(f"{linted}  {printable(str(path))}")
    for skipped in sorted(found.skipped, key=lambda item: str(item.path)):
        key = REASON_KEYS.get(skipped.reason)
        reason = fill(key, lang) if key else skipped.reason
        _echo(f"{skip}  {printable(str(skipped.path))}  ({reason})")


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
            _echo(plural("fix.would_fix", lang, count, flags=flags), err=True)
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


def _echo(message: str, err: bool = False) -> None:
    """``click.echo``: imported here, since a plain lint run prints through the reporters only."""
    import click

    click.echo(message, err=err)
