"""``aeplan lint``: check plans against the rule set (and fix what can be fixed safely)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from planner.cli.linting import lint
from planner.cli.options import (
    configuration_options,
    fail_on_option,
    lang_option,
    metadata_option,
    rules_option,
    selection_options,
)
from planner.reporters import REPORTERS

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
    lint(
        paths, output_format, output_file, outputs, lang, fail_on, exit_zero, select, ignore,
        rule_dirs, metadata, config_path, isolated, fix, unsafe_fixes, diff, statistics,
        stdin_filename, colour, baseline, write_baseline, quiet, allow_empty, show_files,
    )  # fmt: skip
