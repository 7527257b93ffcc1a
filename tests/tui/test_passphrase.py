"""The unit's passphrase at start: chosen twice for a new database, asked again when wrong."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from interview.clock import ManualClock
from interview.paths import shipped_data_dir
from interview.tui.app import make_app
from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.screens.passphrase import PassphraseScreen
from storage import Repository
from storage.connection import PLAIN_HEADER
from tests.keys import TEST_KEY
from tests.tui.helpers import (
    add_participant_directly,
    fake_number,
    field_message,
    quit_app,
    wait_for_screen,
)

CHOSEN = "vår enhets lösenfras 2026"


async def test_a_new_database_gets_a_passphrase_chosen_twice(db_path: Path, clock: ManualClock) -> None:
    app = make_app(db_path, banks=[shipped_data_dir("question_banks")], clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        dialog = await wait_for_screen(pilot, PassphraseScreen)
        assert dialog.new
        first, again = dialog.query_one("#passphrase", Input), dialog.query_one("#again", Input)
        assert first.password and again.password  # never shown on the shared screen
        first.value, again.value = "kort", "kort"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "för kort" in field_message(dialog, "passphrase")
        assert dialog.focused is first
        first.value, again.value = CHOSEN, CHOSEN + "!"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "inte lika" in field_message(dialog, "again")
        assert field_message(dialog, "passphrase") == ""
        assert dialog.focused is again
        again.value = CHOSEN
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ParticipantsScreen)
        await quit_app(pilot)
    assert db_path.read_bytes()[:16] != PLAIN_HEADER
    Repository.open(db_path, key=CHOSEN).close()


async def test_a_wrong_passphrase_is_asked_again_and_nothing_changes(
    db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, "Tove Påhittad", fake_number("19911231"))
    before = db_path.read_bytes()
    app = make_app(db_path, banks=[shipped_data_dir("question_banks")], clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        dialog = await wait_for_screen(pilot, PassphraseScreen)
        assert not dialog.new
        dialog.query_one("#passphrase", Input).value = "fel lösenfras"
        await pilot.press("enter")
        again = await wait_for_screen(pilot, PassphraseScreen)
        await pilot.pause()
        assert again is not dialog
        assert field_message(again, "passphrase").startswith("Lösenfrasen stämmer inte")
        assert db_path.read_bytes() == before
        again.query_one("#passphrase", Input).value = TEST_KEY
        await pilot.press("enter")
        participants = await wait_for_screen(pilot, ParticipantsScreen)
        await pilot.pause()
        assert [person.name for person in participants.participants] == ["Tove Påhittad"]
        await quit_app(pilot)
