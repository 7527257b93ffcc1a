"""What both apps (the interview and the språkcafé) share.

The theme, help on F1, a crash report without data, and a clipboard that stays inside the app.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any, ClassVar

from rich.text import Text
from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingsMap
from textual.screen import Screen
from textual.theme import Theme

from interview.tui.commands import (
    Keymap,
    WantedKeys,
    bindings,
    check_keymap,
    palette_entries,
)
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
    """An app with kartlagg's theme, F1 help for the screen in front, and a crash report without data.

    Its keys come from the command table (:data:`APP_CONTEXT`), built when the app is made so that
    they are in the interface language, with the unit's keymap applied to every screen's bindings.
    """

    APP_CONTEXT: ClassVar[str] = "app"
    """The app-wide context of the command table."""

    def __init__(self, keymap: WantedKeys | None = None) -> None:
        """Make the app; ``keymap`` (command id → keys) is the unit's ``[keys]``, checked first."""
        super().__init__()
        self.keys: Keymap = check_keymap(keymap or {})
        """The unit's keymap, checked against the command table."""
        # Textual adds an English "palette" binding of its own; ours replaces it, in Swedish.
        self._bindings = BindingsMap(bindings(self.APP_CONTEXT))
        self.set_keymap(self.keys)

    def get_key_display(self, binding: Binding) -> str:
        """Show keys as they are printed on the keyboard: ``F10`` and ``Ctrl+S``, not ``f10``, ``^s``."""
        if binding.key_display:
            return binding.key_display
        key = binding.key
        if key[:1] == "f" and key[1:].isdigit():
            return key.upper()
        if key == "escape":
            return "Esc"
        if key.startswith("ctrl+") and len(key) == len("ctrl+") + 1:
            return "Ctrl+" + key[-1].upper()
        return super().get_key_display(binding)

    def action_command_palette(self) -> None:
        """Open the command palette, in the interface language."""
        from interview.tui.screens.palette import Palette

        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            self.push_screen(Palette())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Yield the palette's entries for ``screen`` from the command table (keys after the keymap)."""
        name = getattr(screen, "CONTEXT", "") or self.APP_CONTEXT
        for entry in palette_entries(name, self.keys):
            _namespace, action, parameters = parse_action(entry.action)
            if entry.context != self.APP_CONTEXT and screen.check_action(action, parameters) is False:
                continue  # not now (a read-only version has nothing to sign)
            help_text = f"{entry.help} ({entry.keys})" if entry.help else entry.keys
            target = screen if entry.context != self.APP_CONTEXT else self
            yield SystemCommand(entry.title, help_text, partial(target.run_action, entry.action))

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
