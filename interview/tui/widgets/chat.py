"""The conversation: questions, answers and notes as bubbles in one scrolling column.

Every text a person typed is shown as plain text: it goes through :func:`interview.text.for_display`
(no control codes) into a rich ``Text`` (never parsed as markup). One light ``Static`` per message keeps
typing in the answer box fast even with a long history.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.i18n import _
from interview.records import Exchange, Source, Tag
from interview.text import for_display
from interview.tui.commands import bindings
from interview.tui.commands.contexts import CHAT
from interview.tui.labels import clock_time, source_label, tag_label

TAG_STYLES: dict[Tag, str] = {
    Tag.HINDER: "bold #ffb454",
    Tag.RESURS: "bold #7ee787",
    Tag.FAKTA: "bold #9ecbff",
}


class Bubble(Static):
    """One message in the chat."""

    DEFAULT_CSS = """
    Bubble {
        width: 1fr;
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    """

    def __init__(self, content: Text, *, classes: str = "") -> None:
        """Show ``content`` (already a ``Text``, so nothing is parsed as markup)."""
        super().__init__(content, markup=False, classes=classes)


class NoteBubble(Bubble):
    """A note from the app: an area heading, a session start, a recap."""

    def __init__(self, text: str, *, heading: bool = False) -> None:
        """Show ``text`` as a note (a heading when ``heading``)."""
        super().__init__(Text(for_display(text)), classes="note heading" if heading else "note")


class QuestionBubble(Bubble):
    """A question the caseworker asks (from the bank or their own)."""

    def __init__(self, text: str, source: Source, area_label: str, *, current: bool = False) -> None:
        """Show the question; ``current`` marks the one being asked now."""
        self.question_text = text
        self.source = source
        self.area_label = area_label
        self.skipped = False
        super().__init__(self._content(current), classes="question current" if current else "question")

    def _content(self, current: bool) -> Text:
        head = _("Handläggaren frågar")
        if self.source is not Source.BANK:
            head += " · " + source_label(self.source)
        head += " · " + self.area_label
        if current:
            head = "➤ " + head
        if self.skipped:
            head += " · " + _("hoppades över")
        return Text.assemble((head, "bold"), "\n", for_display(self.question_text))

    def settle(self, *, skipped: bool = False) -> None:
        """Mark the question as answered or skipped: it is no longer the current one."""
        self.skipped = skipped
        self.remove_class("current")
        if skipped:
            self.add_class("skipped")
        self.update(self._content(current=False))


class AnswerBubble(Bubble):
    """The participant's answer as saved, with its saved mark and its tag.

    It is only drawn once the answer is committed, so the saved mark is never shown too early.
    """

    def __init__(self, exchange: Exchange) -> None:
        """Show the saved answer of ``exchange``."""
        self.exchange = exchange
        super().__init__(self._content(), classes="answer")
        self._apply_tag_class()

    @property
    def exchange_id(self) -> str:
        """The stored exchange."""
        return self.exchange.id

    @property
    def text(self) -> str:
        """The answer's current text, as stored."""
        return self.exchange.answer or ""

    def _content(self) -> Text:
        exchange = self.exchange
        moment = exchange.answered_at or exchange.asked_at
        status = "✓ " + _("sparat {time}").format(time=clock_time(moment))
        if exchange.revision > 1:
            status += " · " + _("ändrat (version {n})").format(n=exchange.revision)
        style = TAG_STYLES[exchange.tag] if exchange.tag else "dim"
        return Text.assemble(
            (_("Deltagaren svarar"), "bold"),
            "  ",
            (status, "italic"),
            "\n",
            for_display(self.text),
            "\n",
            (tag_label(exchange.tag), style),
        )

    def confirm(self, exchange: Exchange) -> None:
        """Show ``exchange`` as it is now saved (a new text or a new tag)."""
        self.exchange = exchange
        self._apply_tag_class()
        self.update(self._content())

    def on_click(self) -> None:
        """Select the clicked answer (for tagging or editing)."""
        chat = self.parent
        if isinstance(chat, ChatLog):
            chat.select(self.exchange_id, scroll=False)

    def _apply_tag_class(self) -> None:
        for name in ("hinder", "resurs", "fakta"):
            self.remove_class(f"tag-{name}")
        if self.exchange.tag is not None:
            self.add_class(f"tag-{self.exchange.tag.value}")


class ChatLog(VerticalScroll, can_focus=True):
    """The conversation, with one answer selected for tagging and editing."""

    BINDINGS = bindings(CHAT, only=("select_previous", "select_next"), prefix="")

    DEFAULT_CSS = """
    ChatLog { height: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """Start an empty conversation."""
        super().__init__(id=id)
        self._answers: dict[str, AnswerBubble] = {}
        self._order: list[str] = []
        self.selected_id: str | None = None

    def answer_bubble(self, exchange_id: str) -> AnswerBubble | None:
        """Return the bubble showing the answer ``exchange_id``."""
        return self._answers.get(exchange_id)

    def register_answer(self, bubble: AnswerBubble) -> None:
        """Make a saved answer selectable."""
        if bubble.exchange_id not in self._answers:
            self._answers[bubble.exchange_id] = bubble
            self._order.append(bubble.exchange_id)

    def forget_answer(self, exchange_id: str) -> None:
        """Forget an answer whose bubble is no longer drawn (it cannot be selected any more)."""
        self._answers.pop(exchange_id, None)
        if exchange_id in self._order:
            self._order.remove(exchange_id)
        if self.selected_id == exchange_id:
            self.selected_id = None

    def forget_all(self) -> None:
        """No answers are drawn (the chat is being drawn again)."""
        self._answers.clear()
        self._order.clear()
        self.selected_id = None

    def update_answer(self, exchange: Exchange) -> None:
        """Show a changed answer (new text, new tag)."""
        bubble = self._answers.get(exchange.id)
        if bubble is not None:
            bubble.confirm(exchange)

    def select(self, exchange_id: str | None, *, scroll: bool = True) -> None:
        """Select the answer ``exchange_id`` (None: the latest), scrolling to it if ``scroll``."""
        if exchange_id is None and self._order:
            exchange_id = self._order[-1]
        if self.selected_id and self.selected_id in self._answers:
            self._answers[self.selected_id].remove_class("selected")
        self.selected_id = exchange_id
        bubble = self._answers.get(exchange_id) if exchange_id else None
        if bubble is not None:
            bubble.add_class("selected")
            if scroll:
                self.scroll_to_widget(bubble, animate=False)

    def _step(self, delta: int) -> None:
        if not self._order:
            return
        if self.selected_id not in self._answers:
            self.select(None)
            return
        index = self._order.index(self.selected_id) + delta
        self.select(self._order[max(0, min(index, len(self._order) - 1))])

    def action_select_previous(self) -> None:
        """Select the answer above."""
        self._step(-1)

    def action_select_next(self) -> None:
        """Select the answer below."""
        self._step(1)
