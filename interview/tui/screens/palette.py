"""The command palette in the interface language: its placeholder, its keys and "no matches"."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from interview.i18n import _


class Palette(CommandPalette):
    """Textual's command palette with every string it shows in the interface language."""

    def __init__(self) -> None:
        """Make the palette with a Swedish (or translated) placeholder."""
        super().__init__(placeholder=_("Sök bland kommandona…"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """After a moment without hits, say so in the interface language (Textual says it in English)."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("Inget kommando passar"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
