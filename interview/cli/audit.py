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

from interview.audit import AuditAction, StoredEntry, subject_label
from interview.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Subcommands,
    add_demo_flag,
    existing_database,
    show_help,
    unit_passphrase,
)
from interview.cli.context import CliContext
from interview.cli.output import Output
from interview.formatting import display_date, display_number, display_time
from interview.i18n import _
from storage import Repository

SHORT_HASH = 16
SHORT_ID = 8
DEFAULT_SHOWN = 20


def register(commands: Subcommands) -> None:
    """Add ``audit verify`` and ``audit show`` to the sub-commands."""
    audit = commands.add_parser(
        "audit",
        help=_("granskningsloggen: kontrollera kedjan eller visa de senaste posterna"),
        description=_(
            "Granskningsloggen: vem som skapade, ändrade, taggade, skrev under,\n"
            "exporterade, raderade eller gallrade något, och när."
        ),
    )
    audit.set_defaults(run=show_help(audit))
    audit_commands = audit.add_subparsers(
        dest="audit_command", title=_("kommandon"), metavar=_("KOMMANDO")
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
    verify.set_defaults(run=run_audit)
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
    show.set_defaults(run=run_audit)


def run_audit(context: CliContext, args: argparse.Namespace) -> int:
    """Run ``kartlagg audit verify`` or ``show`` and return the exit code."""
    database = existing_database(context, demo=args.demo)
    key = unit_passphrase(context, demo=args.demo)
    with Repository.open(database, key=key, read_only=True) as repository:
        if args.audit_command == "show":
            return _show(repository, max(args.count, 1), context.output)
        return _verify(repository, context.output)


def _verify(repository: Repository, output: Output) -> int:
    verdict = repository.verify_audit()
    if verdict.broken_seq is not None:
        output.line(
            _("Granskningsloggen stämmer inte från post {seq}: {reason}.").format(
                seq=verdict.broken_seq, reason=verdict.reason
            )
        )
        return EXIT_FAILED
    if verdict.broken_draft is not None:
        output.line(
            _("Underskriven version {draft} stämmer inte: {reason}.").format(
                draft=verdict.broken_draft[:SHORT_ID], reason=verdict.reason
            )
        )
        return EXIT_FAILED
    output.line(
        _("Granskningsloggen stämmer: {entries} poster, {signed} underskrivna versioner.").format(
            entries=display_number(verdict.entries), signed=display_number(verdict.signed)
        )
    )
    output.line(_("Kedjehuvud: {head}").format(head=verdict.head))
    return EXIT_OK


def _show(repository: Repository, count: int, output: Output) -> int:
    entries = repository.audit_entries()[-count:]
    if not entries:
        output.line(_("Granskningsloggen är tom."))
        return EXIT_OK
    for entry in entries:
        output.line(_line(entry))
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
