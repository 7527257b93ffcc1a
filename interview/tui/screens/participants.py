"""The start screen: every participant, searchable by name or personnummer, and adding a new one."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Input, Static

from interview.errors import UserError
from interview.i18n import _
from interview.passphrase import DEMO_PASSPHRASE
from interview.records import Participant
from interview.text import for_display, normalise_for_search
from interview.tui.commands import bindings
from interview.tui.commands.contexts import PARTICIPANTS
from interview.tui.labels import day, masked_number
from interview.tui.screens.base import AppScreen
from interview.tui.widgets.footer import KeyFooter
from interview.tui.widgets.safe_text import SafeInput
from interview.tui.widgets.topbar import TopBar


def matches(participant: Participant, query: str) -> bool:
    """Return True when ``query`` is part of the name or of the personnummer's digits."""
    wanted = normalise_for_search(query)
    if not wanted:
        return True
    digits = "".join(ch for ch in query if ch.isdigit())
    if digits and participant.personnummer and digits in participant.personnummer:
        return True
    return wanted in normalise_for_search(participant.name)


_AFTER_Z = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def swedish_sort_key(name: str) -> str:
    """Return a key that sorts names in Swedish order: å, ä, ö after z; other accents as their letter."""
    folded = name.casefold().translate(_AFTER_Z)
    return normalise_for_search(folded)


class ParticipantsScreen(AppScreen[None]):
    """Participants: list, search, add."""

    HELP = _(
        "Här finns alla deltagare. Skriv i sökrutan för att söka på namn eller personnummer. "
        "Välj en deltagare med pilarna och tryck Enter för att öppna. Tryck Ctrl+N för att lägga "
        "till en ny deltagare. Ctrl+F går tillbaka till sökrutan. F7 (Dokument) visar "
        "sammanställningarna: granska, läs igenom och skriv under. F9 öppnar språkcafé: övning i "
        "svenska där inget sparas."
    )
    CONTEXT = PARTICIPANTS
    BINDINGS = bindings(PARTICIPANTS)

    def __init__(self) -> None:
        """Start with an empty list until the participants are loaded."""
        super().__init__()
        self.participants: list[Participant] = []

    def compose(self) -> ComposeResult:
        """Search box, table, footer."""
        yield TopBar(_("Deltagare"), demo=self.kartlagg.demo)
        yield SafeInput(placeholder=_("Sök på namn eller personnummer"), id="search")
        table: DataTable[Text] = DataTable(id="participants", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="empty", markup=False)
        if self.kartlagg.demo:
            yield Static(
                _(
                    "Demodatabasen är krypterad som en riktig databas. Dess lösenfras är: {passphrase}"
                ).format(passphrase=DEMO_PASSPHRASE),
                id="demo-passphrase",
                markup=False,
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the columns and load."""
        table = self.query_one(DataTable)
        table.add_column(_("Namn"), key="name")
        table.add_column(_("Personnummer"), key="number")
        table.add_column(_("Tillagd"), key="added")
        self.run_worker(self.reload(), name="load-participants", group="load", exclusive=True)

    async def reload(self, select: str | None = None) -> None:
        """Load the participants again and show them (selecting ``select``)."""
        try:
            self.participants = await self.backend.participants()
        except UserError as error:
            self.show_error(str(error))
            return
        self.participants.sort(key=lambda participant: swedish_sort_key(participant.name))
        self.fill(select)

    def fill(self, select: str | None = None) -> None:
        """Show the participants that match the search."""
        query = self.query_one("#search", Input).value
        table = self.query_one(DataTable)
        table.clear()
        shown = [participant for participant in self.participants if matches(participant, query)]
        for participant in shown:
            table.add_row(
                Text(for_display(participant.name)),
                Text(masked_number(participant)),
                Text(day(participant.created_at)),
                key=participant.id,
            )
        if select is not None:
            for index, participant in enumerate(shown):
                if participant.id == select:
                    table.move_cursor(row=index)
        empty = self.query_one("#empty", Static)
        if not self.participants:
            empty.update(_("Inga deltagare ännu. Tryck Ctrl+N för att lägga till en."))
        elif not shown:
            empty.update(_("Ingen deltagare matchar sökningen."))
        else:
            empty.update("")

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        self.fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box moves to the list."""
        self.query_one(DataTable).focus()

    def action_to_list(self) -> None:
        """Arrow down from the search box goes to the list."""
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        """Focus the search box."""
        self.query_one("#search", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Open the chosen participant."""
        key = event.row_key.value
        for participant in self.participants:
            if participant.id == key:
                self.open(participant)

    def open(self, participant: Participant) -> None:
        """Show the participant's overview."""
        from interview.tui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen(participant))

    def action_add(self) -> None:
        """Add a new participant."""
        from interview.tui.screens.add_participant import AddParticipantScreen

        def added(participant: Participant | None) -> None:
            if participant is not None:
                self.query_one("#search", Input).value = ""
                self.run_worker(self.reload(select=participant.id), group="load", exclusive=True)
                self.notify(
                    _("{name} är tillagd.").format(name=for_display(participant.name)), markup=False
                )

        self.app.push_screen(AddParticipantScreen(), added)

    def action_drafts(self) -> None:
        """Show every kartläggning's sammanställning."""
        from interview.tui.screens.drafts import DraftsScreen

        self.app.push_screen(DraftsScreen())

    def action_practice(self) -> None:
        """Open språkcafé practice over this screen (nothing in it touches the database)."""
        self.run_worker(self._open_practice(), name="open-practice", group="practice", exclusive=True)

    async def _open_practice(self) -> None:
        from interview.practice.session import PracticeMaterial, PracticeSession
        from interview.practice.speech import Speaker
        from interview.tui.screens.practice import PracticeScreen

        try:
            material = await asyncio.to_thread(PracticeMaterial.load, self.backend.bank_folders)
        except LookupError as error:
            self.show_error(str(error))
            return
        screen = PracticeScreen(PracticeSession(material), speaker=Speaker.find())
        self.app.call_later(self.app.push_screen, screen)
