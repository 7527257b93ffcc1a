"""``kartlagg passphrase``: change the unit's passphrase, or encrypt a database from before encryption.

``change`` asks for the current passphrase and a new one (twice) and re-encrypts every page with the
new key. ``encrypt`` turns an unencrypted database (made by a kartlagg from before encryption at
rest) into an encrypted one, keeping everything in it. kartlagg must be closed while either runs.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from interview.audit import AuditAction, AuditEvent
from interview.commands import (
    EXIT_FAILED,
    EXIT_OK,
    Refused,
    actor_name,
    add_actor_flag,
    add_demo_flag,
    existing_database,
)
from interview.errors import UserError
from interview.i18n import _
from interview.passphrase import DEMO_PASSPHRASE, check_new, read_passphrase
from interview.paths import Locations
from storage import DatabaseInUse, Repository, is_plain
from storage.connection import encrypt_plain


def add_passphrase_parser(commands: Any) -> None:
    """Add ``passphrase change`` and ``passphrase encrypt`` to the sub-commands."""
    command = commands.add_parser(
        "passphrase",
        help=_("byt enhetens lösenfras, eller kryptera en gammal databas"),
        description=_(
            "Databasen är krypterad med enhetens lösenfras. 'change' byter lösenfras (allt\n"
            "krypteras om). 'encrypt' krypterar en databas från en äldre kartlagg utan\n"
            "kryptering. Stäng kartlagg först."
        ),
    )
    actions = command.add_subparsers(dest="action", metavar=_("KOMMANDO"))
    for name, text in (
        ("change", _("byt lösenfras")),
        ("encrypt", _("kryptera en okrypterad databas")),
    ):
        action = actions.add_parser(name, help=text, description=text)
        add_demo_flag(action)
        add_actor_flag(action)


def run_passphrase(locations: Locations, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``kartlagg passphrase change|encrypt`` and return the exit code."""
    try:
        database = existing_database(locations, demo=args.demo)
        if args.action == "change":
            _change(database, demo=args.demo, actor=actor_name(args))
            out.write(_("Lösenfrasen är bytt. Använd den nya från och med nu.") + "\n")
        elif args.action == "encrypt":
            _encrypt(database, demo=args.demo)
            out.write(_("Databasen är krypterad.") + "\n")
        else:
            raise Refused(_("skriv 'change' eller 'encrypt'."))
    except UserError as error:
        err.write(_("kartlagg passphrase: {message}").format(message=error) + "\n")
        return EXIT_FAILED
    return EXIT_OK


def _new_passphrase() -> str:
    first = read_passphrase(_("Ny lösenfras: "))
    return check_new(first, read_passphrase(_("Samma lösenfras en gång till: ")))


def _change(database: Path, *, demo: bool, actor: str) -> None:
    if demo:
        raise Refused(_("demodatabasens lösenfras kan inte bytas: den visas för alla."))
    current = read_passphrase(_("Nuvarande lösenfras: "))
    try:
        # Opening checks the passphrase and takes the lock: no other window can write meanwhile.
        with Repository.open(database, key=current) as repository:
            repository.rekey(_new_passphrase())
            repository.record(
                AuditEvent(
                    at=datetime.now(UTC),
                    actor=actor,
                    action=AuditAction.CHANGE,
                    subject="database:passphrase",
                )
            )
    except DatabaseInUse:
        raise Refused(_("kartlagg har databasen öppen. Stäng kartlagg och försök igen.")) from None


def _encrypt(database: Path, *, demo: bool) -> None:
    if not is_plain(database):
        raise Refused(_("databasen är redan krypterad."))
    new = DEMO_PASSPHRASE if demo else _new_passphrase()
    encrypt_plain(database, new_key=new)
