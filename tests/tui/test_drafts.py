"""The list of sammanställningar: every kartläggning with its status, filtered by status.

The kartläggningar are written through the engine before the app opens the database, exactly as the
app would write them; the people and their answers are invented (personnummer with 980–999 serials).
The helpers here are shared by the review, read-back and signing tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.models import CaseworkerSections, DraftStatus
from interview.draft.workflow import Drafts
from interview.engine import Interview
from interview.participants import new_participant
from interview.records import Tag
from interview.tui.screens.drafts import DraftsScreen
from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.screens.review import ReviewScreen
from storage import Repository
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    CASEWORKER,
    add_participant_directly,
    fake_number,
    notices,
    open_participant,
    plain,
    quit_app,
    settle,
    wait_for_screen,
    wait_until,
)

UNIT = "Arbetsmarknadsenheten"
BACK_PAIN = "Jag har ont i ryggen när jag står länge."
BACK_PAIN_EARLIER = "Ryggen värker ibland."
KITCHEN = "Jag har arbetat i ett storkök i fyra år."
ANSWERS: tuple[tuple[str, str, Tag | None], ...] = (
    ("kroppsfunktioner", BACK_PAIN_EARLIER, Tag.HINDER),
    ("historik", KITCHEN, Tag.RESURS),
    ("utbildning", "Jag gick nio år i skolan.", None),
)
"""What every test kartläggning holds: area, answer, tag (the first answer is edited later)."""


@dataclass(frozen=True)
class Written:
    """A kartläggning written before the app runs."""

    participant_id: str
    kartlaggning_id: str
    name: str


def write_kartlaggning(
    db_path: Path,
    clock: ManualClock,
    bank: Bank,
    name: str,
    birth: str,
    *,
    status: DraftStatus | None = None,
) -> Written:
    """Write a kartläggning of one session with three answers (one edited) and one åtgärd.

    ``status`` takes its sammanställning that far through the workflow (None: nothing stored).
    """
    participant = new_participant(name, fake_number(birth), clock, CASEWORKER)
    with Repository.open(db_path) as repo:
        repo.add_participant(participant)
        interview = Interview.begin(bank, participant, repo, clock, CASEWORKER)
        interview.start_session(CASEWORKER)
        first = None
        for area_id, text, tag in ANSWERS:
            interview.jump(area_id)
            clock.advance(minutes=2)
            exchange = interview.answer(text)
            first = first or exchange
            if tag is not None:
                interview.tag(exchange.id, tag)
        assert first is not None
        clock.advance(minutes=1)
        interview.edit(first.id, BACK_PAIN)
        interview.jump("atgarder")
        interview.add_action("Boka ett besök på ett storkök", "Handläggaren", date(2026, 2, 1))
        interview.end_session(None, None)
        clock.advance(minutes=5)
        if status is not None:
            record = repo.load(interview.kartlaggning.id)
            assert record is not None
            drafts = Drafts(record, bank, repo, clock, unit=UNIT)
            drafts.save_sections(CaseworkerSections(assessment="Bedömning."), CASEWORKER)
            steps = [DraftStatus.GRANSKAD, DraftStatus.GENOMLAST, DraftStatus.UNDERTECKNAD]
            if status in steps:
                drafts.mark_reviewed(CASEWORKER)
            if status in steps[1:]:
                drafts.finish_read_back("Det stämmer.", CASEWORKER)
            if status is DraftStatus.UNDERTECKNAD:
                drafts.sign(name, CASEWORKER, date(2026, 1, 12))
    return Written(participant.id, interview.kartlaggning.id, name)


def stored_drafts(db_path: Path, clock: ManualClock, bank: Bank, kartlaggning_id: str) -> Drafts:
    """The sammanställning as it is on disk (only after the app has closed the database)."""
    with Repository.open(db_path, read_only=True) as repo:
        record = repo.load(kartlaggning_id)
        assert record is not None
        return Drafts(record, bank, repo, clock, unit=UNIT)


def rows(screen: DraftsScreen) -> list[list[str]]:
    """The cells of the list, as text."""
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def open_drafts(pilot: Pilot[Any]) -> DraftsScreen:
    """From the participants, press F7 and wait for the list."""
    await wait_for_screen(pilot, ParticipantsScreen)
    await settle(pilot)
    await pilot.press("f7")
    screen = await wait_for_screen(pilot, DraftsScreen)
    await settle(pilot)
    return screen


async def open_review(pilot: Pilot[Any], name: str) -> ReviewScreen:
    """Open the list and then ``name``'s sammanställning with Enter."""
    screen = await open_drafts(pilot)
    table = screen.query_one(DataTable)
    table.focus()
    names = [row[0] for row in rows(screen)]
    table.move_cursor(row=names.index(name))
    await pilot.press("enter")
    review = await wait_for_screen(pilot, ReviewScreen)
    await settle(pilot)
    await wait_until(pilot, lambda: review.shown is not None, "the draft")
    return review


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
    with Repository.open(db_path) as repo:
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
