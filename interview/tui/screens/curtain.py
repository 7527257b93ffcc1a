"""The privacy curtain: one key blanks the shared screen at once, when someone walks in.

It is a full screen, not a dialog, so nothing behind it is drawn; notifications are cleared too. What
was typed stays where it was: the screen underneath is only covered, never changed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from interview.i18n import _
from interview.tui.commands import bindings
from interview.tui.commands.contexts import CURTAIN


class CurtainScreen(Screen[None]):
    """A blank screen with one calm line; Enter, Esc or the curtain key again shows the work again."""

    HELP = _("Skärmen är dold. Tryck Enter (eller Ctrl+O) för att visa den igen.")
    DEFAULT_CSS = """
    CurtainScreen { background: $background; }
    CurtainScreen #curtain-hint { color: $text-muted; width: auto; }
    """
    CONTEXT = CURTAIN
    BINDINGS = bindings(CURTAIN)

    def compose(self) -> ComposeResult:
        """Lay out one line in the middle, nothing else."""
        with Middle(), Center():
            yield Static(self.HELP, id="curtain-hint", markup=False)

    def action_lift(self) -> None:
        """Show what was there again."""
        self.dismiss(None)
