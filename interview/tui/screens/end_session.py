"""Ending a session: what was covered today, what is left, and when to meet next.

Each area is listed once: under today's areas when the session touched it (✓ when it is done, ◐ when
it goes on next time), otherwise under what is left if it is not done. The next meeting starts empty
and may not be before today (the app's clock decides what today is).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from interview.dates import DateError, parse_date
from interview.engine import Interview
from interview.i18n import _
from interview.tui.commands import bindings
from interview.tui.commands.contexts import END_SESSION
from interview.tui.screens.base import FormModal
from interview.tui.widgets.form import ErrorLine, FieldLabel
from interview.tui.widgets.safe_text import SafeInput


@dataclass(frozen=True)
class SessionEnd:
    """What the caseworker wrote when ending."""

    next_meeting: date | None
    note: str | None


def talked_and_left(interview: Interview) -> tuple[list[tuple[str, bool]], list[str]]:
    """Return the areas talked about in the open session (label, done) and the labels of those left.

    An area the session touched is listed only there, done or not; "left" holds the areas that are
    not done and were not talked about today. Both in the bank's order, in the session's register.
    """
    session = interview.session
    register = interview.register
    today = {
        exchange.area_id
        for exchange in interview.exchanges
        if session is not None and exchange.session_id == session.id
    }
    talked: list[tuple[str, bool]] = []
    left: list[str] = []
    for area, cover in zip(interview.bank.areas, interview.coverage(), strict=True):
        if area.id in today:
            talked.append((area.label_in(register), cover.complete))
        elif not cover.complete:
            left.append(area.label_in(register))
    return talked, left


class EndSessionScreen(FormModal[SessionEnd]):
    """Summary of today and the next meeting."""

    HELP = _(
        "Här ser ni vad ni har pratat om i dag och vad som är kvar. Skriv datum för nästa träff "
        "(ÅÅÅÅ-MM-DD) och gärna en kort anteckning. Ctrl+S avslutar samtalet, Esc går tillbaka."
    )
    AUTO_FOCUS = "#next-meeting"
    LAST_FIELD = "note"
    CONTEXT = END_SESSION
    BINDINGS = bindings(END_SESSION)

    def __init__(self, interview: Interview) -> None:
        """End the open session of ``interview``."""
        super().__init__()
        self.interview = interview

    def _summary(self) -> Text:
        talked, left = talked_and_left(self.interview)
        everything_done = all(cover.complete for cover in self.interview.coverage())
        text = Text()
        text.append(_("I dag har ni pratat om:") + "\n", style="bold")
        lines = [
            f"  ✓ {label}" if done else f"  ◐ {label} – " + _("fortsätter nästa gång")
            for label, done in talked
        ]
        text.append(("\n".join(lines) or "  " + _("inget ännu")) + "\n\n")
        text.append(_("Kvar att prata om:") + "\n", style="bold")
        nothing_left = _("inget, alla områden är klara") if everything_done else _("inga andra områden")
        text.append("\n".join(f"  ○ {label}" for label in left) or "  " + nothing_left)
        return text

    def compose(self) -> ComposeResult:
        """Summary and the fields."""
        with VerticalScroll(classes="dialog"):
            yield Static(_("Avsluta samtalet"), classes="dialog-title", markup=False)
            yield Static(self._summary(), markup=False, id="end-summary")
            yield FieldLabel(_("Nästa träff (ÅÅÅÅ-MM-DD)"))
            yield SafeInput(id="next-meeting", max_length=10, placeholder=_("ÅÅÅÅ-MM-DD"))
            yield FieldLabel(_("Anteckning till nästa gång (valfritt)"))
            yield SafeInput(id="note", max_length=1000)
            yield ErrorLine()
            with Horizontal(classes="buttons"):
                yield Button(_("Avsluta samtalet"), id="end", variant="primary")
                yield Button(_("Tillbaka"), id="cancel")

    def action_confirm(self) -> None:
        """Check the date and end."""
        try:
            next_meeting = parse_date(self.query_one("#next-meeting", Input).value)
        except DateError as error:
            self.field_error("next-meeting", str(error))
            return
        if next_meeting is not None and next_meeting < self.backend.today():
            self.field_error("next-meeting", _("Nästa träff kan inte vara före i dag."))
            return
        note = self.query_one("#note", Input).value.strip() or None
        self.dismiss(SessionEnd(next_meeting=next_meeting, note=note))
