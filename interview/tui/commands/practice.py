"""Commands of the språkcafé: the practice cards, the projector view and the language picker."""

from __future__ import annotations

from interview.i18n import N_
from interview.tui.commands.contexts import PRACTICE, PROJECTOR
from interview.tui.commands.model import Command

PRACTICE_COMMANDS = (
    Command(
        "translation",
        N_("Visa eller dölj översättningen"),
        {PRACTICE: "f2", PROJECTOR: "f2"},
        label=N_("Översätt"),
        footer=True,
    ),
    Command(
        "read",
        N_("Läs upp"),
        {PRACTICE: "f3", PROJECTOR: "f3"},
        help=N_("Läs upp texten på svenska"),
        footer=True,
    ),
    Command(
        "read_slow",
        N_("Läs upp långsamt"),
        {PRACTICE: "f4", PROJECTOR: "f4"},
        label=N_("Läs långsamt"),
    ),
    Command(
        "projector",
        N_("Projektor"),
        {PRACTICE: "f5"},
        help=N_("Stor text för en grupp"),
        footer=True,
    ),
    Command(
        "practice_language",
        N_("Språk för översättningen"),
        {PRACTICE: "f6"},
        action="language",
        label=N_("Språk"),
        footer=True,
    ),
    Command(
        "previous_card",
        N_("Förra kortet"),
        {PRACTICE: "f7,left", PROJECTOR: "left,f7"},
        action="previous",
        label=N_("Förra"),
    ),
    Command(
        "next_card",
        N_("Nästa kort"),
        {PRACTICE: "f8,right", PROJECTOR: "right,f8"},
        action="next",
        label=N_("Nästa"),
    ),
    Command(
        "end_practice",
        N_("Avsluta övningen"),
        {PRACTICE: "f10"},
        help=N_("Inget sparas"),
        action="close",
        label=N_("Avsluta"),
        footer=True,
    ),
    Command(
        "previous_heading",
        N_("Förra området"),
        {PRACTICE: "pageup"},
        priority=True,
    ),
    Command(
        "next_heading",
        N_("Nästa område"),
        {PRACTICE: "pagedown"},
        priority=True,
    ),
    Command("try_answer", N_("Svara i rutan"), {PRACTICE: "enter"}),
    Command("tab_questions", N_("Frågor"), {PRACTICE: "1"}, action="tab('questions')"),
    Command("tab_starters", N_("Börja svaret"), {PRACTICE: "2"}, action="tab('starters')"),
    Command("tab_words", N_("Ord"), {PRACTICE: "3"}, action="tab('words')"),
    Command("tab_interview", N_("Jobbintervju"), {PRACTICE: "4"}, action="tab('interview')"),
    Command("tab_timer", N_("Prata två och två"), {PRACTICE: "5"}, action="tab('timer')"),
    Command(
        "timer",
        N_("Starta eller pausa tiduret"),
        {PRACTICE: "space", PROJECTOR: "space"},
        actions={PRACTICE: "timer_toggle"},
        label=N_("Tidur"),
    ),
    Command("timer_reset", N_("Börja om tiduret"), {PRACTICE: "r"}),
    Command("timer_more", N_("Fler minuter"), {PRACTICE: "plus,equals_sign"}, action="timer_minutes(1)"),
    Command("timer_less", N_("Färre minuter"), {PRACTICE: "minus"}, action="timer_minutes(-1)"),
    Command("leave_box", N_("Lämna rutan"), {PRACTICE: "escape"}),
)
"""The språkcafé (nothing here is saved)."""
