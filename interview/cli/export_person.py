"""``kartlagg export-person``: everything stored about one person, as JSON and as a readable page.

The person is named by personnummer (or samordningsnummer) or by the start of their id. Both files go
to the exports folder (or ``--out``), readable by their owner only, named by the person's id, never
their name. The database is only read, so this works while the app is open too.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
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
    unit_passphrase,
)
from interview.cli.context import CliContext
from interview.consent import Consent
from interview.draft.export import save_file
from interview.i18n import _
from interview.person_export import KartlaggningExport, PersonExport, render_person_html
from interview.personnummer import PersonnummerError, parse
from interview.records import Participant
from storage import Repository, StorageError

MIN_PREFIX = 4


def register(commands: Subcommands) -> None:
    """Add ``export-person`` to the sub-commands."""
    command = commands.add_parser(
        "export-person",
        help=_("skriv ut allt som finns sparat om en person (registerutdrag)"),
        description=_(
            "Skriv allt som finns sparat om en person till två filer som bara du kan läsa:\n"
            "en JSON-fil (maskinläsbar) och en HTML-sida att läsa eller skriva ut. Ange\n"
            "personnumret eller början av personens id."
        ),
    )
    command.add_argument("person", metavar=_("PERSON"), help=_("personnummer eller början av id:t"))
    command.add_argument(
        "--out", type=Path, metavar=_("MAPP"), help=_("mapp att skriva till (standard: exports)")
    )
    add_demo_flag(command)
    add_actor_flag(command)
    command.set_defaults(run=run_export_person)


def run_export_person(context: CliContext, args: argparse.Namespace) -> int:
    """Run ``kartlagg export-person`` and return the exit code."""
    for path in _export(context, args):
        context.output.line(_("Sparad: {path}").format(path=path))
    return EXIT_OK


def gather(repository: Repository, participant: Participant, now: datetime) -> PersonExport:
    """Collect everything stored about ``participant``."""
    items = []
    for kartlaggning in repository.kartlaggningar(participant.id):
        record = repository.load(kartlaggning.id)
        if record is None:  # pragma: no cover - the list and the load are one read
            continue
        versions = tuple(repository.draft_versions(kartlaggning.id))
        items.append(KartlaggningExport(record=record, draft_versions=versions))
    consents = tuple(repository.consents(participant.id))
    return PersonExport(
        generated_at=now,
        participant=participant,
        kartlaggningar=tuple(items),
        consents=consents,
        audit=tuple(repository.audit_entries_about(_subjects(participant, items, consents))),
    )


def _subjects(
    participant: Participant, items: list[KartlaggningExport], consents: tuple[Consent, ...]
) -> set[str]:
    """Return the audit subjects (``kind:id``) of everything stored about the person."""
    subjects = {f"participant:{participant.id}"}
    subjects.update(f"consent:{consent.id}" for consent in consents)
    for item in items:
        record = item.record
        subjects.add(f"kartlaggning:{record.kartlaggning.id}")
        subjects.update(f"session:{session.id}" for session in record.sessions)
        subjects.update(f"answer:{exchange.id}" for exchange in record.exchanges)
        subjects.update(f"action:{action.id}" for action in record.actions)
        subjects.update(f"statement:{statement.id}" for statement in record.statements)
        subjects.update(f"draft:{version.id}" for version in item.draft_versions)
    return subjects


def find_person(repository: Repository, wanted: str, today: date) -> Participant:
    """Return the one participant named by personnummer or the start of the id; else :class:`Refused`.

    ``today`` tells a personnummer written with two-digit years which century it is from.
    """
    try:
        number = parse(wanted, today).digits
    except PersonnummerError:
        number = None
    if number is not None:
        found = repository.participant_by_personnummer(number)
        if found is None:
            raise Refused(_("ingen person har det personnumret."))
        return found
    prefix = wanted.strip().casefold()
    if len(prefix) < MIN_PREFIX:
        raise Refused(_("skriv minst {count} tecken av id:t.").format(count=MIN_PREFIX))
    matches = [person for person in repository.participants() if person.id.startswith(prefix)]
    if not matches:
        raise Refused(_("ingen person har ett id som börjar med {prefix!r}.").format(prefix=wanted))
    if len(matches) > 1:
        raise Refused(_("flera personer passar. Skriv fler tecken av id:t."))
    return matches[0]


def _export(context: CliContext, args: argparse.Namespace) -> list[Path]:
    database = existing_database(context, demo=args.demo)
    key = unit_passphrase(context, demo=args.demo)
    # shared: the app may be open; this reads and adds the export's audit entry
    with Repository.open(database, key=key, shared=True) as repository:
        participant = find_person(repository, args.person, context.today())
        now = context.now()
        export = gather(repository, participant, now)
        folder = args.out or context.locations.exports
        made = None if args.out else folder  # the default exports folder is made (0700) if missing
        stem = f"person-{participant.id[:8]}"
        paths = [
            save_file(export.model_dump_json(indent=2), folder / f"{stem}.json", folder=made),
            save_file(render_person_html(export), folder / f"{stem}.html", folder=made),
        ]
        event = AuditEvent(
            at=now,
            actor=actor_name(args),
            action=AuditAction.EXPORT,
            subject=f"participant:{participant.id}",
            detail={"kind": "registerutdrag", "files": len(paths)},
        )
        try:
            repository.record(event)
        except StorageError:
            for path in paths:  # no export without its audit entry
                path.unlink(missing_ok=True)
            raise
    return paths
