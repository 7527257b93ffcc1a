"""F1: what the screen in front is for and every key it has."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from interview.i18n import _
from interview.tui.screens.base import AppModal


def key_name(key: str) -> str:
    """Return a key as people write it: "ctrl+s" → "Ctrl+S"."""
    return "+".join(part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+"))


class HelpScreen(AppModal[None]):
    """Help for the screen underneath: its text and its keys."""

    HELP = _("Esc eller F1 stänger hjälpen.")
    BINDINGS = [Binding("escape,f1,q", "close", _("Stäng hjälpen"), priority=True)]

    def __init__(self, screen: Screen[object]) -> None:
        """Explain ``screen``."""
        super().__init__()
        self.about = screen

    def compose(self) -> ComposeResult:
        """Lay out the help text and the list of keys."""
        text = Text()
        text.append(_("Hjälp") + "\n\n", style="bold")
        help_text = getattr(self.about, "HELP", "")
        if help_text:
            text.append(help_text + "\n\n")
        text.append(_("Tangenter") + "\n", style="bold")
        seen: set[str] = set()
        for key, active in self.about.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.description in seen:
                continue
            seen.add(binding.description)
            text.append(f"  {key_name(key):<10} {binding.description}\n")
        text.append("\n" + _("Ctrl+P öppnar kommandolistan. Musen fungerar också."))
        with VerticalScroll(classes="dialog wide"):
            yield Static(text, markup=False)

    def action_close(self) -> None:
        """Back to the screen."""
        self.dismiss(None)
