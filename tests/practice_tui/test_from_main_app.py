"""Språkcafé from the main app: F9 on the participants list opens it, F10 goes back to the list."""

from __future__ import annotations

from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.screens.practice import PracticeScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import quit_app, settle, wait_for_screen, wait_until


async def test_f9_opens_practice_and_f10_returns_to_the_participants(build_app: AppFactory) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        participants = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        await pilot.press("f9")
        practice = await wait_for_screen(pilot, PracticeScreen)
        await settle(pilot)
        assert practice.session.deck().cards
        assert "Fråga 1 av" in str(practice.query_one("#card-heading").render())

        await pilot.press("f8", "f10")
        await wait_until(pilot, lambda: app.screen is participants, "the participants list")
        assert app.is_running
        assert isinstance(app.screen, ParticipantsScreen)
        assert practice.session.drafts == {}

        await pilot.press("f9")
        again = await wait_for_screen(pilot, PracticeScreen)
        assert again is not practice
        await pilot.press("f10")
        await wait_until(pilot, lambda: app.screen is participants, "the participants list again")
        assert app.is_running
        await quit_app(pilot)
