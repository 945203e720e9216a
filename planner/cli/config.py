"""``aeplan config``: show the effective settings and where each came from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

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
@selection_options("As for `aeplan lint`.", "As for `aeplan lint`.")
@fail_on_option("As for `aeplan lint`.")
@lang_option("As for `aeplan lint`.")
@rules_option("As for `aeplan lint`.")
@metadata_option("As for `aeplan lint`.")
def command(
    output_format: str,
    config_path: Optional[str],
    isolated: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: Optional[str],
    lang: Optional[str],
    rule_dirs: tuple[str, ...],
    metadata: Optional[str],
) -> None:
    """Show the settings `aeplan lint` would use here, and where each came from."""
    from planner.cli.language import current, use
    from planner.config import view as settings_view
    from planner.config.settings import Overrides, resolve

    overrides = Overrides(
        split_codes(select),
        split_codes(ignore),
        fail_on,
        lang,
        rule_dirs,
        config_path,
        isolated,
        metadata,
    )
    settings = resolve(overrides)
    use(settings.lang)
    cwd = Path.cwd().absolute()
    if output_format == "json":
        click.echo(settings_view.render_json(settings, cwd), nl=False)
    else:
        click.echo(settings_view.render_text(settings, cwd, current(os.environ)), nl=False)
