"""``aeplan config``: show the effective settings and where each came from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import click

from planner.commands import LANGUAGES, boundary, configuration_options, split_codes


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="Output format.",
)
@configuration_options
@click.option("--select", multiple=True, metavar="CODES", help="As for `aeplan lint`.")
@click.option("--ignore", multiple=True, metavar="CODES", help="As for `aeplan lint`.")
@click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "info", "never")),
    default=None,
    help="As for `aeplan lint`.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="As for `aeplan lint`.")
@click.option("--rules", "rule_dirs", multiple=True, metavar="DIR", help="As for `aeplan lint`.")
def command(
    output_format: str,
    config_path: Optional[str],
    isolated: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: Optional[str],
    lang: Optional[str],
    rule_dirs: tuple[str, ...],
) -> None:
    """Show the settings `aeplan lint` would use here, and where each came from."""
    with boundary():
        from planner import settings_view
        from planner.commands.language import current, use
        from planner.settings import Overrides, resolve

        overrides = Overrides(
            split_codes(select), split_codes(ignore), fail_on, lang, rule_dirs, config_path,
            isolated,
        )  # fmt: skip
        settings = resolve(overrides)
        use(settings.lang)
        cwd = Path.cwd().absolute()
        if output_format == "json":
            click.echo(settings_view.render_json(settings, cwd), nl=False)
        else:
            said = current(os.environ)
            click.echo(settings_view.render_text(settings, cwd, said), nl=False)
