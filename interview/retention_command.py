"""``kartlagg gallra``: remove for good everything about the people the retention rule has reached.

``--dry-run`` lists who would go and changes nothing. The real run lists them too, asks the user to
type ``GALLRA`` (or takes ``--ja``), deletes every row about them in one transaction, rewrites the
file (secure delete, vacuum, an emptied write-ahead log) and leaves audit entries with ids and counts
only. It needs the database to itself: the app must be closed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TextIO

from interview.commands import (
    EXIT_FAILED,
    EXIT_OK,
    Refused,
    actor_name,
    add_actor_flag,
    add_demo_flag,
    existing_database,
    typed_line,
    unit_passphrase,
)
from interview.errors import UserError
from interview.formatting import display_date
from interview.i18n import _, ngettext
from interview.paths import Locations
from interview.personnummer import IdentityNumber
from interview.retention import Candidate, cutoff, due
from interview.settings import read_settings
from storage import Repository

CONFIRM_WORD = "GALLRA"
SHORT_ID = 8


def add_retention_parser(commands: Any) -> None:
    """Add ``gallra`` to the sub-commands."""
    command = commands.add_parser(
        "gallra",
        help=_("ta bort allt om personer som gallringsregeln har nått (prova med --dry-run)"),
        description=_(
            "Gallring enligt enhetens regel (retention_months i config.toml): allt om en person\n"
            "tas bort för alltid när inget har sparats om personen på så många månader.\n"
            "Kör först med --dry-run för att se vilka som berörs. Stäng kartlagg innan."
        ),
    )
    command.add_argument(
        "--dry-run",
        dest="dry_run",
        action="store_true",
        help=_("visa bara vilka som skulle tas bort; inget ändras"),
    )
    command.add_argument(
        "--ja",
        dest="confirmed",
        action="store_true",
        help=_("fråga inte: ta bort utan att skriva {word}").format(word=CONFIRM_WORD),
    )
    add_demo_flag(command)
    add_actor_flag(command)


def run_retention(
    locations: Locations,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    ask: Callable[[str], str] | None = None,
) -> int:
    """Run ``kartlagg gallra`` and return the exit code."""
    try:
        return _run(locations, args, out, ask or typed_line)
    except UserError as error:
        err.write(_("kartlagg gallra: {message}").format(message=error) + "\n")
        return EXIT_FAILED


def _run(locations: Locations, args: argparse.Namespace, out: TextIO, ask: Callable[[str], str]) -> int:
    months = read_settings(locations.config_file).retention_months
    if months is None:
        raise Refused(
            _(
                "ingen gallringsregel är inställd. Skriv till exempel retention_months = 24 i {path}"
                " (antal månader efter det senaste som sparades om personen)."
            ).format(path=locations.config_file)
        )
    database = existing_database(locations, demo=args.demo)
    key = unit_passphrase(demo=args.demo)
    now = datetime.now(UTC)
    with Repository.open(database, key=key, read_only=args.dry_run) as repository:
        going = due(repository.retention_candidates(), now, months)
        limit = cutoff(now, months)
        out.write(
            _(
                "Gallringsregel: {months} månader. Allt som inte har ändrats sedan {date} tas bort."
            ).format(months=months, date=display_date(limit.date()))
            + "\n"
        )
        if not going:
            out.write(_("Ingen person har nått gallringsgränsen. Inget tas bort.") + "\n")
            return EXIT_OK
        for candidate in going:
            out.write(_line(candidate) + "\n")
        count = len(going)
        if args.dry_run:
            out.write(
                ngettext(
                    "{count} person skulle tas bort. Inget har ändrats (--dry-run).",
                    "{count} personer skulle tas bort. Inget har ändrats (--dry-run).",
                    count,
                ).format(count=count)
                + "\n"
            )
            return EXIT_OK
        if not args.confirmed:
            answer = ask(
                ngettext(
                    "Skriv {word} för att ta bort allt om {count} person för alltid: ",
                    "Skriv {word} för att ta bort allt om {count} personer för alltid: ",
                    count,
                ).format(word=CONFIRM_WORD, count=count)
            )
            if answer.strip() != CONFIRM_WORD:
                out.write(_("Avbrutet. Inget har tagits bort.") + "\n")
                return EXIT_OK
        erased = repository.erase_participants(
            [candidate.participant_id for candidate in going],
            actor=actor_name(args),
            at=now,
            retention={"retention_months": months, "cutoff": limit.date().isoformat()},
        )
    out.write(
        ngettext(
            "{count} person är borttagen för alltid. Gallringen står i granskningsloggen.",
            "{count} personer är borttagna för alltid. Gallringen står i granskningsloggen.",
            erased,
        ).format(count=erased)
        + "\n"
    )
    return EXIT_OK


def _line(candidate: Candidate) -> str:
    number = IdentityNumber(candidate.personnummer).masked() if candidate.personnummer else "–"
    return _(
        "  {id}  {name}  {number}  senast {date}  {kartlaggningar} kartläggningar, {signed} underskrivna"
    ).format(
        id=candidate.participant_id[:SHORT_ID],
        name=" ".join(candidate.name.split()),
        number=number,
        date=display_date(candidate.last_activity.date()),
        kartlaggningar=candidate.kartlaggningar,
        signed=candidate.signed,
    )
