"""Text boxes that never send a typed or pasted control code to the terminal.

The answer box keeps exactly what was typed or pasted (the answer is saved verbatim) but draws control
characters as visible symbols of the same length (ESC as ␛), so a pasted escape sequence cannot
recolour the screen or retitle the window. One-line inputs (names, dates, short notes) drop control
characters as they come in: they have no business there.

A one-line input reached with Tab or Shift+Tab puts the cursor after its text and selects nothing:
Textual's input selects all its text on focus, so the next key typed would replace a whole name.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Input, TextArea

from interview.text import controls_as_symbols, without_controls


class AnswerBox(TextArea):
    """The multi-line answer box: verbatim text, harmless display, keys handled in typing order.

    Ctrl+S and the screen's command keys are taken here, in the order they were typed, instead of as
    app-wide bindings: a binding would act before the letters typed just before it are in the box
    (saving half an answer), or after letters typed just after it.
    """

    class Submitted(Message):
        """Ctrl+S: ``text`` is what the box held at that key (the box is already empty)."""

        def __init__(self, box: AnswerBox, text: str) -> None:
            """Carry the text to save."""
            super().__init__()
            self.box = box
            self.text = text

    class Command(Message):
        """A command key pressed in the box, in typing order."""

        def __init__(self, key: str) -> None:
            """Carry the key."""
            super().__init__()
            self.key = key

    def __init__(
        self,
        text: str = "",
        *,
        id: str | None = None,
        command_keys: frozenset[str] = frozenset(),
        submit_keys: frozenset[str] = frozenset({"ctrl+s"}),
        clear_on_submit: bool = True,
    ) -> None:
        """Make a box; ``command_keys`` are passed on as :class:`Command` messages.

        ``submit_keys`` save what the box holds (Ctrl+S, unless the unit's keymap moved it).
        """
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus")
        self.command_keys = command_keys
        self.submit_keys = submit_keys
        # The text area's own bindings on these keys (F6 selects a line, F7 all) would hide the
        # screen's commands from the footer; the keys are the screen's here.
        for key in command_keys | submit_keys:
            self._bindings.key_to_bindings.pop(key, None)
        self.clear_on_submit = clear_on_submit

    async def _on_key(self, event: events.Key) -> None:
        """Take Ctrl+S and the command keys before the text area does."""
        if event.key in self.submit_keys:
            event.stop()
            event.prevent_default()
            text = self.text
            if self.clear_on_submit and text.strip():
                self.clear()
            self.post_message(self.Submitted(self, text))
            return
        if event.key in self.command_keys:
            event.stop()
            event.prevent_default()
            self.post_message(self.Command(event.key))
            return
        await super()._on_key(event)

    def get_line(self, line_index: int) -> Text:
        """Return the line to draw, with control characters shown as symbols."""
        line = self.document.get_line(line_index)
        return Text(controls_as_symbols(line), end="", no_wrap=True)


class SafeInput(Input):
    """A one-line input that drops control characters and escape sequences as they arrive.

    Focus never selects its text: the cursor goes after the text, so one key cannot wipe it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Make an input (the arguments of Textual's ``Input``) that does not select on focus."""
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def _on_focus(self, event: events.Focus) -> None:
        """Put the cursor after the text, selecting nothing (not when the terminal regains focus)."""
        if not event.from_app_focus:
            self.cursor_position = len(self.value)

    def insert_text_at_cursor(self, text: str) -> None:
        """Insert ``text`` without its control characters."""
        cleaned = without_controls(text).replace("\t", " ").replace("\n", " ")
        if cleaned:
            super().insert_text_at_cursor(cleaned)
