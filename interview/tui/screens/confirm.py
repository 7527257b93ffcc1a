"""Asking before a step that cannot be taken back (a new version after a signature)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from interview.i18n import _
from interview.tui.commands import bindings
from interview.tui.commands.contexts import CONFIRM
from interview.tui.screens.base import AppModal


class ConfirmScreen(AppModal[bool]):
    """A question with "Ja" (Ctrl+S) and "Avbryt" (Esc, and the button that has the focus)."""

    HELP = _("Ctrl+S gör det som frågan gäller. Esc eller Avbryt låter allt vara som det är.")
    CONTEXT = CONFIRM
    BINDINGS = bindings(CONFIRM)
    AUTO_FOCUS = "#cancel"

    def __init__(self, title: str, question: str, yes: str) -> None:
        """Ask ``question`` under ``title``; ``yes`` labels the button that goes ahead."""
        super().__init__()
        self.title_text = title
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        """Lay out the title, the question and the two buttons."""
        with VerticalScroll(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.question, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="warning")
                yield Button(_("Avbryt"), id="cancel", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Go ahead with "yes"; anything else leaves things as they are."""
        self.dismiss(event.button.id == "yes")

    def action_confirm(self) -> None:
        """Go ahead (Ctrl+S)."""
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Leave things as they are (Esc)."""
        self.dismiss(False)
