"""``kartlagg start`` and ``kartlagg demo``: open the app on the unit's database, or on the demo's.

``kartlagg`` without a command is ``start``. The demo database holds three invented participants;
``--ny`` removes it first so the demo starts over.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interview.cli.common import EXIT_OK, EXIT_USAGE, Subcommands
from interview.cli.context import CliContext
from interview.errors import UserError
from interview.i18n import _


def register(commands: Subcommands) -> None:
    """Add ``demo`` and ``start`` to the sub-commands."""
    demo = commands.add_parser(
        "demo",
        help=_("öppna kartlagg med påhittade deltagare (demodatabasen)"),
        description=_(
            "Öppna kartlagg på demodatabasen med tre påhittade deltagare: en ny, en som är halvvägs\n"
            "och en som är klar. Skärmen visar tydligt DEMO. Riktiga uppgifter ska inte skrivas här."
        ),
    )
    _app_options(demo)
    demo.add_argument(
        "--ny",
        dest="reset",
        action="store_true",
        help=_("börja om med en ny demodatabas (den gamla tas bort)"),
    )
    demo.set_defaults(run=run_demo)
    start = commands.add_parser(
        "start",
        help=_("öppna kartlagg på enhetens databas (samma som utan kommando)"),
        description=_("Öppna kartlagg på enhetens databas."),
    )
    _app_options(start)
    start.set_defaults(run=run_start)


def _app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fortsatt",
        dest="resume",
        action="store_true",
        help=_("fortsätt direkt med den kartläggning som senast arbetades med"),
    )


def run_start(context: CliContext, args: argparse.Namespace) -> int:
    """Start the app on the unit's database."""
    return _run_app(context, args, demo=False)


def run_demo(context: CliContext, args: argparse.Namespace) -> int:
    """Start the app on the demo database (a fresh one with ``--ny``)."""
    if getattr(args, "reset", False):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{context.locations.demo_database}{suffix}").unlink(missing_ok=True)
    return _run_app(context, args, demo=True)


def _run_app(context: CliContext, args: argparse.Namespace, *, demo: bool) -> int:
    from interview.tui.app import make_app  # textual only once the app opens

    locations, settings = context.locations, context.settings
    try:
        app = make_app(
            locations.demo_database if demo else locations.database,
            demo=demo,
            resume=getattr(args, "resume", False),
            banks=context.bank_folders,
            clock=context.clock,
            unit=None if demo else settings.unit,
            exports=locations.exports,
            rtl_mode=settings.rtl_mode,
            idle_lock_minutes=settings.idle_lock_minutes,
            keymap=settings.keys,
        )
    except UserError as error:  # the unit's [keys] clash: say which, before the screen is taken
        context.output.error(f"kartlagg: {locations.config_file}: {error}")
        return EXIT_USAGE
    app.run()
    return app.return_code or EXIT_OK
