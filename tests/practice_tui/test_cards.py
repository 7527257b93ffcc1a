"""Moving through the cards: F7/F8 and the arrows one card, PageUp/PageDown one area, 1–5 the tabs."""

from __future__ import annotations

import pytest
from textual.widgets import ContentSwitcher, Tabs

from interview.practice.deck import DeckKind
from tests.practice_tui.conftest import PracticeFactory
from tests.practice_tui.helpers import (
    box,
    deck_kind,
    open_practice,
    place,
    type_in_box,
)

SMALL = (80, 24)
LARGE = (160, 48)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
async def test_f8_f7_and_the_arrows_move_one_card_and_the_place_follows(
    build_practice: PracticeFactory, size: tuple[int, int]
) -> None:
    app = build_practice()
    async with app.run_test(size=size) as pilot:
        screen = await open_practice(pilot)
        count = len(screen.session.deck().cards)
        assert count > 3
        assert f"Fråga 1 av {count}" in place(screen)

        await pilot.press("f8")
        assert f"Fråga 2 av {count}" in place(screen)
        await pilot.press("right")
        assert f"Fråga 3 av {count}" in place(screen)
        assert screen.session.index == 2
        await pilot.press("f7")
        assert f"Fråga 2 av {count}" in place(screen)
        await pilot.press("left")
        assert f"Fråga 1 av {count}" in place(screen)
        assert screen.session.card is not None
        swedish = screen.session.card.swedish
        assert swedish == screen.session.deck().cards[0].swedish


async def test_moving_stops_at_both_ends(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_practice(pilot)
        count = len(screen.session.deck().cards)
        await pilot.press("f7", "left")
        assert f"Fråga 1 av {count}" in place(screen)
        screen.session.go(count - 1)
        screen.show_card()
        await pilot.press("f8", "right")
        assert f"Fråga {count} av {count}" in place(screen)


def _first_of_next_area(headings: list[str], index: int) -> int:
    current = headings[index]
    while index < len(headings) and headings[index] == current:
        index += 1
    return index


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
async def test_pagedown_and_pageup_go_to_the_next_and_previous_area(
    build_practice: PracticeFactory, size: tuple[int, int]
) -> None:
    app = build_practice()
    async with app.run_test(size=size) as pilot:
        screen = await open_practice(pilot)
        headings = [card.heading for card in screen.session.deck().cards]
        second_area = _first_of_next_area(headings, 0)
        third_area = _first_of_next_area(headings, second_area)
        count = len(headings)

        await pilot.press("pagedown")
        assert screen.session.index == second_area, "PageDown goes to the first card of the next area"
        assert place(screen).startswith(headings[second_area])
        assert f"Fråga {second_area + 1} av {count}" in place(screen)
        await pilot.press("pagedown")
        assert screen.session.index == third_area
        await pilot.press("pageup")
        assert screen.session.index == second_area
        await pilot.press("pageup")
        assert screen.session.index == 0


async def test_the_number_keys_open_the_tabs_each_keeping_its_own_place(
    build_practice: PracticeFactory,
) -> None:
    app = build_practice()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f8", "f8")
        expected = {
            "2": ("Mening 1 av", DeckKind.STARTERS),
            "3": ("Ord 1 av", DeckKind.WORDS),
            "4": ("Fråga 1 av", DeckKind.INTERVIEW),
        }
        for key, (words, kind) in expected.items():
            await pilot.press(key)
            assert deck_kind(screen) is kind
            assert screen.query_one(Tabs).active == kind.value
            assert words in place(screen)
        await pilot.press("5")
        assert screen.query_one(ContentSwitcher).current == "timer"
        await pilot.press("1")
        assert screen.query_one(ContentSwitcher).current == "deck"
        assert deck_kind(screen) is DeckKind.QUESTIONS
        assert "Fråga 3 av" in place(screen)


async def test_keys_typed_in_the_box_are_text_not_commands(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_practice(pilot)
        await type_in_box(pilot, screen, "r 2 + - 5")
        assert box(screen).text == "r 2 + - 5"
        assert deck_kind(screen) is DeckKind.QUESTIONS
        assert screen.query_one(ContentSwitcher).current == "deck"
        assert screen.session.timer.minutes_each == 3
        assert not screen.session.timer.running
