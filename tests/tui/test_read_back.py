"""Reading the text through with the participant: one part at a time, then the synpunkter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.models import DraftStatus
from interview.tui.screens.read_back import ReadBackScreen
from interview.tui.screens.review import ReviewScreen
from storage import Repository
from tests.tui.conftest import AppFactory
from tests.tui.draft_helpers import DISK_FULL, disk_full, open_review, stored_drafts, write_kartlaggning
from tests.tui.helpers import CASEWORKER, plain, quit_app, settle, type_text, wait_for_screen

NAME = "Fredrik Provsson"
BIRTH = "19790707"
SYNPUNKTER = "Det stämmer. Jag vill börja på förmiddagar."


def place(screen: ReadBackScreen) -> str:
    """The "Del N av M" line."""
    return plain(screen.query_one("#rb-place", Static))


async def open_read_back(pilot: Pilot[Any]) -> ReadBackScreen:
    """Open the reviewed sammanställning and start the read-back with F4."""
    await open_review(pilot, NAME)
    await pilot.press("f4")
    screen = await wait_for_screen(pilot, ReadBackScreen)
    await pilot.pause()
    return screen


async def test_page_through_type_synpunkter_save_and_finish(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.GRANSKAD)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_read_back(pilot)
        total = screen.stops
        assert place(screen).startswith(f"Del 1 av {total} · Sammanställning av kartläggning")
        text = plain(screen.query_one("#rb-text", Static))
        assert text.startswith("Sammanställning av kartläggning")
        await pilot.press("pagedown")
        assert place(screen).startswith(f"Del 2 av {total}")
        await pilot.press("right")
        assert place(screen).startswith(f"Del 3 av {total}")
        await pilot.press("left", "pageup")
        assert place(screen).startswith(f"Del 1 av {total}")
        for _ in range(total - 1):
            await pilot.press("pagedown")
        assert place(screen) == f"Del {total} av {total} · Deltagarens synpunkter"
        box = screen.query_one("#synpunkter", TextArea)
        assert box.has_focus
        assert not screen.query_one("#rb-page").display

        await type_text(pilot, SYNPUNKTER)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert plain(screen.query_one("#rb-saved", Static)).startswith("✓ Synpunkterna är sparade")
        assert box.text == SYNPUNKTER
        drafts = screen.drafts
        assert drafts.current.synpunkter == SYNPUNKTER
        assert drafts.current.status is DraftStatus.GRANSKAD

        await pilot.press("f10")
        review = await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert plain(review.query_one("#review-status", Static)).startswith(
            "Version 1 · genomläst med deltagaren"
        )
        await quit_app(pilot)
    stored = stored_drafts(db_path, clock, bank, written.kartlaggning_id).current
    assert stored.status is DraftStatus.GENOMLAST
    assert stored.synpunkter == SYNPUNKTER
    assert stored.read_back_by == CASEWORKER


async def test_the_text_is_read_in_a_short_calm_column(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.GRANSKAD)
    app = build_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_read_back(pilot)
        page = screen.query_one("#rb-text", Static)
        assert page.content_region.width <= 70
        await pilot.press("end")
        assert screen.at_synpunkter
        await pilot.press("home")  # in the box, Home belongs to the text
        assert screen.at_synpunkter
        await pilot.press("pageup")  # PgUp leaves the box for the part before
        assert screen.stop == screen.stops - 2
        await pilot.press("home")
        assert screen.stop == 0
        await quit_app(pilot)


async def test_a_failed_save_keeps_the_synpunkter_in_the_box(
    build_app: AppFactory,
    db_path: Path,
    clock: ManualClock,
    bank: Bank,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.GRANSKAD)

    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_read_back(pilot)
        await pilot.press("end")
        box = screen.query_one("#synpunkter", TextArea)
        box.text = SYNPUNKTER
        monkeypatch.setattr(Repository, "update_draft_version", disk_full)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert plain(screen.query_one("#rb-error", Static)) == DISK_FULL
        assert box.text == SYNPUNKTER
        await pilot.press("f10")  # finishing fails the same way: still nothing lost
        await settle(pilot)
        assert app.screen is screen
        assert box.text == SYNPUNKTER
        await pilot.press("escape")  # leaving tries to save first, and stays when it cannot
        await settle(pilot)
        assert app.screen is screen
        assert plain(screen.query_one("#rb-error", Static)) == DISK_FULL

        monkeypatch.undo()
        await pilot.press("escape")  # saved now, then back to the review
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        await quit_app(pilot)
    stored = stored_drafts(db_path, clock, bank, written.kartlaggning_id).current
    assert stored.synpunkter == SYNPUNKTER
    assert stored.status is DraftStatus.GRANSKAD


async def test_finish_is_only_at_the_last_part(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.GRANSKAD)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_read_back(pilot)
        await pilot.press("f10")
        await pilot.pause()
        assert screen.at_synpunkter
        assert "Sista delen är deltagarens synpunkter" in plain(screen.query_one("#rb-error", Static))
        assert screen.drafts.current.status is DraftStatus.GRANSKAD
        await quit_app(pilot)
