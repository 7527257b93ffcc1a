"""``kartlagg gallra``: remove for good everything about the people the retention rule has reached.

``--dry-run`` lists who would go and changes nothing. The real run lists them too, asks the user to
type ``GALLRA`` (or takes ``--ja``), deletes every row about them in one transaction, rewrites the
file (secure delete, vacuum, an emptied write-ahead log) and leaves audit entries with ids and counts
only. It needs the database to itself: the app must be closed.
"""

from __future__ import annotations

import argparse

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
from interview.formatting import display_date
from interview.i18n import _, ngettext
from interview.personnummer import IdentityNumber
from interview.retention import Candidate, cutoff, due
from storage import Repository

CONFIRM_WORD = "GALLRA"
SHORT_ID = 8


def register(commands: Subcommands) -> None:
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
    command.set_defaults(run=run_retention)


def run_retention(context: CliContext, args: argparse.Namespace) -> int:
    """Run ``kartlagg gallra`` and return the exit code."""
    output = context.output
    months = context.settings.retention_months
    if months is None:
        raise Refused(
            _(
                "ingen gallringsregel är inställd. Skriv till exempel retention_months = 24 i {path}"
                " (antal månader efter det senaste som sparades om personen)."
            ).format(path=context.locations.config_file)
        )
    database = existing_database(context, demo=args.demo)
    key = unit_passphrase(context, demo=args.demo)
    now = context.now()
    with Repository.open(database, key=key, read_only=args.dry_run) as repository:
        going = due(repository.retention_candidates(), now, months)
        limit = cutoff(now, months)
        output.line(
            _(
                "Gallringsregel: {months} månader. Allt som inte har ändrats sedan {date} tas bort."
            ).format(months=months, date=display_date(limit.date()))
        )
        if not going:
            output.line(_("Ingen person har nått gallringsgränsen. Inget tas bort."))
            return EXIT_OK
        for candidate in going:
            output.line(_line(candidate))
        count = len(going)
        if args.dry_run:
            output.line(
                ngettext(
                    "{count} person skulle tas bort. Inget har ändrats (--dry-run).",
                    "{count} personer skulle tas bort. Inget har ändrats (--dry-run).",
                    count,
                ).format(count=count)
            )
            return EXIT_OK
        if not args.confirmed:
            answer = context.prompt.line(
                ngettext(
                    "Skriv {word} för att ta bort allt om {count} person för alltid: ",
                    "Skriv {word} för att ta bort allt om {count} personer för alltid: ",
                    count,
                ).format(word=CONFIRM_WORD, count=count)
            )
            if answer.strip() != CONFIRM_WORD:
                output.line(_("Avbrutet. Inget har tagits bort."))
                return EXIT_OK
        erased = repository.erase_participants(
            [candidate.participant_id for candidate in going],
            actor=actor_name(args),
            at=now,
            retention={"retention_months": months, "cutoff": limit.date().isoformat()},
        )
    output.line(
        ngettext(
            "{count} person är borttagen för alltid. Gallringen står i granskningsloggen.",
            "{count} personer är borttagna för alltid. Gallringen står i granskningsloggen.",
            erased,
        ).format(count=erased)
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
