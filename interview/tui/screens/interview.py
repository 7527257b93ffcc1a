"""The interview: the conversation, the answer box, tags, follow-ups, the areas and the clock.

Every change goes to the engine on the database thread. While an answer is saved the box's caption
says "sparar"; the answer's bubble, with "✓ sparat", is drawn only when the engine returns, which it
does only after the commit. If saving fails the text goes back into the answer box, so nothing typed
is lost.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Static, TextArea

from interview.banks.models import Register
from interview.engine import ClockState, Interview
from interview.errors import UserError
from interview.i18n import _
from interview.languages import language
from interview.records import Exchange, Tag
from interview.tui.labels import (
    TAG_SYMBOLS,
    clock_time,
    day,
    minutes,
    register_words,
)
from interview.tui.screens.base import AppScreen
from interview.tui.summary import recap_text
from interview.tui.widgets.areas import AreaPanel
from interview.tui.widgets.bilingual import BilingualQuestion, ShownQuestion
from interview.tui.widgets.chat import AnswerBubble, ChatLog, NoteBubble, QuestionBubble
from interview.tui.widgets.safe_text import AnswerBox
from interview.tui.widgets.tolk_panel import TolkPanel
from interview.tui.widgets.topbar import TopBar

T = TypeVar("T")
MAX_PROBES_SHOWN = 9
WIDE_BILINGUAL = 110
"""From this width the translation stands beside the Swedish; below it, under the Swedish."""
HISTORY_SHOWN = 40
"""Exchanges drawn when the interview opens; older ones are drawn on request ("v" in the chat)."""
MAX_BUBBLES = 100
"""The most messages the chat keeps drawn; the oldest are let go as new ones come ("v" shows all).

Every message is a widget, and each new answer lays out all of them again: with hundreds the saved
mark comes late. Everything stays saved; only the drawing is limited."""


COMMANDS: dict[str, tuple[str, str]] = {
    "f2": ("tag('hinder')", _("Hinder")),
    "f3": ("tag('resurs')", _("Resurs")),
    "f4": ("tag('fakta')", _("Fakta")),
    "f5": ("follow_up", _("Följdfråga")),
    "f6": ("skip", _("Hoppa över")),
    "f7": ("next_area", _("Nästa område")),
    "f8": ("choose_area", _("Välj område")),
    "f9": ("motivation", _("Motivation")),
    "f12": ("actions", _("Åtgärder")),
    "f10": ("end", _("Avsluta samtal")),
}
"""The interview's command keys: key → (action, footer text)."""
LANGUAGE_COMMANDS: dict[str, tuple[str, str]] = {
    "ctrl+l": ("choose_language", _("Språk")),
    "ctrl+b": ("toggle_bilingual", _("Visa/dölj översättningen")),
    "ctrl+r": ("toggle_register", _("Lättläst/standard")),
    "ctrl+t": ("toggle_tolk_mode", _("Tolkläge")),
}
"""Keys for the participant's language, the register and tolk mode (in the help, not the footer)."""
COMMANDS.update(LANGUAGE_COMMANDS)
COMMAND_KEYS = frozenset(COMMANDS)
SAVE_HINT = _("Ctrl+S sparar")


class AnswerSaved(Message):
    """An answer is committed to disk and shown as saved."""

    def __init__(self, exchange_id: str) -> None:
        """Carry the saved exchange's id."""
        super().__init__()
        self.exchange_id = exchange_id


