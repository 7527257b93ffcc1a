"""The first screen: shown at once while the database and the question bank are opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from interview.engine import Interview
from interview.errors import UserError
from interview.i18n import _
from interview.tui.commands import bindings
from interview.tui.commands.contexts import STARTING
from storage import WrongPassphrase

if TYPE_CHECKING:
    from interview.tui.app import KartlaggApp


class StartingScreen(Screen[None]):
    """Opening the database; a clear message if it cannot be opened."""

    HELP = _(
        "kartlagg öppnar databasen. Om det inte går står det här varför. Inget som redan är sparat "
        "går förlorat. Tryck Ctrl+Q för att stänga."
    )
    CONTEXT = STARTING
    BINDINGS = bindings(STARTING)

    @property
    def kartlagg(self) -> KartlaggApp:
        """The app, typed."""
        from interview.tui.app import KartlaggApp

        assert isinstance(self.app, KartlaggApp)
        return self.app

    def compose(self) -> ComposeResult:
        """Lay out a single calm line."""
        with Middle(), Center():
            yield Static(_("Öppnar databasen …"), id="status", markup=False)

    def on_mount(self) -> None:
        """Ask for the passphrase if it is not known, then open in the background."""
        if self.kartlagg.backend.passphrase is None:
            self.ask()
        else:
            self.run_worker(self._open(), name="open-database", exclusive=True)

    def ask(self, error: str | None = None) -> None:
        """Ask for the unit's passphrase (to choose one, for a new database), then open."""
        from interview.tui.screens.passphrase import PassphraseScreen

        backend = self.kartlagg.backend

        def given(passphrase: str | None) -> None:
            if passphrase is None:
                return
            backend.passphrase = passphrase
            self.run_worker(self._open(), name="open-database", exclusive=True)

        new = not backend.database.exists()
        self.app.push_screen(PassphraseScreen(new=new, error=error), given)

    async def _open(self) -> None:
        try:
            await self.kartlagg.backend.open()
            self.kartlagg.backend.bank  # noqa: B018 - raises BankMissing if there is no bank
        except WrongPassphrase as error:
            self.kartlagg.backend.passphrase = None
            self.app.call_later(self.ask, str(error))
            return
        except UserError as error:
            self.query_one("#status", Static).update(str(error) + "\n\n" + _("Tryck q för att stänga."))
            self.add_class("failed")
            return
        from interview.tui.screens.participants import ParticipantsScreen

        latest = await self.kartlagg.backend.latest_interview() if self.kartlagg.resume else None
        # switched from the app, not from this screen's own worker, which the switch cancels
        self.app.call_later(self._show, ParticipantsScreen(), latest)

    async def _show(self, participants: Screen[None], latest: Interview | None) -> None:
        """Show the participants; with --fortsatt, go on with the latest kartläggning at once."""
        from interview.tui.screens.interview import InterviewScreen
        from interview.tui.screens.overview import OverviewScreen

        self.kartlagg.resume = False
        await self.app.switch_screen(participants)
        if latest is None:
            return
        if latest.session is not None:
            await self.app.push_screen(OverviewScreen(latest.participant, load_now=False))
            await self.app.push_screen(InterviewScreen(latest, resumed=True))
        else:
            await self.app.push_screen(OverviewScreen(latest.participant, resume=True))
