"""Commands of the sammanställning: review, read back with the participant, sign and export."""

from __future__ import annotations

from interview.i18n import N_
from interview.tui.commands.contexts import EXPORT, READ_BACK, REVIEW, SIGN
from interview.tui.commands.model import Command

DOCUMENT_COMMANDS = (
    Command(
        "assessment",
        N_("Skriv eller ändra bedömningen"),
        {REVIEW: "f2"},
        help=N_("Handläggarens bedömning i sammanställningen"),
        action="edit",
        label=N_("Bedömning"),
        footer=True,
    ),
    Command(
        "mark_reviewed",
        N_("Markera som granskad"),
        {REVIEW: "f3"},
        label=N_("Granskad"),
        footer=True,
    ),
    Command(
        "read_back",
        N_("Läs igenom med deltagaren"),
        {REVIEW: "f4"},
        label=N_("Läs igenom"),
        footer=True,
    ),
    Command(
        "sign",
        N_("Skriv under"),
        {REVIEW: "f5"},
        help=N_("Deltagaren och handläggaren skriver under versionen"),
        footer=True,
    ),
    Command(
        "export",
        N_("Exportera"),
        {REVIEW: "f6"},
        help=N_("Skriv versionen till en fil: PDF, Word, HTML eller Markdown"),
        footer=True,
    ),
    Command(
        "new_version",
        N_("Starta en ny version"),
        {REVIEW: "ctrl+n"},
        help=N_("Efter en underskrift: en ny version som utkast (du får frågan först)"),
        label=N_("Ny version"),
        footer=True,
    ),
    Command(
        "versions",
        N_("Tidigare versioner"),
        {REVIEW: "f8"},
        label=N_("Versioner"),
        footer=True,
        footer_wide=True,
    ),
    Command("next_part", N_("Nästa del"), {READ_BACK: "pagedown,right"}, action="next", footer=True),
    Command(
        "previous_part",
        N_("Förra delen"),
        {READ_BACK: "pageup,left"},
        action="previous",
        footer=True,
    ),
    Command("first_part", N_("Första delen"), {READ_BACK: "home"}, action="first"),
    Command(
        "last_part",
        N_("Till synpunkterna"),
        {READ_BACK: "end"},
        action="last",
        label=N_("Synpunkter"),
        footer=True,
    ),
    Command("scroll_down", N_("Texten nedåt"), {READ_BACK: "down"}, action="scroll(1)", palette=False),
    Command("scroll_up", N_("Texten uppåt"), {READ_BACK: "up"}, action="scroll(-1)", palette=False),
    Command(
        "finish_read_back",
        N_("Klar – genomläst"),
        {READ_BACK: "f10"},
        help=N_("Texten är genomläst med deltagaren"),
        action="finish",
        footer=True,
    ),
    Command(
        "sign_confirm",
        N_("Skriv under nu"),
        {SIGN: "ctrl+s"},
        action="confirm",
        label=N_("Skriv under"),
        footer=True,
    ),
    Command(
        "export_confirm",
        N_("Exportera nu"),
        {EXPORT: "ctrl+s"},
        action="confirm",
        label=N_("Exportera"),
        footer=True,
    ),
)
"""The sammanställning and what is done with it."""
