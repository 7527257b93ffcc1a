"""The interview's save queue: every change goes to the engine on the database thread, in key order.

While an answer is saved the box's caption says "sparar"; the answer's bubble, with "✓ sparat", is
drawn only when the engine returns, which it does only after the commit. If saving fails the text goes
back into the answer box, so nothing typed is lost.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from textual.message import Message
from textual.widgets import TextArea

from interview.errors import UserError
from interview.i18n import _
from interview.tui.widgets.chat import AnswerBubble, QuestionBubble

if TYPE_CHECKING:
    from interview.tui.screens.interview.commands import InterviewCommands

T = TypeVar("T")
SAVE_HINT = _("Ctrl+S sparar")


class AnswerSaved(Message):
    """An answer is committed to disk and shown as saved."""

    def __init__(self, exchange_id: str) -> None:
        """Carry the saved exchange's id."""
        super().__init__()
        self.exchange_id = exchange_id


class SaveQueue:
    """Runs the interview's engine steps one after another, and saves answers."""

    def __init__(self, screen: InterviewCommands) -> None:
        """Serve ``screen`` (its workers, answer box and chat)."""
        self.screen = screen
        self._busy = asyncio.Lock()

    async def engine(self, step: Callable[[], T]) -> T | None:
        """Run an engine step on the database thread; show its error and return None if it fails."""
        try:
            return await self.screen.backend.run(step)
        except UserError as error:
            self.screen.show_error(str(error))
            return None

    def in_order(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run ``work`` in a worker, after every step started before it has finished.

        Keys arrive faster than the disk: a tag pressed right after Ctrl+S must wait for that answer
        to be saved (and selected) instead of tagging the one before it.
        """

        async def ordered() -> None:
            async with self._busy:
                await work

        self.screen.run_worker(ordered(), name=name, group="save")

    def submit(self, text: str, *, cleared: bool) -> None:
        """Queue ``text`` as the answer to the question that is current when its turn comes."""
        box = self.screen.query_one("#answer", TextArea)
        if not text.strip():
            self.screen.show_error(_("Svaret är tomt. Skriv något eller hoppa över frågan (F6)."))
            return
        if not cleared:
            box.clear()
        self.in_order(self._save_answer(text), "save-answer")

    def give_back(self, text: str) -> None:
        """Put an answer that was not saved back into the box, before anything typed since."""
        box = self.screen.query_one("#answer", TextArea)
        box.text = text + ("\n" + box.text if box.text else "")

    async def _save_answer(self, text: str) -> None:
        screen = self.screen
        if screen.interview.current is None:
            self.give_back(text)
            screen.show_error(
                _(
                    "Det finns ingen fråga att svara på här. Välj en följdfråga (F5) "
                    "eller gå vidare (F7)."
                )
            )
            return
        # Only the box's caption changes while the commit runs: drawing a bubble before it is saved
        # would lay out the whole chat once more and make the saved mark come later.
        box = screen.query_one("#answer", TextArea)
        box.border_subtitle = "… " + _("sparar")
        try:
            exchange = await screen.backend.run(lambda: screen.interview.answer(text))
        except UserError as error:
            self.give_back(text)
            screen.show_error(str(error))
            return
        finally:
            box.border_subtitle = SAVE_HINT
        chat = screen.chat
        pending = chat.pending
        bubble = AnswerBubble(exchange)  # committed: it shows "✓ sparat"
        with screen.app.batch_update():
            if isinstance(pending, QuestionBubble):
                pending.settle()
                chat.pending = None
            chat.mount(bubble)
            chat.register_answer(bubble)
            chat.select(exchange.id, scroll=False)
            screen._after_move()
            chat.trim()
        screen.post_message(AnswerSaved(exchange.id))
