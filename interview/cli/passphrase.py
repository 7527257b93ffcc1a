"""``kartlagg passphrase``: change the unit's passphrase, or encrypt a database from before encryption.

``change`` asks for the current passphrase and a new one (twice) and re-encrypts every page with the
new key. ``encrypt`` turns an unencrypted database (made by a kartlagg from before encryption at
rest) into an encrypted one, keeping everything in it. kartlagg must be closed while either runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interview.audit import AuditAction, AuditEvent
from interview.cli.common import (
    EXIT_OK,
    Refused,
    Subcommands,
    actor_name,
    add_actor_flag,
    add_demo_flag,
    existing_database,
)
from interview.cli.context import CliContext
from interview.i18n import _
from interview.passphrase import DEMO_PASSPHRASE, check_new
from storage import DatabaseInUse, Repository, is_plain
from storage.connection import encrypt_plain


def register(commands: Subcommands) -> None:
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
    command.set_defaults(run=_without_action)
    actions = command.add_subparsers(dest="action", metavar=_("KOMMANDO"))
    for name, text in (
        ("change", _("byt lösenfras")),
        ("encrypt", _("kryptera en okrypterad databas")),
    ):
        action = actions.add_parser(name, help=text, description=text)
        add_demo_flag(action)
        add_actor_flag(action)
        action.set_defaults(run=run_passphrase)


def _without_action(_context: CliContext, _args: argparse.Namespace) -> int:
    raise Refused(_("skriv 'change' eller 'encrypt'."))


def run_passphrase(context: CliContext, args: argparse.Namespace) -> int:
    """Run ``kartlagg passphrase change|encrypt`` and return the exit code."""
    database = existing_database(context, demo=args.demo)
    if args.action == "change":
        _change(context, database, demo=args.demo, actor=actor_name(args))
        context.output.line(_("Lösenfrasen är bytt. Använd den nya från och med nu."))
    else:
        _encrypt(context, database, demo=args.demo)
        context.output.line(_("Databasen är krypterad."))
    return EXIT_OK


def _new_passphrase(context: CliContext) -> str:
    first = context.prompt.passphrase(_("Ny lösenfras: "))
    return check_new(first, context.prompt.passphrase(_("Samma lösenfras en gång till: ")))


def _change(context: CliContext, database: Path, *, demo: bool, actor: str) -> None:
    if demo:
        raise Refused(_("demodatabasens lösenfras kan inte bytas: den visas för alla."))
    current = context.prompt.passphrase(_("Nuvarande lösenfras: "))
    try:
        # Opening checks the passphrase and takes the lock: no other window can write meanwhile.
        with Repository.open(database, key=current) as repository:
            repository.rekey(_new_passphrase(context))
            repository.record(
                AuditEvent(
                    at=context.now(),
                    actor=actor,
                    action=AuditAction.CHANGE,
                    subject="database:passphrase",
                )
            )
    except DatabaseInUse:
        raise Refused(_("kartlagg har databasen öppen. Stäng kartlagg och försök igen.")) from None


def _encrypt(context: CliContext, database: Path, *, demo: bool) -> None:
    if not is_plain(database):
        raise Refused(_("databasen är redan krypterad."))
    new = DEMO_PASSPHRASE if demo else _new_passphrase(context)
    encrypt_plain(database, new_key=new)
