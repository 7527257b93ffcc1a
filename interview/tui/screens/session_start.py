"""Before a session: who is present, the participant's reading register and today's time frame."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, RadioSet, Select, Static

from interview.banks.models import Register
from interview.engine import Interview
from interview.i18n import _
from interview.languages import language
from interview.records import TolkRecord
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import SESSION_START
from interview.tui.screens.base import FormModal
from interview.tui.summary import recap_text
from interview.tui.widgets.checkbox import MarkedCheckbox
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.radio import MarkedRadioButton
from interview.tui.widgets.safe_text import SafeInput


@dataclass(frozen=True)
class SessionPlan:
    """What the caseworker chose for today's session."""

    caseworker: str
    tolk: bool
    register: Register
    minutes: int
    language: str | None = None
    """The participant's reading language shown beside the Swedish (None: Swedish only)."""
    tolk_record: TolkRecord | None = None


class SessionStartScreen(FormModal[SessionPlan]):
    """Who is here, in which register, for how long."""

    HELP = _(
        "Skriv ditt namn, välj om en tolk är med och om frågorna ska visas på standardsvenska eller "
        "lättläst svenska, och om de också ska visas på deltagarens språk. Ett samtal är högst en "
        "timme. Ctrl+S startar samtalet, Esc avbryter."
    )
    AUTO_FOCUS = "#caseworker"
    LAST_FIELD = "minutes"
    CONTEXT = SESSION_START
    BINDINGS = bindings(SESSION_START)

    def __init__(self, interview: Interview | None) -> None:
        """Offer the last session's choices again when there was one."""
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        """Lay out the fields, with a recap of last time if there is one."""
        last = self.interview.sessions[-1] if self.interview and self.interview.sessions else None
        number = len(self.interview.sessions) + 1 if self.interview else 1
        with VerticalScroll(classes="dialog"):
            yield Static(
                _("Samtal {number}").format(number=number), classes="dialog-title", markup=False
            )
            recap = recap_text(self.interview) if self.interview else None
            if recap:
                yield Static(for_display(recap), classes="recap", markup=False)
            yield FieldLabel(_("Handläggare"))
            caseworker = self.kartlagg.caseworker or (last.caseworker if last else "")
            yield SafeInput(caseworker, id="caseworker", max_length=200)
            yield MarkedCheckbox(_("Tolk är med"), last.tolk if last else False, id="tolk")
            yield FieldLabel(_("Frågorna visas på"))
            lattlast = last is not None and last.reading_register is Register.LATTLAST
            with RadioSet(id="register"):
                yield MarkedRadioButton(_("Standardsvenska"), not lattlast, id="standard")
                yield MarkedRadioButton(_("Lättläst svenska"), lattlast, id="lattlast")
            yield FieldLabel(_("Också på deltagarens språk"))
            bank = self.interview.bank if self.interview else self.backend.bank
            languages = [(_("nej, bara svenska"), "sv")] + [
                (f"{language(tag).name} ({tag})", tag) for tag in self.backend.reading_languages(bank)
            ]
            chosen = last.language if last and last.language else "sv"
            yield Select(
                languages,
                value=chosen if chosen in {tag for _name, tag in languages} else "sv",
                allow_blank=False,
                id="reading-language",
            )
            yield FieldLabel(_("Tid i dag (minuter, högst 60)"))
            minutes = str(last.time_frame_minutes) if last else "60"
            yield SafeInput(minutes, id="minutes", type="integer", max_length=2)
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Starta samtalet"), id="start", variant="primary")
                yield Button(_("Avbryt"), id="cancel")

    def action_confirm(self) -> None:
        """Check the fields and start."""
        caseworker = self.query_one("#caseworker", Input).value.strip()
        if not caseworker:
            self.field_error("caseworker", _("Skriv handläggarens namn."))
            return
        text = self.query_one("#minutes", Input).value.strip()
        if not text.isascii() or not text.isdigit() or not 5 <= int(text) <= 60:
            self.field_error("minutes", _("Skriv hur många minuter ni har i dag: mellan 5 och 60."))
            return
        pressed = self.query_one(RadioSet).pressed_button
        register = Register.LATTLAST if pressed and pressed.id == "lattlast" else Register.STANDARD
        chosen = self.query_one("#reading-language", Select).value
        self.dismiss(
            SessionPlan(
                caseworker=caseworker,
                tolk=self.query_one("#tolk", Checkbox).value,
                register=register,
                minutes=int(text),
                language=chosen if isinstance(chosen, str) and chosen != "sv" else None,
            )
        )
