"""``kartlagg where``: the folders kartlagg keeps its data, settings and banks in."""

from __future__ import annotations

import argparse

from interview.cli.common import EXIT_OK, Subcommands
from interview.cli.context import CliContext
from interview.i18n import _


def register(commands: Subcommands) -> None:
    """Add ``where`` to the sub-commands."""
    where = commands.add_parser(
        "where",
        help=_("visa var data och inställningar sparas"),
        description=_("Visa var kartlagg sparar data och inställningar."),
    )
    where.set_defaults(run=run_where)


def run_where(context: CliContext, _args: argparse.Namespace) -> int:
    """Print one line per folder or file: what it is, and where."""
    locations = context.locations
    rows = (
        (_("Data"), locations.data_dir),
        (_("Databas"), locations.database),
        (_("Demodatabas"), locations.demo_database),
        (_("Inställningar"), locations.config_file),
        (_("Egna frågebanker"), locations.user_banks),
        (_("Medföljande frågebanker"), locations.shipped_banks),
        (_("Översättningar"), locations.shipped_locales),
    )
    width = max(len(name) for name, _path in rows)
    for name, path in rows:
        context.output.line(f"{name + ':':<{width + 1}}  {path}")
    return EXIT_OK
