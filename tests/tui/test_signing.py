"""Signing: both names, the date and the participant's consent; then the version is frozen."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static, TextArea

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.models import DraftStatus
from interview.tui.screens.review import ReviewScreen, SectionsScreen
from interview.tui.screens.sign import SignScreen
from storage import Repository
from tests.tui.conftest import AppFactory
from tests.tui.draft_helpers import (
    DISK_FULL,
    disk_full,
    open_review,
    status,
    stored_drafts,
    write_kartlaggning,
)
from tests.tui.helpers import (
    CASEWORKER,
    assert_message_at,
    notices,
    plain,
    quit_app,
    settle,
    wait_for_screen,
)

NAME = "Gunnel Testdotter"
BIRTH = "19670217"


def error(dialog: SignScreen) -> str:
    """What the signing dialog says is wrong on its error line (what concerns no single field)."""
    return plain(dialog.query_one("#error", Static))


async def open_signing(pilot: Pilot[Any]) -> tuple[ReviewScreen, SignScreen]:
    """Open the read-through sammanställning and press F5."""
    review = await open_review(pilot, NAME)
    await pilot.press("f5")
    dialog = await wait_for_screen(pilot, SignScreen)
    await pilot.pause()
    return review, dialog


async def test_signing_needs_the_consent_then_stores_the_checksum(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.GENOMLAST)
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        review, dialog = await open_signing(pilot)
        assert dialog.query_one("#participant-name", Input).value == NAME
        assert dialog.query_one("#caseworker-name", Input).value == CASEWORKER
        assert dialog.query_one("#signed-on", Input).value == "2026-01-12"  # the app's clock
        assert not dialog.query_one("#consent", Checkbox).value

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_message_at(
            dialog, "consent", "Kryssa i att deltagaren har läst texten och godkänner den."
        )
        assert app.screen is dialog
        assert review.drafts is not None
        assert review.drafts.current.status is DraftStatus.GENOMLAST

        await pilot.click("#consent")
        assert dialog.query_one("#consent", Checkbox).value
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        stored = review.drafts.current
        assert stored.sha256 is not None
        assert re.fullmatch("[0-9a-f]{64}", stored.sha256)
        line = status(review)
        assert line.startswith("Version 1 · undertecknad")
        assert "SHA-256: " + stored.sha256 in line
        assert "Underskriven 2026-01-12" in line
        assert stored.audit_head is not None  # the store set the chain head at signing
        assert "Kedjehuvud i granskningsloggen: " + stored.audit_head in line
        notice = f"Version 1 är underskriven. SHA-256: {stored.sha256[:16]}…"
        assert notice in notices(messages)
        await quit_app(pilot)
    on_disk = stored_drafts(db_path, clock, bank, written.kartlaggning_id)
    assert on_disk.current.status is DraftStatus.UNDERTECKNAD
    assert on_disk.current.sha256 == stored.sha256
    assert on_disk.current.audit_head == stored.audit_head
    assert on_disk.verify(on_disk.current)
    assert on_disk.current.signature is not None
    assert on_disk.current.signature.participant == NAME


async def test_wrong_dates_and_missing_names_are_explained_and_nothing_is_lost(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.GENOMLAST)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        review, dialog = await open_signing(pilot)
        await pilot.click("#consent")
        date_box = dialog.query_one("#signed-on", Input)
        date_box.value = "12/1 2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_message_at(dialog, "signed-on", "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15.")
        date_box.value = "2026-01-13"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_message_at(dialog, "signed-on", "Datumet kan inte vara efter i dag.")
        date_box.value = "2026-01-12"
        dialog.query_one("#caseworker-name", Input).value = "  "
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert_message_at(dialog, "caseworker-name", "Skriv handläggarens namn.")
        assert app.screen is dialog
        assert dialog.query_one("#participant-name", Input).value == NAME
        assert dialog.query_one("#consent", Checkbox).value
        assert review.drafts is not None
        assert review.drafts.current.status is DraftStatus.GENOMLAST
        await quit_app(pilot)


async def test_a_failed_signing_keeps_the_dialog_as_it_was(
    build_app: AppFactory,
    db_path: Path,
    clock: ManualClock,
    bank: Bank,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.GENOMLAST)

    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        _review, dialog = await open_signing(pilot)
        await pilot.click("#consent")
        monkeypatch.setattr(Repository, "update_draft_version", disk_full)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error(dialog) == DISK_FULL
        assert app.screen is dialog
        assert dialog.query_one("#consent", Checkbox).value
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        await quit_app(pilot)
    assert stored_drafts(db_path, clock, bank, written.kartlaggning_id).current.signed


async def test_signing_waits_for_the_read_back(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.GRANSKAD)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(pilot, NAME)
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is review
        message = plain(review.query_one("#review-message", Static))
        assert message == "Läs igenom texten med deltagaren först (F4). Sedan kan ni skriva under."
        await quit_app(pilot)


async def test_an_edit_after_signing_makes_version_two(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.UNDERTECKNAD)
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        review = await open_review(pilot, NAME)
        assert status(review).startswith("Version 1 · undertecknad")
        await pilot.press("f2")
        dialog = await wait_for_screen(pilot, SectionsScreen)
        await pilot.pause()
        note = plain(dialog.query_one("#sections-note", Static))
        assert note == "Version 1 är underskriven och ändras inte. Det du sparar blir version 2."
        dialog.query_one("#assessment", TextArea).text = "Bedömning, andra versionen."
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert status(review).startswith("Version 2 · utkast")
        assert "Sparat som version 2 (utkast). Version 1 är underskriven och ändras inte." in notices(
            messages
        )
        await quit_app(pilot)
    on_disk = stored_drafts(db_path, clock, bank, written.kartlaggning_id)
    first, second = on_disk.versions
    assert first.status is DraftStatus.UNDERTECKNAD
    assert first.sections.assessment == "Bedömning."
    assert on_disk.verify(first)
    assert second.version == 2
    assert second.status is DraftStatus.UTKAST
    assert second.sections.assessment == "Bedömning, andra versionen."