class InterviewScreen(AppScreen[None]):
    """The conversation of one session."""

    HELP = _(
        "Frågan står i chatten. Skriv deltagarens svar i rutan längst ner och spara med Ctrl+S.\n"
        "Märk det valda svaret: F2 hinder, F3 resurs, F4 fakta (tryck igen för att ta bort).\n"
        "F5 följdfråga (hinder- och resursfrågor eller en egen), F6 hoppa över frågan, "
        "F7 nästa område, F8 välj område, F9 motivationskorset, F12 åtgärder, F10 avsluta samtalet.\n"
        "Esc flyttar mellan svarsrutan och chatten. I chatten: pilarna väljer ett svar, h/r/f märker, "
        "x tar bort märkningen, e ändrar svaret, 1–9 väljer en följdfråga, o egen följdfråga, "
        "s hoppa över, n nästa område, m motivationskorset, a åtgärder, i skriv svar.\n"
        "Ctrl+L väljer deltagarens språk: frågan visas då på svenska och på det språket. Ctrl+B "
        "visar eller döljer översättningen, Ctrl+R växlar mellan standardsvenska och lättläst, "
        "Ctrl+T tolkläge (en fråga i taget, stort, med paus för tolken).\n"
        "Allt sparas direkt. Du kan stänga och fortsätta senare där ni slutade."
    )
    # No priority bindings: in the answer box these keys are taken by the box itself, in the order
    # they were typed (see AnswerBox), and passed on as commands; elsewhere these bindings act.
    BINDINGS = [
        Binding("ctrl+s", "submit", _("Spara svar"), id="submit"),
        *(
            Binding(key, action, description, show=key not in LANGUAGE_COMMANDS)
            for key, (action, description) in COMMANDS.items()
        ),
        Binding("escape", "toggle_focus", _("Chatt/svar"), show=False),
    ]

    def __init__(self, interview: Interview, *, resumed: bool) -> None:
        """Show ``interview``; ``resumed`` when an interrupted session goes on."""
        super().__init__()
        self.interview = interview
        self.resumed = resumed
        self._pending: QuestionBubble | NoteBubble | None = None
        self._last_area: str | None = None
        self._last_session: str | None = None
        self._clock_state: ClockState | None = None
        self._busy = asyncio.Lock()
        self._hidden_note: NoteBubble | None = None
        self._show_everything = False
        self._bilingual = True
        """Whether the translation is shown when the session has a reading language (Ctrl+B)."""

    # ----------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        """Side panel, chat, follow-ups and the answer box."""
        yield TopBar(self._title(), demo=self.kartlagg.demo)
        with Horizontal(id="main"):
            yield AreaPanel(id="areas")
            with Vertical(id="talk"):
                yield TolkPanel(id="tolk-panel")
                yield InterviewChat(id="chat")
                yield BilingualQuestion(id="bilingual", rtl_mode=self.backend.rtl_mode)
                yield Static("", id="probes", markup=False)
                answer = AnswerBox(id="answer", command_keys=COMMAND_KEYS)
                answer.border_title = _("Deltagarens svar")
                answer.border_subtitle = SAVE_HINT
                yield answer
        yield Footer()

    def _title(self) -> str:
        session = self.interview.session
        participant = self.interview.participant.name
        if session is None:
            return participant
        return _("{name} · samtal {number}").format(name=participant, number=session.number)

    def on_mount(self) -> None:
        """Show the history, today's opening notes and the question to ask now."""
        chat = self.query_one(ChatLog)
        bubbles = self._history()
        bubbles += self._opening_notes()
        chat.mount_all(bubbles)
        for bubble in bubbles:
            if isinstance(bubble, AnswerBubble):
                chat.register_answer(bubble)
        self._show_current()
        chat.select(None, scroll=False)
        chat.anchor()  # the question being asked stays in view as the conversation grows
        self._refresh_side()
        self._show_probes()
        self.set_interval(10, self._tick)
        self.query_one("#answer", TextArea).focus()
        gc.freeze()  # the history is long-lived: keep the collector off it while typing

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

    def _trim(self) -> None:
        """Let go of the oldest drawn messages beyond :data:`MAX_BUBBLES`."""
        if self._show_everything:
            return
        chat = self.chat
        children = list(chat.children)
        excess = len(children) - MAX_BUBBLES
        if excess <= 0:
            return
        start = 1 if children[0] is self._hidden_note else 0
        doomed = children[start : start + excess]
        for widget in doomed:
            if isinstance(widget, AnswerBubble):
                chat.forget_answer(widget.exchange_id)
        chat.remove_children(doomed)
        if self._hidden_note is None or self._hidden_note not in children:
            chat.mount(self._new_hidden_note(), before=0)

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

    # ----------------------------------------------------------------------------- state shown

    @property
    def chat(self) -> ChatLog:
        """The conversation."""
        return self.query_one(ChatLog)

    def _show_current(self) -> None:
        """Put the question to ask now at the end of the chat."""
        chat = self.chat
        if self._pending is not None:
            self._pending.remove()
            self._pending = None
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
        self._pending = pending
        chat.mount_all(new)
        chat.scroll_end(animate=False)
        self._show_languages()

    def _shown_question(self) -> ShownQuestion | None:
        """Return the question to ask now with its translation, for the bilingual view."""
        interview = self.interview
        current = interview.current
        tag = interview.language
        if current is None or tag is None:
            return None
        translation = self.backend.translation(interview.bank, tag)
        question = current.question
        translated = None
        if translation is not None and question is not None:
            translated = translation.question_text(question.id, interview.register)
        return ShownQuestion(
            swedish=current.text,
            language=tag,
            translated=translated,
            status=translation.status if translation else None,
            own=question is None,
        )

    def _show_languages(self) -> None:
        """Show the bilingual view and the tolk panel as the question, language and mode stand."""
        bilingual = self.query_one(BilingualQuestion)
        shown = self._shown_question()
        bilingual.display = self._bilingual and self.interview.language is not None
        bilingual.show(shown)
        bilingual.stack(self.size.width < WIDE_BILINGUAL or self.has_class("-tolk"))
        if self.has_class("-tolk"):
            self.query_one(TolkPanel).show(self.interview)

    def on_resize(self) -> None:
        """Put the translation beside the Swedish on wide screens, below it on narrow ones."""
        bilingual = self.query_one(BilingualQuestion)
        bilingual.stack(self.size.width < WIDE_BILINGUAL or self.has_class("-tolk"))

    def _refresh_side(self) -> None:
        panel = self.query_one(AreaPanel)
        panel.show(
            self.interview.bank.areas,
            self.interview.coverage(),
            self.interview.register,
            self.interview.current_area.id,
        )
        self._tick()

    def _show_probes(self) -> None:
        probes = self.interview.offered_probes()[:MAX_PROBES_SHOWN]
        widget = self.query_one("#probes", Static)
        if not probes or self.has_class("-tolk"):  # tolk mode: one question at a time
            widget.update("")
            widget.display = False
            return
        register = self.interview.register
        lines = [_("Följdfrågor (F5, eller en siffra i chatten):")]
        for number, question in enumerate(probes, start=1):
            symbol = TAG_SYMBOLS[Tag.HINDER if question.kind.value == "hinder" else Tag.RESURS]
            lines.append(f"{number} {symbol} {question.text(register)}")
        widget.update("\n".join(lines))
        widget.display = True

    def _tick(self) -> None:
        session = self.interview.session
        clock = self.interview.session_clock()
        frame = session.time_frame_minutes if session else 60
        self.query_one(AreaPanel).show_clock(clock, frame)
        state = clock.state if clock else None
        if state is not self._clock_state:
            elapsed = minutes(clock.elapsed) if clock else 0
            if state is ClockState.WARNING:
                self.notify(
                    _("{n} minuter har gått. Det är dags att börja runda av.").format(n=elapsed),
                    timeout=15,
                )
            elif state is ClockState.LIMIT:
                self.notify(
                    _(
                        "Tiden för i dag är slut ({n} minuter). Avsluta samtalet nu (F10) "
                        "och boka nästa träff."
                    ).format(n=elapsed),
                    severity="warning",
                    timeout=30,
                )
        self._clock_state = state

    # ----------------------------------------------------------------------------- helpers

    async def _engine(self, step: Callable[[], T]) -> T | None:
        """Run an engine step on the database thread; show its error and return None if it fails."""
        try:
            return await self.backend.run(step)
        except UserError as error:
            self.show_error(str(error))
            return None

    def _in_order(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run ``work`` in a worker, after every step started before it has finished.

        Keys arrive faster than the disk: a tag pressed right after Ctrl+S must wait for that answer
        to be saved (and selected) instead of tagging the one before it.
        """

        async def ordered() -> None:
            async with self._busy:
                await work

        self.run_worker(ordered(), name=name, group="save")

    def _step_then_ask(self, step: Callable[[], object], name: str) -> None:
        """Run an engine step that changes the question, show the new one, and go back to typing."""

        async def run() -> None:
            if await self._engine(step) is not None:
                self._after_move()
                self.query_one("#answer", TextArea).focus()

        self._in_order(run(), name)

    def _selected(self) -> Exchange | None:
        selected = self.chat.selected_id
        if selected is None:
            return None
        try:
            return self.interview.exchange(selected)
        except UserError:
            return None

    def _after_move(self) -> None:
        with self.app.batch_update():
            self._show_current()
            self._refresh_side()
            self._show_probes()

    def action_show_all(self) -> None:
        """Draw the whole conversation, also what was left out to keep the screen fast."""
        if self._hidden_note is None:
            self.notify(_("Hela samtalet visas redan."))
            return
        self._show_everything = True
        chat = self.chat
        self._last_session = self._last_area = None
        self._pending = None
        with self.app.batch_update():
            chat.remove_children()
            chat.forget_all()
            bubbles = self._exchange_bubbles(self.interview.exchanges)
            chat.mount_all(bubbles)
            for bubble in bubbles:
                if isinstance(bubble, AnswerBubble):
                    chat.register_answer(bubble)
            self._hidden_note = None
            self._show_current()
            chat.select(None, scroll=False)

    # ----------------------------------------------------------------------------- answering

    async def on_answer_box_command(self, message: AnswerBox.Command) -> None:
        """Run a command key typed in the answer box, in typing order."""
        message.stop()
        await self.run_action(COMMANDS[message.key][0])

    def on_answer_box_submitted(self, message: AnswerBox.Submitted) -> None:
        """Ctrl+S in the answer box: save what it held at that key."""
        message.stop()
        self._submit(message.text, cleared=True)

    def action_submit(self) -> None:
        """Save the typed answer to the current question (Ctrl+S outside the box)."""
        self._submit(self.query_one("#answer", TextArea).text, cleared=False)

    def _submit(self, text: str, *, cleared: bool) -> None:
        """Queue ``text`` as the answer to the question that is current when its turn comes."""
        box = self.query_one("#answer", TextArea)
        if not text.strip():
            self.show_error(_("Svaret är tomt. Skriv något eller hoppa över frågan (F6)."))
            return
        if not cleared:
            box.clear()
        self._in_order(self._save_answer(text), "save-answer")

    def _give_back(self, text: str) -> None:
        """Put an answer that was not saved back into the box, before anything typed since."""
        box = self.query_one("#answer", TextArea)
        box.text = text + ("\n" + box.text if box.text else "")

    async def _save_answer(self, text: str) -> None:
        if self.interview.current is None:
            self._give_back(text)
            self.show_error(
                _(
                    "Det finns ingen fråga att svara på här. Välj en följdfråga (F5) "
                    "eller gå vidare (F7)."
                )
            )
            return
        # Only the box's caption changes while the commit runs: drawing a bubble before it is saved
        # would lay out the whole chat once more and make the saved mark come later.
        box = self.query_one("#answer", TextArea)
        box.border_subtitle = "… " + _("sparar")
        try:
            exchange = await self.backend.run(lambda: self.interview.answer(text))
        except UserError as error:
            self._give_back(text)
            self.show_error(str(error))
            return
        finally:
            box.border_subtitle = SAVE_HINT
        pending = self._pending
        bubble = AnswerBubble(exchange)  # committed: it shows "✓ sparat"
        with self.app.batch_update():
            if isinstance(pending, QuestionBubble):
                pending.settle()
                self._pending = None
            self.chat.mount(bubble)
            self.chat.register_answer(bubble)
            self.chat.select(exchange.id, scroll=False)
            self._after_move()
            self._trim()
        self.post_message(AnswerSaved(exchange.id))

    def action_skip(self) -> None:
        """Skip the current question (a chosen follow-up is dropped)."""
        self._in_order(self._skip(), "skip")

    async def _skip(self) -> None:
        if self.interview.current is None:
            self.show_error(_("Det finns ingen fråga att hoppa över här."))
            return
        pending = self._pending
        result = await self._engine(self.interview.skip)
        if result is None and self.interview.current is not None and pending is not None:
            # a chosen follow-up was dropped, or the skip failed: show what is current now
            self._after_move()
            return
        if isinstance(pending, QuestionBubble) and result is not None:
            pending.settle(skipped=True)
            self._pending = None
        self._after_move()

    # ----------------------------------------------------------------------------- tags

    def action_tag(self, name: str) -> None:
        """Tag the selected answer; the same tag again removes it."""
        self._in_order(self._tag(Tag(name) if name != "none" else None), "tag")

    async def _tag(self, tag: Tag | None) -> None:
        exchange = self._selected()
        if exchange is None:
            self.show_error(_("Det finns inget svar att märka ännu."))
            return
        if tag is not None and exchange.tag is tag:
            tag = None
        updated = await self._engine(lambda: self.interview.tag(exchange.id, tag))
        if updated is not None:
            self.chat.update_answer(updated)
            self._refresh_side()
            self._show_probes()

    # ----------------------------------------------------------------------------- follow-ups

    def action_follow_up(self) -> None:
        """Choose a hinder or resurs probe, or write an own follow-up."""
        from interview.tui.screens.dialogs import FollowUpChoice, FollowUpScreen

        probes = self.interview.offered_probes()[:MAX_PROBES_SHOWN]

        def chosen(choice: FollowUpChoice | None) -> None:
            if choice is None:
                return
            if choice.question_id is not None:
                self.action_probe(choice.question_id)
            elif choice.own_text is not None:
                self._ask_own(choice.own_text)

        self.app.push_screen(FollowUpScreen(probes, self.interview.register), chosen)

    def action_probe_number(self, number: int) -> None:
        """Ask the offered probe with this number (1 = the first)."""
        probes = self.interview.offered_probes()[:MAX_PROBES_SHOWN]
        if not 1 <= number <= len(probes):
            self.show_error(_("Det finns ingen följdfråga med nummer {n}.").format(n=number))
            return
        self.action_probe(probes[number - 1].id)

    def action_probe(self, question_id: str) -> None:
        """Make the probe ``question_id`` the current question."""
        self._step_then_ask(lambda: self.interview.ask_probe(question_id), "ask-probe")

    def action_own(self) -> None:
        """Write an own follow-up question."""
        from interview.tui.screens.dialogs import OwnQuestionScreen

        def written(text: str | None) -> None:
            if text:
                self._ask_own(text)

        self.app.push_screen(OwnQuestionScreen(), written)

    def _ask_own(self, text: str) -> None:
        self._step_then_ask(lambda: self.interview.ask_own(text), "ask-own")

    # ----------------------------------------------------------------------------- areas

    def action_next_area(self) -> None:
        """Move on to the next area."""

        async def move() -> None:
            area = await self._engine(self.interview.next_area)
            if area is None:
                self.notify(_("Det här är sista området. Avsluta samtalet med F10."))
                return
            self._after_move()

        self._in_order(move(), "next-area")

    def action_choose_area(self) -> None:
        """Pick any area to go to."""
        from interview.tui.screens.dialogs import AreaPickerScreen

        def picked(area_id: str | None) -> None:
            if area_id is not None:
                self.jump(area_id)

        self.app.push_screen(AreaPickerScreen(self.interview), picked)

    def on_area_panel_chosen(self, event: AreaPanel.Chosen) -> None:
        """Go to the area clicked in the side panel."""
        if event.area_id != self.interview.current_area.id:
            self.jump(event.area_id)

    def jump(self, area_id: str) -> None:
        """Go to ``area_id``."""
        self._step_then_ask(lambda: self.interview.jump(area_id), "jump")

    # ----------------------------------------------------------------------------- earlier answers

    def action_edit(self) -> None:
        """Change the selected answer; the earlier text is kept."""
        from interview.tui.screens.dialogs import EditAnswerScreen

        exchange = self._selected()
        if exchange is None or exchange.skipped:
            self.show_error(_("Välj ett svar att ändra med pilarna i chatten."))
            return

        def edited(text: str | None) -> None:
            if text is None:
                return

            async def save() -> None:
                updated = await self._engine(lambda: self.interview.edit(exchange.id, text))
                if updated is not None:
                    self.chat.update_answer(updated)
                    self.notify(_("Svaret är ändrat. Det tidigare svaret finns kvar i historiken."))

            self._in_order(save(), "edit")

        self.app.push_screen(EditAnswerScreen(exchange), edited)

    # ----------------------------------------------------------------------------- views

    def action_motivation(self) -> None:
        """Show the motivationskors."""
        from interview.tui.screens.motivation import MotivationScreen

        def asked(question_id: str | None) -> None:
            if question_id is None:
                return
            self._step_then_ask(lambda: self.interview.ask_bank(question_id), "ask-bank")

        self.app.push_screen(MotivationScreen(self.interview), asked)

    def action_actions(self) -> None:
        """Show the åtgärder."""
        from interview.tui.screens.actions import ActionsScreen

        self.app.push_screen(ActionsScreen(self.interview))

    def action_end(self) -> None:
        """End the session: what was covered, what is left, when to meet next."""
        from interview.tui.screens.end_session import EndSessionScreen, SessionEnd

        def ended(result: SessionEnd | None) -> None:
            if result is None:
                return

            async def end() -> None:
                session = await self._engine(
                    lambda: self.interview.end_session(result.next_meeting, result.note)
                )
                if session is not None:
                    self.notify(_("Samtalet är avslutat och sparat."))
                    self.app.call_later(self.dismiss, None)

            self._in_order(end(), "end-session")

        self.app.push_screen(EndSessionScreen(self.interview), ended)

    # ----------------------------------------------------------------------------- languages

    def action_choose_language(self) -> None:
        """Choose the participant's reading language (shown beside the Swedish)."""
        from interview.tui.screens.language import LanguageChoice, LanguageScreen

        if self.interview.session is None:
            self.show_error(_("Starta ett samtal först."))
            return
        bank = self.interview.bank
        choices = []
        for tag in self.backend.reading_languages(bank):
            translation = self.backend.translation(bank, tag)
            if translation is not None:
                choices.append(LanguageChoice(tag, translation.status))

        def chosen(tag: str | None) -> None:
            if tag is None:
                return

            async def change() -> None:
                session = await self._engine(lambda: self.interview.set_language(tag))
                if session is not None:
                    self._bilingual = True
                    self._show_languages()
                    name = language(tag).name if session.language else _("bara svenska")
                    self.notify(_("Frågorna visas nu på {language}.").format(language=name))
                    self.query_one("#answer", TextArea).focus()

            self._in_order(change(), "set-language")

        self.app.push_screen(LanguageScreen(choices, self.interview.language), chosen)

    def action_toggle_bilingual(self) -> None:
        """Show or hide the translation beside the Swedish (Swedish is always shown)."""
        if self.interview.language is None:
            self.show_error(_("Välj först deltagarens språk med Ctrl+L."))
            return
        self._bilingual = not self._bilingual
        self._show_languages()

    def action_toggle_register(self) -> None:
        """Switch between standard and lättläst Swedish; the current question changes at once."""
        register = (
            Register.STANDARD if self.interview.register is Register.LATTLAST else Register.LATTLAST
        )

        async def change() -> None:
            if await self._engine(lambda: self.interview.set_register(register)) is not None:
                self._after_move()
                self.notify(
                    _("Frågorna visas nu på {register}.").format(register=register_words(register))
                )

        self._in_order(change(), "set-register")

    def action_toggle_tolk_mode(self) -> None:
        """One question at a time in large type, with pauses for the tolk (Ctrl+T again leaves)."""
        self.toggle_class("-tolk")
        self._show_languages()
        self._show_probes()
        if self.has_class("-tolk"):
            self.notify(_("Tolkläge: en fråga i taget. Ctrl+T går tillbaka till chatten."))
        self.query_one("#answer", TextArea).focus()

    def action_toggle_focus(self) -> None:
        """Move between the answer box and the chat."""
        box = self.query_one("#answer", TextArea)
        if box.has_focus:
            self.chat.focus()
            if self.chat.selected_id is None:
                self.chat.select(None)
        else:
            box.focus()

    def action_write(self) -> None:
        """Go to the answer box."""
        self.query_one("#answer", TextArea).focus()

    def commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """Return the screen's actions for the command palette."""
        return [
            (_("Spara svar"), _("Ctrl+S"), self.action_submit),
            (_("Märk som hinder"), _("F2 eller h i chatten"), lambda: self.action_tag("hinder")),
            (_("Märk som resurs"), _("F3 eller r i chatten"), lambda: self.action_tag("resurs")),
            (_("Märk som fakta"), _("F4 eller f i chatten"), lambda: self.action_tag("fakta")),
            (_("Ta bort märkningen"), _("x i chatten"), lambda: self.action_tag("none")),
            (_("Följdfråga"), _("F5"), self.action_follow_up),
            (_("Egen följdfråga"), _("o i chatten"), self.action_own),
            (_("Hoppa över frågan"), _("F6"), self.action_skip),
            (_("Nästa område"), _("F7"), self.action_next_area),
            (_("Välj område"), _("F8"), self.action_choose_area),
            (_("Ändra valt svar"), _("e i chatten"), self.action_edit),
            (_("Motivationskorset"), _("F9"), self.action_motivation),
            (_("Åtgärder"), _("F12"), self.action_actions),
            (_("Avsluta samtalet"), _("F10"), self.action_end),
            (_("Visa hela samtalet"), _("v i chatten"), self.action_show_all),
            (_("Deltagarens språk"), _("Ctrl+L"), self.action_choose_language),
            (_("Visa eller dölj översättningen"), _("Ctrl+B"), self.action_toggle_bilingual),
            (_("Lättläst eller standardsvenska"), _("Ctrl+R"), self.action_toggle_register),
            (_("Tolkläge"), _("Ctrl+T"), self.action_toggle_tolk_mode),
        ]


class InterviewChat(ChatLog):
    """The chat of the interview, where single keys tag, edit and choose follow-ups."""

    BINDINGS = [
        *ChatLog.BINDINGS,
        Binding("h", "screen.tag('hinder')", _("Hinder")),
        Binding("r", "screen.tag('resurs')", _("Resurs")),
        Binding("f", "screen.tag('fakta')", _("Fakta")),
        Binding("x", "screen.tag('none')", _("Ta bort märkning")),
        Binding("e", "screen.edit", _("Ändra")),
        Binding("o", "screen.own", _("Egen fråga")),
        Binding("s", "screen.skip", _("Hoppa över"), show=False),
        Binding("n", "screen.next_area", _("Nästa område"), show=False),
        Binding("m", "screen.motivation", _("Motivation"), show=False),
        Binding("a", "screen.actions", _("Åtgärder"), show=False),
        Binding("i,enter", "screen.write", _("Skriv svar")),
        Binding("v", "screen.show_all", _("Visa hela samtalet"), show=False),
        *(Binding(str(number), f"screen.probe_number({number})", show=False) for number in range(1, 10)),
    ]
