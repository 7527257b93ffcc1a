"""The pair timer on tab 5: space starts and pauses, R resets, + and − change minutes before starting."""

from __future__ import annotations

from textual.widgets import Digits, Static

from interview.tui.screens.practice import PracticeScreen
from interview.tui.screens.projector import ProjectorScreen
from tests.practice_tui.conftest import PracticeFactory
from tests.practice_tui.helpers import FakeMonotonic, notices, open_practice, plain
from tests.tui.helpers import wait_for_screen, wait_until

SIZE = (80, 24)
TICK = 0.3
"""A little more than the screen's redraw interval (0.25 s)."""


def turn(screen: PracticeScreen) -> str:
    return plain(screen.query_one("#timer-turn", Static))


def projector_turn(screen: ProjectorScreen) -> str:
    return plain(screen.query_one("#projector-turn", Static))


def digits(screen: PracticeScreen) -> str:
    return screen.query_one("#timer-digits", Digits).value


async def test_space_starts_and_the_turn_changes_after_three_minutes(
    build_practice: PracticeFactory, monotonic: FakeMonotonic
) -> None:
    messages: list[object] = []
    app = build_practice()
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("5")
        assert turn(screen) == "Prata två och två: 3 minuter var. Person 1 börjar."
        assert digits(screen) == "3:00"

        await pilot.press("space")
        assert turn(screen) == "Person 1 pratar"
        monotonic.advance(42)
        await wait_until(pilot, lambda: digits(screen) == "2:18", "2:18 left")
        assert turn(screen) == "Person 1 pratar"

        monotonic.advance(181 - 42)
        await wait_until(pilot, lambda: turn(screen) == "Person 2 pratar", "person 2's turn")
        assert digits(screen) == "2:59"
        assert "Byt! Nu pratar person 2." in notices(messages)

        monotonic.advance(200)
        await wait_until(pilot, lambda: "Klart" in turn(screen), "the end")
        assert digits(screen) == "0:00"
        assert "Klart! Båda har pratat." in notices(messages)


async def test_space_pauses_and_the_clock_stands_still(
    build_practice: PracticeFactory, monotonic: FakeMonotonic
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("5", "space")
        monotonic.advance(10)
        await pilot.press("space")
        assert turn(screen) == "Person 1 pratar – pausad"
        assert digits(screen) == "2:50"
        monotonic.advance(100)
        await pilot.pause(TICK)
        assert digits(screen) == "2:50"
        await pilot.press("space")
        monotonic.advance(5)
        await wait_until(pilot, lambda: digits(screen) == "2:45", "2:45 left")


async def test_r_resets(build_practice: PracticeFactory, monotonic: FakeMonotonic) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("5", "space")
        monotonic.advance(200)
        await wait_until(pilot, lambda: turn(screen) == "Person 2 pratar", "person 2's turn")
        await pilot.press("r")
        assert turn(screen) == "Prata två och två: 3 minuter var. Person 1 börjar."
        assert digits(screen) == "3:00"
        assert not screen.session.timer.running
        monotonic.advance(50)
        await pilot.pause(TICK)
        assert digits(screen) == "3:00"


async def test_plus_and_minus_change_the_minutes_only_before_starting(
    build_practice: PracticeFactory, monotonic: FakeMonotonic
) -> None:
    messages: list[object] = []
    app = build_practice()
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("5", "plus", "plus")
        assert turn(screen) == "Prata två och två: 5 minuter var. Person 1 börjar."
        assert digits(screen) == "5:00"
        await pilot.press("minus", "minus", "minus")
        assert digits(screen) == "2:00"
        assert screen.session.timer.minutes_each == 2

        await pilot.press("space")
        monotonic.advance(1)
        await pilot.press("plus")
        assert screen.session.timer.minutes_each == 2
        await pilot.press("minus")
        assert screen.session.timer.minutes_each == 2
        assert "Börja om (R) för att ändra minuterna." in notices(messages)

        await pilot.press("r", "plus")
        assert screen.session.timer.minutes_each == 3
        assert digits(screen) == "3:00"


async def test_the_timer_keys_do_nothing_on_the_cards(
    build_practice: PracticeFactory, monotonic: FakeMonotonic
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("space", "plus", "r")
        assert not screen.session.timer.running
        assert screen.session.timer.minutes_each == 3


async def test_the_turn_change_is_announced_on_the_cards_and_in_the_projector(
    build_practice: PracticeFactory, monotonic: FakeMonotonic
) -> None:
    messages: list[object] = []
    app = build_practice()
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await open_practice(pilot)
        await pilot.press("5", "space", "1")
        assert notices(messages) == []
        monotonic.advance(181)
        await wait_until(
            pilot, lambda: "Byt! Nu pratar person 2." in notices(messages), "the turn change notice"
        )
        assert notices(messages).count("Byt! Nu pratar person 2.") == 1

        await pilot.press("f5")
        projector = await wait_for_screen(pilot, ProjectorScreen)
        await wait_until(
            pilot, lambda: projector_turn(projector) == "Person 2 pratar", "person 2 in the projector"
        )
        monotonic.advance(200)
        await wait_until(
            pilot,
            lambda: projector_turn(projector) == "Klart! Båda har pratat.",
            "the end in the projector",
        )
        await wait_until(pilot, lambda: "Klart! Båda har pratat." in notices(messages), "the end notice")
        assert projector.query_one("#projector-digits", Digits).value == "0:00"
        assert notices(messages).count("Klart! Båda har pratat.") == 1
