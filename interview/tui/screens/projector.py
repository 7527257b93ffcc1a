"""Projector view: the card in front, very large and alone, for a group in a språkcafé.

A terminal cannot change its font size, so "large" here means one text alone on a wide, high-contrast
screen, bold and centred with wide margins; the pair-talk timer in big digits below it when it runs.
Enlarge the terminal's own font (often Ctrl and +) for a projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Static

from interview.i18n import _
from interview.tui.commands import bindings
from interview.tui.commands.contexts import PROJECTOR
from interview.tui.widgets.practice_card import CardView

if TYPE_CHECKING:
    from interview.tui.screens.practice import PracticeScreen


class ProjectorScreen(Screen[None]):
    """One card in big type; the same keys as the practice to move, translate and read aloud."""

    CSS_PATH = "../practice.tcss"
    HELP = _(
        "Projektorvyn visar ett kort i taget i stor text för en grupp. Pilarna byter kort, F2 visar "
        "översättningen, F3 och F4 läser upp, mellanslag startar eller pausar tiduret för att "
        "prata två och två. Esc eller F5 går tillbaka. Gör terminalens text större (ofta Ctrl och +) "
        "för en projektor."
    )
    CONTEXT = PROJECTOR
    BINDINGS = bindings(PROJECTOR)

    def __init__(self, practice: PracticeScreen) -> None:
        """Show the card in front of ``practice``, sharing its session, speaker and timer."""
        super().__init__()
        self.practice = practice
        self.session = practice.session

    def compose(self) -> ComposeResult:
        """Heading, the text, the translation, the timer."""
        with Vertical(id="projector"):
            yield CardView(id="projector-card")
            yield Static("", id="projector-turn", markup=False)
            with Center():
                yield Digits("", id="projector-digits")
            yield Static(
                _("← → byter kort · F2 översättning · F3 läs upp · mellanslag tidur · Esc tillbaka"),
                id="projector-keys",
                markup=False,
            )

    def on_mount(self) -> None:
        """Draw, and follow the timer."""
        self.set_interval(0.25, self.show_timer)
        self.show()

    def show(self) -> None:
        """Draw the card in front, large and centred; the translation only when it is shown."""
        self.practice.draw(self.query_one(CardView), justify="center")
        self.query_one("#card-translation").display = self.session.show_translation
        self.show_timer()

    def show_timer(self) -> None:
        """Draw the timer in big digits once it has started."""
        state = self.session.timer.state(self.practice.now())
        digits = self.query_one("#projector-digits", Digits)
        turn = self.query_one("#projector-turn", Static)
        digits.display = turn.display = state.started
        if not state.started:
            return
        self.practice.tick()
        digits.update(state.clock)
        if state.finished:
            turn.update(Text(_("Klart! Båda har pratat."), justify="center", style="bold"))
        else:
            label = _("Person {number} pratar").format(number=state.turn)
            if not state.running:
                label += " – " + _("pausad")
            turn.update(Text(label, justify="center", style="bold"))

    def action_back(self) -> None:
        """Back to the practice."""
        self.dismiss(None)

    def action_translation(self) -> None:
        """Show or hide the translation."""
        if self.session.language is None:
            self.notify(_("Välj ett språk först (F6 i övningen)."), markup=False)
            return
        self.session.toggle_translation()
        self.show()

    def action_previous(self) -> None:
        """Go to the card before."""
        self.session.step(-1)
        self.show()

    def action_next(self) -> None:
        """Go to the card after."""
        self.session.step(1)
        self.show()

    def action_read(self) -> None:
        """Read aloud."""
        self.practice.action_read()

    def action_read_slow(self) -> None:
        """Read aloud slowly."""
        self.practice.action_read_slow()

    def action_timer(self) -> None:
        """Start or pause the pair-talk timer."""
        self.practice.action_timer_toggle()
        self.show_timer()
