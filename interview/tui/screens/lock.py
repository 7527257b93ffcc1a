"""The idle lock: after some minutes without a key or a click, the screen locks until the passphrase.

The lock is a full screen, so nothing behind it is drawn, and notifications are cleared. Nothing typed
is touched: the screen underneath is only covered. The passphrase is compared in constant time with
the one the database was opened with (kept in memory only).
"""

from __future__ import annotations

import hmac

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from interview.i18n import _, ngettext
from interview.tui.widgets.form import ErrorLine
from interview.tui.widgets.safe_text import SafeInput


class LockScreen(Screen[None]):
    """Locked: the passphrase opens it again (Ctrl+Q still closes kartlagg, losing nothing saved)."""

    HELP = _("Skärmen låstes efter en stund utan aktivitet. Skriv lösenfrasen och tryck Enter.")
    DEFAULT_CSS = """
    LockScreen { background: $background; }
    LockScreen #lock-box { width: 60; height: auto; padding: 1 2; border: tall $primary; }
    """
    BINDINGS = [Binding("f1", "noop", show=False, priority=True)]
    AUTO_FOCUS = "#unlock"

    def __init__(self, passphrase: str, minutes: int) -> None:
        """Lock; ``passphrase`` opens it again."""
        super().__init__()
        self._passphrase = passphrase
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        """Lay out one calm box in the middle."""
        with Middle(), Center(), Vertical(id="lock-box"):
            yield Static(
                ngettext(
                    "Låst efter {n} minut utan aktivitet.",
                    "Låst efter {n} minuter utan aktivitet.",
                    self.minutes,
                ).format(n=self.minutes)
                + "\n"
                + _("Skriv enhetens lösenfras för att fortsätta."),
                markup=False,
            )
            yield SafeInput(password=True, id="unlock", max_length=200)
            yield ErrorLine()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Open again with the right passphrase."""
        event.stop()
        typed = event.value.encode("utf-8")
        if hmac.compare_digest(typed, self._passphrase.encode("utf-8")):
            self.dismiss(None)
            return
        event.input.value = ""
        self.query_one(ErrorLine).show(_("Lösenfrasen stämmer inte. Försök igen."))

    def action_noop(self) -> None:
        """Nothing: help would show what is behind the lock."""
