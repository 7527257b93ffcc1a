"""F1: what the screen in front is for and every key it has, from the command table."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from interview.i18n import N_, _
from interview.tui.commands import bindings, help_lines
from interview.tui.commands.contexts import CHAT, INTERVIEW
from interview.tui.commands.contexts import HELP as HELP_CONTEXT
from interview.tui.screens.base import AppModal

TEXT_KEYS = N_(
    "Tab går till nästa ruta och Skift+Tab tillbaka. I textrutorna fungerar de vanliga "
    "tangenterna: pilarna, Home och End flyttar markören, Ctrl+Z ångrar, Ctrl+Y gör om, "
    "Ctrl+X, Ctrl+C och Ctrl+V klipper ut, kopierar och klistrar in (bara inom kartlagg)."
)
"""One line for typing in a text box, instead of Textual's own (English) list of editing keys."""


def help_text(about: Screen[object], keymap: dict[str, str] | None = None) -> Text:
    """Return the help for ``about``: its text, its keys from the command table, typing in boxes."""
    text = Text()
    text.append(_("Hjälp") + "\n\n", style="bold")
    explained = getattr(about, "HELP", "")
    if explained:
        text.append(explained + "\n\n")
    text.append(_("Tangenter") + "\n", style="bold")
    name = getattr(about, "CONTEXT", "") or getattr(about.app, "APP_CONTEXT", "app")
    lines = help_lines(name, keymap)
    if name == INTERVIEW:
        chat = [line for line in help_lines(CHAT, keymap) if line not in lines]
        lines += [("", ""), ("", _("I chatten (Esc går dit och tillbaka):")), *chat]
    width = max((len(keys) for keys, _title in lines), default=0)
    for keys, title in lines:
        if not keys and not title:
            text.append("\n")
        else:
            text.append(f"  {keys:<{width}}  {title}\n")
    text.append("\n" + _(TEXT_KEYS) + "\n")
    text.append(_("Ctrl+P öppnar kommandolistan. Musen fungerar också."))
    return text


class HelpScreen(AppModal[None]):
    """Help for the screen underneath: its text and its keys."""

    CONTEXT = HELP_CONTEXT
    HELP = _("Esc eller F1 stänger hjälpen.")
    BINDINGS = bindings(HELP_CONTEXT)

    def __init__(self, screen: Screen[object]) -> None:
        """Explain ``screen``."""
        super().__init__()
        self.about = screen

    def compose(self) -> ComposeResult:
        """Lay out the help text and the list of keys."""
        keymap = dict(getattr(self.app, "keys", {}))
        with VerticalScroll(classes="dialog wide"):
            yield Static(help_text(self.about, keymap), markup=False)

    def action_close(self) -> None:
        """Back to the screen."""
        self.dismiss(None)
