"""Shared-screen privacy: the curtain blanks everything at once and loses nothing; the personnummer is
shown whole only on request and hidden again as soon as the overview is left."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Input, Static, TextArea

from interview.clock import ManualClock
from interview.tui.screens.curtain import CurtainScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.lock import LockScreen
from interview.tui.screens.overview import OverviewScreen
from interview.tui.screens.session_start import SessionStartScreen
from interview.tui.widgets.form import ErrorLine
from tests.keys import TEST_KEY
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    add_participant_directly,
    fake_number,
    open_participant,
    plain,
    quit_app,
    settle,
    start_session,
    stored_kartlaggning,
    type_text,
    wait_for_screen,
)

NAME = "Nadia Påhittad"
NUMBER = fake_number("19880517")
TYPED = "Jag har ont i ryggen"


def screen_text(app: App[None]) -> str:
    """Every character the terminal shows now, line by line (what a person in the room would see)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def test_the_curtain_hides_everything_at_once_and_keeps_what_was_typed(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await type_text(pilot, TYPED)
        app.notify(f"{NAME} har en notis")  # a notification with personal text is cleared too
        await pilot.pause()
        before = screen_text(app)
        assert NAME in before and TYPED in before  # what the curtain must hide is on screen now
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, CurtainScreen)
        shown = screen_text(app)
        for secret in (NAME, NUMBER[:8], TYPED, "Deltagarens svar"):
            assert secret not in shown, secret
        assert "Skärmen är dold" in shown
        await pilot.press("enter")
        await wait_for_screen(pilot, InterviewScreen)
        assert screen.query_one("#answer", TextArea).text == TYPED
        await pilot.press("ctrl+s")
        await settle(pilot)
        await quit_app(pilot)
    assert [e.answer for e in stored_kartlaggning(db_path, participant.id).exchanges] == [TYPED]


async def test_the_personnummer_is_revealed_on_request_and_masked_on_leaving(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        overview = await open_participant(pilot)
        person = overview.query_one("#person", Static)
        assert NUMBER not in plain(person) and f"{NUMBER[:8]}-****" in plain(person)
        await pilot.press("p")
        await pilot.pause()
        assert NUMBER in plain(person)
        await pilot.press("enter")  # the session start dialog covers the overview
        await wait_for_screen(pilot, SessionStartScreen)
        assert NUMBER not in plain(person)
        await pilot.press("escape")
        await wait_for_screen(pilot, OverviewScreen)
        assert NUMBER not in plain(person)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+o")  # the curtain masks it again as well
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_screen(pilot, OverviewScreen)
        assert NUMBER not in plain(person)
        await quit_app(pilot)


async def test_the_idle_lock_needs_the_passphrase_and_keeps_what_was_typed(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await type_text(pilot, TYPED)
        app.lock_if_idle()  # just typed: nothing happens
        assert isinstance(app.screen, InterviewScreen)
        app.lock_if_idle(now=app.last_input + app.idle_lock_minutes * 60 + 1)
        await pilot.pause()
        lock = app.screen
        assert isinstance(lock, LockScreen)
        shown = screen_text(app)
        assert NAME not in shown and TYPED not in shown and "Låst efter 10 minuter" in shown
        lock.query_one("#unlock", Input).value = "fel lösenfras"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert "stämmer inte" in plain(lock.query_one(ErrorLine))
        lock.query_one("#unlock", Input).value = TEST_KEY
        await pilot.press("enter")
        await wait_for_screen(pilot, InterviewScreen)
        assert screen.query_one("#answer", TextArea).text == TYPED
        await pilot.press("ctrl+s")
        await settle(pilot)
        await quit_app(pilot)
    assert [e.answer for e in stored_kartlaggning(db_path, participant.id).exchanges] == [TYPED]


async def test_copied_text_stays_in_the_app_and_is_forgotten_behind_the_curtain(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await type_text(pilot, TYPED)
        assert app._driver is not None
        sent: list[str] = []
        write = app._driver.write

        def recording(data: str) -> None:
            sent.append(data)
            write(data)

        app._driver.write = recording  # type: ignore[method-assign]
        box = screen.query_one("#answer", TextArea)
        box.select_all()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == TYPED  # copy works inside the app …
        assert not any("\x1b]52;" in data for data in sent)  # … but never reaches the terminal's
        box.text = ""
        await pilot.press("ctrl+v")
        await pilot.pause()
        assert box.text == TYPED  # and pasting within the app still works
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.clipboard == ""  # covered: nothing copied is kept
        await pilot.press("enter")
        await wait_for_screen(pilot, InterviewScreen)
        await quit_app(pilot)
