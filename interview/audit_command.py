"""``kartlagg audit``: check the audit log's hash chain, or show its newest entries.

``verify`` reads the whole log from the first entry and every signed version, and names the first
entry (or signed version) that does not hold. ``show`` prints the newest entries: when, who, what and
the subject's kind and short id (the log holds no names of participants). Both only read, so they
work while the app is open.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import datetime
from typing import Any, TextIO

from interview.audit import AuditAction, StoredEntry, subject_label
from interview.commands import (
    EXIT_FAILED,
    EXIT_OK,
    add_demo_flag,
    existing_database,
    unit_passphrase,
)
from interview.errors import UserError
from interview.formatting import display_date, display_number, display_time
from interview.i18n import _
from interview.paths import Locations
from storage import Repository

SHORT_HASH = 16
SHORT_ID = 8
DEFAULT_SHOWN = 20


def add_audit_parser(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``audit verify`` and ``audit show`` to the sub-commands."""
    audit = commands.add_parser(
        "audit",
        help=_("granskningsloggen: kontrollera kedjan eller visa de senaste posterna"),
        description=_(
            "Granskningsloggen: vem som skapade, ändrade, taggade, skrev under,\n"
            "exporterade, raderade eller gallrade något, och när."
        ),
    )
    audit_commands = audit.add_subparsers(
        dest="audit_command", title=_("kommandon"), metavar=_("KOMMANDO"), parser_class=parser_class
    )
    verify = audit_commands.add_parser(
        "verify",
        help=_("kontrollera att ingen post och ingen underskriven version har ändrats"),
        description=_(
            "Räkna om varje posts kontrollsumma från den första och jämför varje underskriven\n"
            "version med posten från underskriften. Avslutas med kod 1 och namnger den första\n"
            "posten som inte stämmer om något har ändrats."
        ),
    )
    add_demo_flag(verify)
    show = audit_commands.add_parser(
        "show",
        help=_("visa de senaste posterna"),
        description=_("Visa de senaste posterna i granskningsloggen."),
    )
    show.add_argument(
        "--antal",
        dest="count",
        type=int,
        default=DEFAULT_SHOWN,
        metavar="N",
        help=_("hur många poster (standard: 20)"),
    )
    add_demo_flag(show)


def run_audit(locations: Locations, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``kartlagg audit`` and return the exit code."""
    try:
        database = existing_database(locations, demo=args.demo)
        key = unit_passphrase(demo=args.demo)
        with Repository.open(database, key=key, read_only=True) as repository:
            if args.audit_command == "show":
                return _show(repository, max(args.count, 1), out)
            return _verify(repository, out)
    except UserError as error:
        err.write(_("kartlagg audit: {message}").format(message=error) + "\n")
        return EXIT_FAILED


def _verify(repository: Repository, out: TextIO) -> int:
    verdict = repository.verify_audit()
    if verdict.broken_seq is not None:
        out.write(
            _("Granskningsloggen stämmer inte från post {seq}: {reason}.").format(
                seq=verdict.broken_seq, reason=verdict.reason
            )
            + "\n"
        )
        return EXIT_FAILED
    if verdict.broken_draft is not None:
        out.write(
            _("Underskriven version {draft} stämmer inte: {reason}.").format(
                draft=verdict.broken_draft[:SHORT_ID], reason=verdict.reason
            )
            + "\n"
        )
        return EXIT_FAILED
    out.write(
        _("Granskningsloggen stämmer: {entries} poster, {signed} underskrivna versioner.").format(
            entries=display_number(verdict.entries), signed=display_number(verdict.signed)
        )
        + "\n"
    )
    out.write(_("Kedjehuvud: {head}").format(head=verdict.head) + "\n")
    return EXIT_OK


def _show(repository: Repository, count: int, out: TextIO) -> int:
    entries = repository.audit_entries()[-count:]
    if not entries:
        out.write(_("Granskningsloggen är tom.") + "\n")
        return EXIT_OK
    for entry in entries:
        out.write(_line(entry) + "\n")
    return EXIT_OK


_LONG_ID = re.compile(r"\b[0-9a-f]{32}\b")


def _line(entry: StoredEntry) -> str:
    """Return one entry for the terminal: number, local time, who, what, about what, facts, hash."""
    try:
        action = AuditAction(entry.action).label
    except ValueError:
        action = entry.action
    subject_id = entry.subject.partition(":")[2]
    try:
        detail = json.loads(entry.detail)
    except ValueError:
        detail = {}
    facts = ""
    if isinstance(detail, dict) and detail:
        facts = ", ".join(f"{name}={value}" for name, value in sorted(detail.items()))
        facts = _LONG_ID.sub(lambda match: match.group(0)[:SHORT_ID], facts)
    try:
        moment = datetime.fromisoformat(entry.at)
        when = f"{display_date(moment)} {display_time(moment)}"
    except ValueError:
        when = entry.at
    actor = " ".join(entry.actor.split()) or "–"
    about = f"{subject_label(entry.subject)} {subject_id[:SHORT_ID]}".strip()
    return (
        f"{entry.seq:>6}  {when}  {actor}  {action} {about}"
        + (f"  ({facts})" if facts else "")
        + f"  {entry.hash[:SHORT_HASH]}"
    )
