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

from interview.cli.common import (
    EXIT_OK,
    Subcommands,
    actor_name,
    add_actor_flag,
    add_demo_flag,
    existing_database,
    unit_passphrase,
)
from interview.cli.context import CliContext
from interview.cli.export_person import find_person
from interview.i18n import N_, _
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


def register(commands: Subcommands) -> None:
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
    command.set_defaults(run=run_erase)


def run_erase(context: CliContext, args: argparse.Namespace) -> int:
    """Run ``kartlagg radera`` and return the exit code."""
    output = context.output
    database = existing_database(context, demo=args.demo)
    key = unit_passphrase(context, demo=args.demo)
    with Repository.open(database, key=key) as repository:
        person = find_person(repository, args.person, context.today())
        [candidate] = [c for c in repository.retention_candidates() if c.participant_id == person.id]
        output.line(_describe(candidate))
        output.line(_("Skäl: {reason}.").format(reason=_(REASONS[args.reason])))
        if candidate.signed:
            output.line(
                _(
                    "Obs! Underskrivna sammanställningar är allmänna handlingar. Kontrollera med "
                    "den som ansvarar för arkivet att de får tas bort."
                )
            )
        expected = person.personnummer[-4:] if person.personnummer else CONFIRM_WORD
        if not args.confirmed:
            prompt = (
                _("Skriv personnummrets fyra sista siffror för att ta bort allt om personen: ")
                if person.personnummer
                else _("Skriv {word} för att ta bort allt om personen: ").format(word=CONFIRM_WORD)
            )
            if context.prompt.line(prompt).strip() != expected:
                output.line(_("Avbrutet. Inget har tagits bort."))
                return EXIT_OK
        repository.erase_participants(
            [person.id], actor=actor_name(args), at=context.now(), reason=args.reason
        )
    output.line(_("Allt om personen är borttaget. Borttagningen står i granskningsloggen."))
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
