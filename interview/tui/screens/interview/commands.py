"""The interview's commands: their keys, the palette, and what they do.

Tags, follow-ups, skipping, the areas, changing an earlier answer, the motivationskors, the
åtgärder, ending the session, and the participant's language. Each runs through the
:class:`~interview.tui.screens.interview.saving.SaveQueue`, in the order the keys were pressed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import TextArea

from interview.engine import Interview
from interview.i18n import _
from interview.records import Tag
from interview.tui.commands import bindings
from interview.tui.commands.contexts import INTERVIEW
from interview.tui.screens.base import AppScreen
from interview.tui.screens.interview.chat import InterviewChat
from interview.tui.screens.interview.question import MAX_PROBES_SHOWN, QuestionPanel
from interview.tui.screens.interview.saving import SaveQueue
from interview.tui.screens.interview.side import SideView
from interview.tui.widgets.chat import QuestionBubble


class InterviewCommands(AppScreen[None]):
    """The commands of the interview screen (the screen itself lays out and wires the parts)."""

    CONTEXT = INTERVIEW
    # No priority bindings: in the answer box these keys are taken by the box itself, in the order
    # they were typed (see AnswerBox), and passed on as commands; elsewhere these bindings act.
    BINDINGS = bindings(INTERVIEW)

    interview: Interview
    saves: SaveQueue
    """Runs the engine steps in key order and saves answers."""
    question: QuestionPanel
    """The bilingual view, tolk mode and the offered follow-ups."""
    side: SideView
    """The area panel and the clock."""

    @property
    def chat(self) -> InterviewChat:
        """The conversation."""
        return self.query_one(InterviewChat)

    def action_submit(self) -> None:
        """Save the typed answer to the current question (Ctrl+S outside the box)."""
        self._submit(self.query_one("#answer", TextArea).text, cleared=False)

    def _submit(self, text: str, *, cleared: bool) -> None:
        """Queue ``text`` as the answer to the question that is current when its turn comes."""
        self.saves.submit(text, cleared=cleared)

    def _show_current(self) -> None:
        """Put the question to ask now at the end of the chat, and in the participant's language."""
        self.chat.show_current()
        self.question.show_languages()

    def _after_move(self) -> None:
        with self.app.batch_update():
            self._show_current()
            self.side.refresh()
            self.question.show_probes()

    def _step_then_ask(self, step: Callable[[], object], name: str) -> None:
        """Run an engine step that changes the question, show the new one, and go back to typing."""

        async def run() -> None:
            if await self.saves.engine(step) is not None:
                self._after_move()
                self.query_one("#answer", TextArea).focus()

        self.saves.in_order(run(), name)

    def action_show_all(self) -> None:
        """Draw the whole conversation, also what was left out to keep the screen fast."""
        chat = self.chat
        if not chat.hides_some:
            self.notify(_("Hela samtalet visas redan."))
            return
        with self.app.batch_update():
            chat.draw_everything()
            self._show_current()
            chat.select(None, scroll=False)

    def action_skip(self) -> None:
        """Skip the current question (a chosen follow-up is dropped)."""
        self.saves.in_order(self._skip(), "skip")

    async def _skip(self) -> None:
        if self.interview.current is None:
            self.show_error(_("Det finns ingen fråga att hoppa över här."))
            return
        pending = self.chat.pending
        result = await self.saves.engine(self.interview.skip)
        if result is None and self.interview.current is not None and pending is not None:
            # a chosen follow-up was dropped, or the skip failed: show what is current now
            self._after_move()
            return
        if isinstance(pending, QuestionBubble) and result is not None:
            pending.settle(skipped=True)
            self.chat.pending = None
        self._after_move()

    # ----------------------------------------------------------------------------- tags

    def action_tag(self, name: str) -> None:
        """Tag the selected answer; the same tag again removes it."""
        self.saves.in_order(self._tag(Tag(name) if name != "none" else None), "tag")

    async def _tag(self, tag: Tag | None) -> None:
        exchange = self.chat.selected_exchange()
        if exchange is None:
            self.show_error(_("Det finns inget svar att märka ännu."))
            return
        if tag is not None and exchange.tag is tag:
            tag = None
        updated = await self.saves.engine(lambda: self.interview.tag(exchange.id, tag))
        if updated is not None:
            self.chat.update_answer(updated)
            self.side.refresh()
            self.question.show_probes()

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
            area = await self.saves.engine(self.interview.next_area)
            if area is None:
                self.notify(_("Det här är sista området. Avsluta samtalet med F10."))
                return
            self._after_move()

        self.saves.in_order(move(), "next-area")

    def action_choose_area(self) -> None:
        """Pick any area to go to."""
        from interview.tui.screens.dialogs import AreaPickerScreen

        def picked(area_id: str | None) -> None:
            if area_id is not None:
                self.jump(area_id)

        self.app.push_screen(AreaPickerScreen(self.interview), picked)

    def jump(self, area_id: str) -> None:
        """Go to ``area_id``."""
        self._step_then_ask(lambda: self.interview.jump(area_id), "jump")

    # ----------------------------------------------------------------------------- earlier answers

    def action_edit(self) -> None:
        """Change the selected answer; the earlier text is kept."""
        from interview.tui.screens.dialogs import EditAnswerScreen

        exchange = self.chat.selected_exchange()
        if exchange is None or exchange.skipped:
            self.show_error(_("Välj ett svar att ändra med pilarna i chatten."))
            return

        def edited(text: str | None) -> None:
            if text is None:
                return

            async def save() -> None:
                updated = await self.saves.engine(lambda: self.interview.edit(exchange.id, text))
                if updated is not None:
                    self.chat.update_answer(updated)
                    self.notify(_("Svaret är ändrat. Det tidigare svaret finns kvar i historiken."))

            self.saves.in_order(save(), "edit")

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
                session = await self.saves.engine(
                    lambda: self.interview.end_session(result.next_meeting, result.note)
                )
                if session is not None:
                    self.notify(_("Samtalet är avslutat och sparat."))
                    self.app.call_later(self.dismiss, None)

            self.saves.in_order(end(), "end-session")

        self.app.push_screen(EndSessionScreen(self.interview), ended)

    # ----------------------------------------------------------------------------- languages

    def action_choose_language(self) -> None:
        """Choose the participant's reading language (shown beside the Swedish)."""
        self.question.choose_language()

    def action_toggle_bilingual(self) -> None:
        """Show or hide the translation beside the Swedish (Swedish is always shown)."""
        self.question.toggle_bilingual()

    def action_toggle_register(self) -> None:
        """Switch between standard and lättläst Swedish; the current question changes at once."""
        self.question.toggle_register()

    def action_toggle_tolk_mode(self) -> None:
        """One question at a time in large type, with pauses for the tolk (Ctrl+T again leaves)."""
        self.question.toggle_tolk_mode()
