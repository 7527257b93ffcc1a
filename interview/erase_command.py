"""``kartlagg radera``: remove one person for good now, when they should never have been recorded.

For a person added by mistake or twice, or when a decision says their data must go. It is not the
normal way records end: that is gallring under the archive rules (``kartlagg gallra``). The command
shows what would go, warns that signed sammanställningar are official records, asks the user to type
the last four digits of the personnummer (or ``RADERA`` for a person without one) unless ``--ja``, and
then removes everything about the person like gallring does (secure delete, vacuum, an emptied WAL),
leaving one audit entry with the reason and counts only. The app must be closed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TextIO

from interview.commands import (
    EXIT_FAILED,
    EXIT_OK,
    actor_name,
    add_actor_flag,
    add_demo_flag,
    existing_database,
    typed_line,
    unit_passphrase,
)
from interview.errors import UserError
from interview.i18n import N_, _
from interview.paths import Locations
from interview.person_command import find_person
from interview.personnummer import IdentityNumber
from interview.retention import Candidate
from storage import Repository

CONFIRM_WORD = "RADERA"
SHORT_ID = 8
REASONS = {
    "misstag": N_("personen lades till av misstag"),
    "dubblett": N_("personen finns två gånger"),
    "beslut": N_("ett beslut säger att uppgifterna ska tas bort"),
}
"""The reasons that may be given (stored in the audit log as the key, never free text)."""


def add_erase_parser(commands: Any) -> None:
    """Add ``radera`` to the sub-commands."""
    command = commands.add_parser(
        "radera",
        help=_("ta bort allt om en person nu (tillagd av misstag, dubblett eller beslut)"),
        description=_(
            "Ta bort allt om en person för alltid, nu. Bara för en person som lades till av\n"
            "misstag eller två gånger, eller när ett beslut säger att uppgifterna ska bort.\n"
            "Annars gäller gallring enligt arkivreglerna (kartlagg gallra). Stäng kartlagg först."
        ),
    )
    command.add_argument("person", metavar=_("PERSON"), help=_("personnummer eller början av id:t"))
    command.add_argument(
        "--skal",
        dest="reason",
        required=True,
        choices=sorted(REASONS),
        help=_("varför: misstag, dubblett eller beslut"),
    )
    command.add_argument(
        "--ja",
        dest="confirmed",
        action="store_true",
        help=_("fråga inte: ta bort utan att bekräfta"),
    )
    add_demo_flag(command)
    add_actor_flag(command)


def run_erase(
    locations: Locations,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    ask: Callable[[str], str] | None = None,
) -> int:
    """Run ``kartlagg radera`` and return the exit code."""
    try:
        return _run(locations, args, out, ask or typed_line)
    except UserError as error:
        err.write(_("kartlagg radera: {message}").format(message=error) + "\n")
        return EXIT_FAILED


def _run(locations: Locations, args: argparse.Namespace, out: TextIO, ask: Callable[[str], str]) -> int:
    database = existing_database(locations, demo=args.demo)
    key = unit_passphrase(demo=args.demo)
    with Repository.open(database, key=key) as repository:
        person = find_person(repository, args.person)
        [candidate] = [c for c in repository.retention_candidates() if c.participant_id == person.id]
        out.write(_describe(candidate) + "\n")
        out.write(_("Skäl: {reason}.").format(reason=_(REASONS[args.reason])) + "\n")
        if candidate.signed:
            out.write(
                _(
                    "Obs! Underskrivna sammanställningar är allmänna handlingar. Kontrollera med "
                    "den som ansvarar för arkivet att de får tas bort."
                )
                + "\n"
            )
        expected = person.personnummer[-4:] if person.personnummer else CONFIRM_WORD
        if not args.confirmed:
            prompt = (
                _("Skriv personnummrets fyra sista siffror för att ta bort allt om personen: ")
                if person.personnummer
                else _("Skriv {word} för att ta bort allt om personen: ").format(word=CONFIRM_WORD)
            )
            if ask(prompt).strip() != expected:
                out.write(_("Avbrutet. Inget har tagits bort.") + "\n")
                return EXIT_OK
        repository.erase_participants(
            [person.id], actor=actor_name(args), at=datetime.now(UTC), reason=args.reason
        )
    out.write(_("Allt om personen är borttaget. Borttagningen står i granskningsloggen.") + "\n")
    return EXIT_OK


def _describe(candidate: Candidate) -> str:
    number = IdentityNumber(candidate.personnummer).masked() if candidate.personnummer else "–"
    return _("{id}  {name}  {number}  kartläggningar: {kartlaggningar}, underskrivna: {signed}").format(
        id=candidate.participant_id[:SHORT_ID],
        name=" ".join(candidate.name.split()),
        number=number,
        kartlaggningar=candidate.kartlaggningar,
        signed=candidate.signed,
    )
