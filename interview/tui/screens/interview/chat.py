"""The interview's chat: the history, today's opening notes, the question to ask now, and trimming.

Only the latest :data:`HISTORY_SHOWN` exchanges are drawn when the interview opens, and at most
:data:`MAX_BUBBLES` messages stay drawn as the conversation grows; "v" in the chat draws everything.
"""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from interview.engine import Interview
from interview.errors import UserError
from interview.i18n import _
from interview.records import Exchange
from interview.tui.commands import bindings
from interview.tui.commands.contexts import CHAT
from interview.tui.labels import clock_time, day
from interview.tui.summary import recap_text
from interview.tui.widgets.chat import AnswerBubble, ChatLog, NoteBubble, QuestionBubble

HISTORY_SHOWN = 40
"""Exchanges drawn when the interview opens; older ones are drawn on request ("v" in the chat)."""
MAX_BUBBLES = 100
"""The most messages the chat keeps drawn; the oldest are let go as new ones come ("v" shows all).

Every message is a widget, and each new answer lays out all of them again: with hundreds the saved
mark comes late. Everything stays saved; only the drawing is limited."""


class InterviewChat(ChatLog):
    """The chat of the interview, where single keys tag, edit and choose follow-ups."""

    BINDINGS = bindings(CHAT, leave_out=("select_previous", "select_next"))

    def __init__(self, interview: Interview, *, resumed: bool, id: str | None = None) -> None:
        """Show the conversation of ``interview``; ``resumed`` when an interrupted session goes on."""
        super().__init__(id=id)
        self.interview = interview
        self.resumed = resumed
        self.pending: QuestionBubble | NoteBubble | None = None
        """The question to ask now (or the note that there is none), at the end of the chat."""
        self._last_area: str | None = None
        self._last_session: str | None = None
        self._hidden_note: NoteBubble | None = None
        self._show_everything = False

    @property
    def hides_some(self) -> bool:
        """True while earlier messages are left undrawn."""
        return self._hidden_note is not None

    def selected_exchange(self) -> Exchange | None:
        """Return the selected answer's exchange (None: none selected, or it is gone)."""
        selected = self.selected_id
        if selected is None:
            return None
        try:
            return self.interview.exchange(selected)
        except UserError:
            return None

    def show_history(self) -> None:
        """Draw the latest exchanges and today's opening notes."""
        bubbles = self._history()
        bubbles += self._opening_notes()
        self.mount_all(bubbles)
        for bubble in bubbles:
            if isinstance(bubble, AnswerBubble):
                self.register_answer(bubble)

    def draw_everything(self) -> None:
        """Draw the whole conversation again, also what was left out, and stop trimming."""
        self._show_everything = True
        self._last_session = self._last_area = None
        self.pending = None
        self.remove_children()
        self.forget_all()
        bubbles = self._exchange_bubbles(self.interview.exchanges)
        self.mount_all(bubbles)
        for bubble in bubbles:
            if isinstance(bubble, AnswerBubble):
                self.register_answer(bubble)
        self._hidden_note = None

    def show_current(self) -> None:
        """Put the question to ask now at the end of the chat."""
        if self.pending is not None:
            self.pending.remove()
            self.pending = None
        new: list[Static] = self._headings(self._last_session, self.interview.current_area.id)
        current = self.interview.current
        if current is None:
            pending: QuestionBubble | NoteBubble = NoteBubble(
                _(
                    "Alla frågor i det här området är ställda. Välj en följdfråga (F5), "
                    "gå till nästa område (F7) eller välj ett annat (F8)."
                )
            )
        else:
            pending = QuestionBubble(
                current.text,
                current.source,
                current.area.label_in(self.interview.register),
                current=True,
            )
        new.append(pending)
        self.pending = pending
        self.mount_all(new)
        self.scroll_end(animate=False)

    def trim(self) -> None:
        """Let go of the oldest drawn messages beyond :data:`MAX_BUBBLES`."""
        if self._show_everything:
            return
        children = list(self.children)
        excess = len(children) - MAX_BUBBLES
        if excess <= 0:
            return
        start = 1 if children[0] is self._hidden_note else 0
        doomed = children[start : start + excess]
        for widget in doomed:
            if isinstance(widget, AnswerBubble):
                self.forget_answer(widget.exchange_id)
        self.remove_children(doomed)
        if self._hidden_note is None or self._hidden_note not in children:
            self.mount(self._new_hidden_note(), before=0)

    def _history(self) -> list[Static]:
        exchanges = self.interview.exchanges
        hidden = len(exchanges) - HISTORY_SHOWN if len(exchanges) > HISTORY_SHOWN else 0
        bubbles: list[Static] = []
        if hidden:
            bubbles.append(self._new_hidden_note())
        bubbles += self._exchange_bubbles(exchanges[hidden:])
        return bubbles

    def _new_hidden_note(self) -> NoteBubble:
        self._hidden_note = NoteBubble(
            _(
                "Tidigare frågor och svar visas inte här (de är sparade). Tryck v i chatten "
                "(eller välj Visa hela samtalet med Ctrl+P) för att visa dem."
            )
        )
        return self._hidden_note

    def _exchange_bubbles(self, exchanges: tuple[Exchange, ...]) -> list[Static]:
        bubbles: list[Static] = []
        for exchange in exchanges:
            bubbles += self._headings(exchange.session_id, exchange.area_id)
            question = QuestionBubble(
                exchange.question_text, exchange.source, self._area_label(exchange.area_id)
            )
            question.skipped = exchange.skipped
            if exchange.skipped:
                question.add_class("skipped")
                question.update(question._content(current=False))
            bubbles.append(question)
            if not exchange.skipped:
                bubbles.append(AnswerBubble(exchange))
        return bubbles

    def _headings(self, session_id: str | None, area_id: str) -> list[Static]:
        notes: list[Static] = []
        if session_id is not None and session_id != self._last_session:
            self._last_session = session_id
            self._last_area = None
            for session in self.interview.sessions:
                if session.id == session_id:
                    line = _("Samtal {number} · {date} · {who}").format(
                        number=session.number, date=day(session.started_at), who=session.caseworker
                    )
                    if session.tolk:
                        line += " · " + _("med tolk")
                    notes.append(NoteBubble(line, heading=True))
        if area_id != self._last_area:
            self._last_area = area_id
            area = self.interview.bank.area(area_id)
            register = self.interview.register
            notes.append(NoteBubble(f"{area.label_in(register)}  ({area.title})", heading=True))
        return notes

    def _opening_notes(self) -> list[Static]:
        session = self.interview.session
        notes: list[Static] = []
        if session is None:
            return notes
        notes += self._headings(session.id, self.interview.current_area.id)
        if self.resumed:
            notes.append(NoteBubble(_("Samtalet fortsätter där det slutade.")))
            return notes
        if len(self.interview.sessions) > 1:
            recap = recap_text(self.interview)
            if recap:
                notes.append(NoteBubble(recap))
        ends = session.started_at.timestamp() + session.time_frame_minutes * 60
        end_time = clock_time(datetime.fromtimestamp(ends).astimezone())
        notes.append(
            NoteBubble(
                _(
                    "Börja med lite varmprat: fråga hur dagen har varit.\n"
                    "Berätta om tiden: i dag har vi {minutes} minuter, till klockan {end}."
                ).format(minutes=session.time_frame_minutes, end=end_time)
            )
        )
        return notes

    def _area_label(self, area_id: str) -> str:
        return self.interview.bank.area(area_id).label_in(self.interview.register)
