"""Creating participants from what the caseworker types, with Swedish messages for mistakes."""

from __future__ import annotations

from interview.clock import Clock
from interview.errors import UserError
from interview.i18n import _
from interview.personnummer import PersonnummerError, parse
from interview.records import Participant
from interview.text import clean_input

MAX_NAME_CHARS = 200


class ParticipantError(UserError, ValueError):
    """What was typed cannot make a participant; ``str(error)`` says why in Swedish.

    ``field`` names what to fix (``name``, ``number`` or ``reason``), so a form can show the message
    there.
    """

    def __init__(self, message: str, field: str = "") -> None:
        """Carry the Swedish message and the field it concerns."""
        super().__init__(message)
        self.field = field


def new_participant(
    name: str,
    number: str | None,
    clock: Clock,
    created_by: str,
    no_number_reason: str | None = None,
) -> Participant:
    """Return a validated participant.

    ``number`` is a personnummer or samordningsnummer; without one, ``no_number_reason`` must say why
    (and what else identifies the person).
    """
    cleaned_name = " ".join(clean_input(name).split())
    if not cleaned_name:
        raise ParticipantError(_("Skriv deltagarens namn."), "name")
    if len(cleaned_name) > MAX_NAME_CHARS:
        raise ParticipantError(_("Namnet är för långt."), "name")
    now = clock()
    digits: str | None = None
    reason: str | None = None
    if number and number.strip():
        try:
            digits = parse(number, now.date()).digits
        except PersonnummerError as error:
            raise ParticipantError(str(error), "number") from None
    else:
        reason = " ".join(clean_input(no_number_reason or "").split())
        if not reason:
            raise ParticipantError(
                _("Skriv personnummer eller samordningsnummer, eller skriv varför det saknas."),
                "reason",
            )
    return Participant(
        name=cleaned_name,
        personnummer=digits,
        no_number_reason=reason,
        created_at=now,
        created_by=created_by,
    )
