"""Choose the participant's reading language: the questions are then shown beside the Swedish."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interview.i18n import _
from interview.languages import TranslationStatus, language
from interview.tui.commands import bindings
from interview.tui.commands.contexts import LANGUAGE
from interview.tui.screens.base import AppModal

SWEDISH_ONLY = "sv"
"""The option id for "bara svenska"."""


@dataclass(frozen=True)
class LanguageChoice:
    """A reading language that can be chosen, with the status of its translation."""

    tag: str
    status: TranslationStatus


class LanguageScreen(AppModal[str | None]):
    """The languages the bank is translated into; the result is a tag, ``sv`` for Swedish only."""

    HELP = _(
        "Välj det språk deltagaren läser bäst. Frågan visas då på svenska och på det språket, sida "
        "vid sida. Svenskan är alltid den som gäller. Översättningar som inte är granskade är märkta "
        "så. Enter väljer, Esc stänger utan att ändra något."
    )
    CONTEXT = LANGUAGE
    BINDINGS = bindings(LANGUAGE)

    def __init__(self, choices: list[LanguageChoice], current: str | None) -> None:
        """Offer ``choices``, starting on the ``current`` reading language."""
        super().__init__()
        self.choices = choices
        self.current = current or SWEDISH_ONLY

    def compose(self) -> ComposeResult:
        """Lay out the list: Swedish only first, then each language with its status."""
        options = [Option(Text(_("bara svenska")), id=SWEDISH_ONLY)]
        for choice in self.choices:
            line = Text(f"{language(choice.tag).name} ({choice.tag})")
            line.append(f"  {choice.status.label}", style="dim")
            options.append(Option(line, id=choice.tag))
        with Vertical(classes="dialog"):
            yield Static(_("Deltagarens språk"), classes="dialog-title", markup=False)
            yield OptionList(*options, id="language-options")
            yield Static(
                _("Frågorna visas på svenska och på det valda språket. Det som sparas är svenska."),
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        """Start on the language chosen now."""
        ids = [SWEDISH_ONLY, *(choice.tag for choice in self.choices)]
        option_list = self.query_one(OptionList)
        option_list.highlighted = ids.index(self.current) if self.current in ids else 0
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Choose the language."""
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Keep the language as it is."""
        self.dismiss(None)
