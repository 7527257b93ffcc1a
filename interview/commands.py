"""What the commands that open the database share: refusals, the ``--demo`` flag, the passphrase.

``kartlagg export``, ``export-person`` and ``passphrase`` each end with one Swedish line when they
cannot go on (:class:`Refused`), work on the demo database with ``--demo``, and ask for the unit's
passphrase on the terminal (the demo's is known).
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from interview.errors import UserError
from interview.i18n import _
from interview.passphrase import DEMO_PASSPHRASE, read_passphrase
from interview.paths import Locations

EXIT_OK = 0
EXIT_FAILED = 1


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


def existing_database(locations: Locations, *, demo: bool) -> Path:
    """Return the unit's (or the demo's) database; :class:`Refused` if there is none yet."""
    database = locations.demo_database if demo else locations.database
    if not database.exists():
        raise Refused(_("det finns ingen databas ännu ({path}).").format(path=database))
    return database


def unit_passphrase(*, demo: bool) -> str:
    """Return the passphrase to open the database with: the demo's, or one typed on the terminal."""
    return DEMO_PASSPHRASE if demo else read_passphrase(_("Enhetens lösenfras: "))


def typed_line(prompt: str) -> str:
    """Return a line typed on the terminal after ``prompt`` (an empty one if there is no terminal)."""
    try:
        return input(prompt)
    except EOFError:
        return ""
