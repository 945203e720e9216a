"""``aeplan lint``: check plans against the rule set."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from planner.commands import LANGUAGES, boundary, configuration_options, split_codes
from planner.reporters import REPORTERS

FORMATS = tuple(REPORTERS)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="Terminal output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("--output", "outputs", multiple=True, metavar="FORMAT=PATH",
              help="Also write FORMAT to the file PATH, atomically (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of messages (default: the plan's `language`, else en).")
@click.option("--fail-on", type=click.Choice(("error", "warning", "info", "never")), default=None,
              help="Exit 1 when a finding is at or above this severity [default: error].")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rule codes or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Skip these rule codes or prefixes (comma-separated, repeatable).")
@click.option("--rules", "rule_dirs", multiple=True, metavar="DIR",
              help="Also load organisation rules (CODE.rule.yaml) from DIR (repeatable).")
@configuration_options
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Record the current findings in this baseline file.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only the exit code speaks.")
def command(
    paths: tuple[str, ...],
    output_format: Optional[str],
    outputs: tuple[str, ...],
    lang: Optional[str],
    fail_on: Optional[str],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    rule_dirs: tuple[str, ...],
    config_path: Optional[str],
    isolated: bool,
    baseline: Optional[Path],
    write_baseline: Optional[Path],
    quiet: bool,
) -> None:
    """Lint integration plans (files, or folders of *.yaml / *.yml)."""
    with boundary():
        from planner.lint_run import Adoption, run
        from planner.reporters.destinations import deliver, parse_outputs, terminal_format
        from planner.settings import Overrides, resolve

        files = parse_outputs(outputs)

        settings = resolve(
            Overrides(
                split_codes(select), split_codes(ignore), fail_on, lang, rule_dirs, config_path,
                isolated,
            )
        )
        from planner.progress import progress_line

        with progress_line("lint", sys.stderr, settings.lang, quiet, os.environ) as progress:
            outcome = run(paths or (".",), settings, Adoption(baseline, write_baseline), progress)
        result = outcome.result
        if outcome.written is not None and not quiet:
            click.echo(f"aeplan: wrote {outcome.written} finding(s) to {write_baseline}", err=True)
        terminal = terminal_format(output_format, os.environ)
        deliver(result, sys.stdout, terminal, files, os.environ, quiet=quiet)
        sys.exit(result.exit_code(settings.fail_on))
