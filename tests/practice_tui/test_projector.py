"""F5: the card in big type for a group; Esc (or F5) goes back to the practice where it was."""

from __future__ import annotations

from textual.widgets import Digits, Static

from interview.practice.speech import Speed
from interview.tui.screens.projector import ProjectorScreen
from tests.practice_tui.conftest import PracticeFactory
from tests.practice_tui.helpers import (
    FakeMonotonic,
    RecordingSpeaker,
    box,
    front,
    has_arabic,
    notices,
    open_practice,
    place,
    plain,
    rendered,
    settle,
    type_in_box,
)
from tests.tui.helpers import wait_until

SIZE = (160, 48)


async def test_f5_opens_the_projector_and_escape_returns(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f8")
        card = screen.session.card
        assert card is not None
        await pilot.press("f5")
        assert isinstance(front(pilot), ProjectorScreen)
        projector = front(pilot)
        assert plain(projector.query_one("#projector-card #card-swedish", Static)) == card.swedish
        assert "Fråga 2 av" in plain(projector.query_one("#projector-card #card-heading", Static))
        assert not projector.query_one("#projector-card #card-translation", Static).display
        assert not projector.query_one("#projector-digits", Digits).display
        await pilot.press("escape")
        assert front(pilot) is screen
        assert "Fråga 2 av" in place(screen)
        await pilot.press("f5", "f5")
        assert front(pilot) is screen


async def test_moving_in_the_projector_moves_the_practice_and_keeps_drafts(
    build_practice: PracticeFactory,
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await type_in_box(pilot, screen, "Bra")
        await pilot.press("f5")
        assert isinstance(front(pilot), ProjectorScreen)
        await pilot.press("right", "f8", "left")
        assert "Fråga 2 av" in plain(front(pilot).query_one("#projector-card #card-heading", Static))
        await pilot.press("escape")
        assert front(pilot) is screen
        assert "Fråga 2 av" in place(screen)
        assert box(screen).text == ""
        await pilot.press("f7")
        assert box(screen).text == "Bra"


async def test_the_projector_translates_reads_and_times(
    build_practice: PracticeFactory, monotonic: FakeMonotonic, recorder: RecordingSpeaker
) -> None:
    app = build_practice(language="ar")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f5")
        projector = front(pilot)
        assert isinstance(projector, ProjectorScreen)
        translation = projector.query_one("#projector-card #card-translation", Static)
        await pilot.press("f2")
        assert translation.display
        shown = await rendered(pilot, translation)
        assert has_arabic(shown)
        assert "utkast, inte granskat" in shown

        await pilot.press("f3")
        await settle(pilot)
        card = screen.session.card
        assert card is not None
        assert recorder.calls == [(card.swedish, Speed.NORMAL)]

        await pilot.press("space")
        monotonic.advance(65)
        digits = projector.query_one("#projector-digits", Digits)
        await wait_until(pilot, lambda: digits.value == "1:55", "1:55 left")
        assert digits.display
        assert plain(projector.query_one("#projector-turn", Static)) == "Person 1 pratar"

        await pilot.press("escape")
        assert front(pilot) is screen
        assert screen.session.timer.running
        assert screen.session.show_translation


async def test_f2_in_the_projector_without_a_language_says_how(build_practice: PracticeFactory) -> None:
    messages: list[object] = []
    app = build_practice()
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await open_practice(pilot)
        await pilot.press("f5", "f2")
        assert isinstance(front(pilot), ProjectorScreen)
        assert "Välj ett språk först (F6 i övningen)." in notices(messages)
