"""What both apps (the interview and the språkcafé) share.

The theme, help on F1, a crash report without data, and a clipboard that stays inside the app.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.theme import Theme

from interview.tui.crash import crash_report

THEME = Theme(
    name="kartlagg",
    primary="#7cc4ff",
    secondary="#c6a0ff",
    accent="#ffd479",
    foreground="#f4f4f0",
    background="#0f1419",
    surface="#182028",
    panel="#22303c",
    success="#7ee787",
    warning="#ffb454",
    error="#ff7b72",
    dark=True,
)
"""Calm and high in contrast, to read from two chairs."""


class BaseApp(App[None]):
    """An app with kartlagg's theme, F1 help for the screen in front, and a crash report without data."""

    def use_theme(self) -> None:
        """Switch to the calm theme (call in ``on_mount``)."""
        self.register_theme(THEME)
        self.theme = THEME.name

    def copy_to_clipboard(self, text: str) -> None:
        """Keep copied text inside the app only: it never reaches the computer's clipboard.

        Textual sends copied text to the terminal (OSC 52), which puts it on the system clipboard,
        where anyone at the shared computer could paste a participant's answer later. Copy and paste
        between the app's own text boxes still work.
        """
        self._clipboard = text

    def forget_clipboard(self) -> None:
        """Empty the app's own clipboard (when the screen is covered or locked)."""
        self._clipboard = ""

    def action_help(self) -> None:
        """Show help for the screen in front (F1 again closes it)."""
        from interview.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.screen))

    def _fatal_error(self) -> None:
        """Exit after an unexpected error with a report that holds no personal data."""
        error = self._exception
        self.bell()
        if error is not None:
            self._exit_renderables.append(Text(crash_report(error)))
        self._close_messages_no_wait()

    def _handle_exception(self, error: Exception) -> None:
        """Never let an exception's own rich rendering (which may show locals) reach the screen."""
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._fatal_error()
