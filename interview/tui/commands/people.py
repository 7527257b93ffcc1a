"""Commands of the participant list, a participant's overview, the medgivande and the documents."""

from __future__ import annotations

from interview.i18n import N_
from interview.tui.commands.contexts import CONSENT, DRAFTS, OVERVIEW, PARTICIPANTS
from interview.tui.commands.model import Command

PEOPLE = (
    Command(
        "add_participant",
        N_("Ny deltagare"),
        {PARTICIPANTS: "ctrl+n"},
        help=N_("Lägg till en deltagare"),
        action="add",
        footer=True,
    ),
    Command(
        "search",
        N_("Sök"),
        {PARTICIPANTS: "ctrl+f"},
        help=N_("Sök på namn eller personnummer"),
    ),
    Command(
        "documents",
        N_("Dokument"),
        {PARTICIPANTS: "f7"},
        help=N_("Sammanställningarna: granska, läs igenom och skriv under"),
        action="drafts",
        footer=True,
    ),
    Command(
        "practice",
        N_("Språkcafé"),
        {PARTICIPANTS: "f9"},
        help=N_("Öva svenska: inget sparas, ingen deltagare"),
        footer=True,
    ),
    Command(
        "to_list",
        N_("Till listan"),
        {PARTICIPANTS: "down"},
        palette=False,
    ),
    Command(
        "continue",
        N_("Starta eller fortsätt samtalet"),
        {OVERVIEW: "enter"},
        help=N_("Ett nytt samtal, eller det som avbröts"),
        label=N_("Starta/fortsätt"),
        footer=True,
        priority=True,
    ),
    Command(
        "summary",
        N_("Sammanställning"),
        {OVERVIEW: "f7"},
        help=N_("Granska, läs igenom och skriv under den senaste kartläggningen"),
        action="review",
        footer=True,
    ),
    Command(
        "consent",
        N_("Medgivande"),
        {OVERVIEW: "m"},
        help=N_("Visa, registrera eller återkalla medgivandet om informationsutbyte"),
    ),
    Command(
        "privacy_notice",
        N_("Information om personuppgifter"),
        {OVERVIEW: "i"},
        help=N_("Vad kartlagg sparar om deltagaren och varför"),
    ),
    Command(
        "reveal",
        N_("Visa personnummer"),
        {OVERVIEW: "p"},
        help=N_("Visa hela personnumret, eller dölj det igen"),
    ),
    Command(
        "new_consent",
        N_("Nytt medgivande"),
        {CONSENT: "n"},
        help=N_("Registrera ett medgivande om informationsutbyte"),
        action="new",
        footer=True,
    ),
    Command(
        "withdraw_consent",
        N_("Återkalla medgivandet"),
        {CONSENT: "a"},
        help=N_("Deltagaren återkallar sitt medgivande"),
        action="withdraw",
        label=N_("Återkalla"),
        footer=True,
    ),
    Command("filter_all", N_("Visa alla"), {DRAFTS: "1"}, action="show(0)"),
    Command("filter_drafts", N_("Visa utkast"), {DRAFTS: "2"}, action="show(1)"),
    Command("filter_reviewed", N_("Visa granskade"), {DRAFTS: "3"}, action="show(2)"),
    Command("filter_read_back", N_("Visa genomlästa"), {DRAFTS: "4"}, action="show(3)"),
    Command("filter_signed", N_("Visa undertecknade"), {DRAFTS: "5"}, action="show(4)"),
)
"""From the list of participants to one participant's papers."""
