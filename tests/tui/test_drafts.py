"""The list of sammanställningar: every kartläggning with its status, filtered by status.

The kartläggningar are written through the engine before the app opens the database, exactly as the
app would write them; the people and their answers are invented (personnummer with 980–999 serials).
The kartläggningar come from ``tests/tui/draft_helpers.py``.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.models import DraftStatus
from interview.engine import Interview
from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.screens.review import ReviewScreen
from storage import Repository
from tests.keys import TEST_KEY
from tests.tui.conftest import AppFactory
from tests.tui.draft_helpers import open_drafts, rows, write_kartlaggning
from tests.tui.helpers import (
    add_participant_directly,
    fake_number,
    notices,
    open_participant,
    plain,
    quit_app,
    settle,
    wait_for_screen,
)


async def test_the_list_shows_every_kartlaggning_with_its_status_and_filters(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_kartlaggning(db_path, clock, bank, "Alva Påhittad", "19800101")
    write_kartlaggning(db_path, clock, bank, "Bror Testsson", "19750505", status=DraftStatus.GRANSKAD)
    write_kartlaggning(
        db_path, clock, bank, "Cecilia Provdotter", "19900909", status=DraftStatus.UNDERTECKNAD
    )
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_drafts(pilot)
        shown = {row[0]: row for row in rows(screen)}
        assert set(shown) == {"Alva Påhittad", "Bror Testsson", "Cecilia Provdotter"}
        assert shown["Alva Påhittad"][2:4] == ["1", "utkast"]
        assert shown["Bror Testsson"][2:4] == ["1", "granskad"]
        assert shown["Cecilia Provdotter"][2:4] == ["1", "undertecknad"]
        assert shown["Alva Påhittad"][5] == "3"
        number = shown["Bror Testsson"][1]
        assert number == "19750505-****"
        filter_line = plain(screen.query_one("#drafts-filter", Static))
        assert "[1 alla]" in filter_line
        assert "3 av 3" in filter_line

        await pilot.press("3")
        assert [row[0] for row in rows(screen)] == ["Bror Testsson"]
        assert "[3 granskad]" in plain(screen.query_one("#drafts-filter", Static))

        await pilot.press("4")
        assert rows(screen) == []
        empty = plain(screen.query_one("#drafts-empty", Static))
        assert "Ingen sammanställning har status genomläst" in empty

        await pilot.press("5")
        assert [row[0] for row in rows(screen)] == ["Cecilia Provdotter"]
        await pilot.press("1")
        assert len(rows(screen)) == 3
        assert plain(screen.query_one("#drafts-empty", Static)) == ""

        await pilot.press("escape")
        await wait_for_screen(pilot, ParticipantsScreen)
        await quit_app(pilot)


async def test_answers_changed_after_signing_are_shown_in_the_list(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    written = write_kartlaggning(
        db_path, clock, bank, "Dani Exempelsson", "19850312", status=DraftStatus.UNDERTECKNAD
    )
    with Repository.open(db_path, key=TEST_KEY) as repo:
        record = repo.load(written.kartlaggning_id)
        assert record is not None
        interview = Interview(bank, record, repo, clock)
        clock.advance(minutes=10)
        interview.edit(record.exchanges[1].id, "Jag har arbetat i ett storkök i fem år.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_drafts(pilot)
        assert rows(screen)[0][3] == "undertecknad · ändrat efter underskrift"
        await quit_app(pilot)


async def test_an_empty_list_says_how_to_start(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_drafts(pilot)
        assert rows(screen) == []
        assert "Inga kartläggningar ännu" in plain(screen.query_one("#drafts-empty", Static))
        await quit_app(pilot)


async def test_f7_in_a_participants_overview_opens_their_sammanstallning(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    written = write_kartlaggning(db_path, clock, bank, "Vera Provsson", "19790411")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot)
        await pilot.press("f7")
        review = await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert review.kartlaggning_id == written.kartlaggning_id
        await quit_app(pilot)


async def test_f7_in_an_overview_without_a_kartlaggning_says_so(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, "Nils Nyssonsson", fake_number("19900202"))
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        overview = await open_participant(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert app.screen is overview
        assert any("ingen kartläggning ännu" in text for text in notices(messages))
        await quit_app(pilot)
