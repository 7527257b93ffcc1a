"""What the commands share: exit codes, refusals, the ``--demo`` and ``--av`` flags, the database.

Commands that open the database end with one Swedish line when they cannot go on (:class:`Refused`,
reported by ``main()`` like every :class:`~interview.errors.UserError`), work on the demo database
with ``--demo``, and ask for the unit's passphrase through the context's prompt (the demo's is known).
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from interview.errors import UserError
from interview.i18n import _
from interview.passphrase import DEMO_PASSPHRASE

if TYPE_CHECKING:
    from interview.cli.context import CliContext
    from interview.cli.parser import SwedishParser

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_FINDINGS = 1
"""``kartlagg bank check`` found errors."""
EXIT_USAGE = 2

Subcommands: TypeAlias = "argparse._SubParsersAction[SwedishParser]"
"""What ``add_subparsers()`` returns: each command module's ``register()`` adds its parser here."""
Run: TypeAlias = "Callable[[CliContext, argparse.Namespace], int]"
"""A command: given the context and the parsed arguments, it does its work and returns the exit code."""


class Refused(UserError):
    """The command cannot go on; the text says why, in Swedish."""


def add_demo_flag(parser: argparse.ArgumentParser) -> None:
    """Add ``--demo``: use the demo database with invented participants."""
    parser.add_argument(
        "--demo", action="store_true", help=_("använd demodatabasen med påhittade deltagare")
    )


def add_actor_flag(parser: argparse.ArgumentParser) -> None:
    """Add ``--av NAMN``: who runs the command, for the audit log (default: the computer account)."""
    parser.add_argument(
        "--av",
        dest="actor",
        metavar=_("NAMN"),
        help=_("vem som gör det, för granskningsloggen (standard: ditt användarnamn på datorn)"),
    )


def actor_name(args: argparse.Namespace) -> str:
    """Return the name for the audit log: ``--av``, or the computer account's name."""
    given = " ".join(str(getattr(args, "actor", None) or "").split())
    if given:
        return given[:200]
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "okänd"


def existing_database(context: CliContext, *, demo: bool) -> Path:
    """Return the unit's (or the demo's) database; :class:`Refused` if there is none yet."""
    database = context.locations.demo_database if demo else context.locations.database
    if not database.exists():
        raise Refused(_("det finns ingen databas ännu ({path}).").format(path=database))
    return database


def unit_passphrase(context: CliContext, *, demo: bool) -> str:
    """Return the passphrase to open the database with: the demo's, or one typed at the prompt."""
    return DEMO_PASSPHRASE if demo else context.prompt.passphrase(_("Enhetens lösenfras: "))


def show_help(parser: argparse.ArgumentParser) -> Run:
    """Return a command that prints ``parser``'s help (``kartlagg bank`` without a sub-command)."""

    def run(_context: CliContext, _args: argparse.Namespace) -> int:
        parser.print_help()
        return EXIT_OK

    return run
