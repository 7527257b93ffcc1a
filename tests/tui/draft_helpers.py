"""Shared by the sammanställning's Pilot tests: kartläggningar written before the app runs, and the
steps to open the list and a review.

The kartläggningar are written through the engine, exactly as the app would write them; the people and
their answers are invented (personnummer with 980–999 serials).
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
from storage import Repository, StorageError
from tests.keys import TEST_KEY
from tests.tui.helpers import CASEWORKER, fake_number, plain, settle, wait_for_screen, wait_until

DISK_FULL = "Det gick inte att skriva till disken. Det som redan är sparat finns kvar."


def disk_full(*_args: object) -> None:
    """Stand in for a repository write when the disk is full."""
    raise StorageError(DISK_FULL)


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
    with Repository.open(db_path, key=TEST_KEY) as repo:
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
    with Repository.open(db_path, key=TEST_KEY, read_only=True) as repo:
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


def status(screen: ReviewScreen) -> str:
    """The review's status line."""
    return plain(screen.query_one("#review-status", Static))
