"""Text boxes that never send a typed or pasted control code to the terminal.

The answer box keeps exactly what was typed or pasted (the answer is saved verbatim) but draws control
characters as visible symbols of the same length (ESC as ␛), so a pasted escape sequence cannot
recolour the screen or retitle the window. One-line inputs (names, dates, short notes) drop control
characters as they come in: they have no business there.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Input, TextArea

_C0 = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_OTHER = re.compile(r"[\x80-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_INPUT_STRIP = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x1f\x7f-\x9f]"
)


def visible_controls(line: str) -> str:
    """Return ``line`` with each control character replaced by one visible symbol (same length)."""
    line = _C0.sub(
        lambda match: "␡" if match.group(0) == "\x7f" else chr(0x2400 + ord(match.group(0))), line
    )
    return _OTHER.sub("◇", line)


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
        clear_on_submit: bool = True,
    ) -> None:
        """Make a box; ``command_keys`` are passed on as :class:`Command` messages."""
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus")
        self.command_keys = command_keys
        self.clear_on_submit = clear_on_submit

    async def _on_key(self, event: events.Key) -> None:
        """Take Ctrl+S and the command keys before the text area does."""
        if event.key == "ctrl+s":
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
        return Text(visible_controls(line), end="", no_wrap=True)


class SafeInput(Input):
    """A one-line input that drops control characters and escape sequences as they arrive."""

    def insert_text_at_cursor(self, text: str) -> None:
        """Insert ``text`` without its control characters."""
        cleaned = _INPUT_STRIP.sub("", text)
        if cleaned:
            super().insert_text_at_cursor(cleaned)
