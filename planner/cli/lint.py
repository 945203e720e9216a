"""``aeplan lint``: check plans against the rule set."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import click

from planner.cli.options import (
    configuration_options,
    fail_on_option,
    lang_option,
    metadata_option,
    rules_option,
    selection_options,
    split_codes,
)
from planner.reporters import REPORTERS

if TYPE_CHECKING:
    from planner.config.settings import Settings

FORMATS = tuple(REPORTERS)


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
    "--output",
    "outputs",
    multiple=True,
    metavar="FORMAT=PATH",
    help="Also write FORMAT to the file PATH, atomically (repeatable).",
)
@lang_option("Language of messages (default: the plan's `language`, else en).")
@fail_on_option("Exit 1 when a finding is at or above this severity [default: error].")
@selection_options(
    "Only these rule codes or prefixes (comma-separated, repeatable).",
    "Skip these rule codes or prefixes (comma-separated, repeatable).",
)
@rules_option("Also load organisation rules (CODE.rule.yaml) from DIR (repeatable).")
@metadata_option(
    "Check the plans against the org's metadata: a Salesforce DX project or source folder, or a"
    " Metadata API retrieve folder (overrides `metadata` and the plan's `salesforce.metadata`)."
)
@configuration_options
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
@click.option("--allow-empty", is_flag=True,
              help="Exit 0 when no plan is found (by default linting nothing is exit 2).")
@click.option("--show-files", is_flag=True,
              help="List the files that would be linted, and those skipped and why; lint nothing.")
def command(
    paths: tuple[str, ...],
    output_format: Optional[str],
    outputs: tuple[str, ...],
    lang: Optional[str],
    fail_on: Optional[str],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    rule_dirs: tuple[str, ...],
    metadata: Optional[str],
    config_path: Optional[str],
    isolated: bool,
    baseline: Optional[Path],
    write_baseline: Optional[Path],
    quiet: bool,
    allow_empty: bool,
    show_files: bool,
) -> None:
    """Lint integration plans: files named, and the plans found in folders.

    In a folder, a plan is a *.yaml / *.yml file with a top-level `aeplan:` key; hidden, VCS,
    virtual-environment and node_modules folders and what .gitignore ignores are skipped.
    """
    from planner.config.settings import Overrides, resolve
    from planner.lint.run import Adoption, run
    from planner.reporters.destinations import deliver, parse_outputs, terminal_format

    files = parse_outputs(outputs)

    settings = resolve(
        Overrides(
            split_codes(select), split_codes(ignore), fail_on, lang, rule_dirs, config_path,
            isolated, metadata,
        )
    )
    if show_files:
        _show_files(paths or (".",), settings)
        return
    outcome = run(
        paths or (".",), settings, Adoption(baseline, write_baseline, allow_empty)
    )
    result = replace(outcome.result, fail_on=settings.fail_on)
    if outcome.written is not None and not quiet:
        click.echo(f"aeplan: wrote {outcome.written} finding(s) to {write_baseline}", err=True)
    terminal = terminal_format(output_format, os.environ)
    deliver(result, sys.stdout, terminal, files, os.environ, quiet=quiet)
    sys.exit(result.exit_code(settings.fail_on))


def _show_files(paths: tuple[str, ...], settings: Settings) -> None:
    """Print each file to lint, then each skipped file or folder with its reason (sorted)."""
    from planner.lint.run import show_files
    from planner.terminal import printable

    found = show_files(paths, settings)
    for path in found.files:
        click.echo(f"lint  {printable(str(path))}")
    for skipped in sorted(found.skipped, key=lambda item: str(item.path)):
        click.echo(f"skip  {printable(str(skipped.path))}  ({skipped.reason})")
