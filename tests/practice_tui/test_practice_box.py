"""The practice box: what is typed belongs to its card, stays in memory, and a starter goes into it."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from interview.practice.deck import DeckKind
from tests.practice_tui.conftest import PracticeFactory
from tests.practice_tui.helpers import (
    box,
    deck_kind,
    focused,
    open_practice,
    place,
    type_in_box,
    type_text,
)

SMALL = (80, 24)
LARGE = (160, 48)


async def test_drafts_belong_to_their_card(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_practice(pilot)
        first = screen.session.deck().cards[0].id
        second = screen.session.deck().cards[1].id
        await type_in_box(pilot, screen, "Den var bra")
        await pilot.press("f8")
        assert "Fråga 2 av" in place(screen)
        assert box(screen).text == ""
        assert focused(pilot) is box(screen), "F8 in the box moves the card and keeps the box in focus"
        await type_text(pilot, "Jag har frågor")
        await pilot.press("f7")
        assert "Fråga 1 av" in place(screen)
        assert box(screen).text == "Den var bra"
        await pilot.press("f8")
        assert box(screen).text == "Jag har frågor"
        await pilot.press("f8")
        assert box(screen).text == ""
        assert screen.session.drafts == {first: "Den var bra", second: "Jag har frågor"}


async def test_drafts_survive_a_trip_to_another_tab(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_practice(pilot)
        await type_in_box(pilot, screen, "Min dag")
        await pilot.press("escape")
        assert focused(pilot) is not box(screen)
        await pilot.press("2")
        assert deck_kind(screen) is DeckKind.STARTERS
        assert box(screen).text == ""
        await pilot.press("5", "1")
        assert deck_kind(screen) is DeckKind.QUESTIONS
        assert box(screen).text == "Min dag"


async def test_emptying_the_box_forgets_the_draft(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_practice(pilot)
        await type_in_box(pilot, screen, "ab")
        await pilot.press("backspace", "backspace", "f8")
        assert screen.session.drafts == {}


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["160x48", "80x24"])
async def test_tab_goes_to_the_box_and_escape_comes_back_to_the_cards(
    build_practice: PracticeFactory, size: tuple[int, int]
) -> None:
    """As the README says: Tab goes to the box, Esc comes back, and ← → move between cards again."""
    app = build_practice()
    async with app.run_test(size=size) as pilot:
        screen = await open_practice(pilot)
        card = screen.session.card
        assert card is not None
        await pilot.press("tab")
        assert focused(pilot) is box(screen), "Tab goes to the box"
        await type_text(pilot, "Hej")
        await pilot.press("escape")
        assert focused(pilot) is not box(screen)
        assert screen.session.drafts == {card.id: "Hej"}
        await pilot.press("right")
        assert deck_kind(screen) is DeckKind.QUESTIONS
        assert "Fråga 2 av" in place(screen)


@pytest.mark.parametrize("size", [LARGE, SMALL], ids=["160x48", "80x24"])
async def test_enter_on_a_sentence_starter_puts_it_in_the_box(
    build_practice: PracticeFactory, size: tuple[int, int]
) -> None:
    """At 80×24 the card list is hidden; Enter on the starter in front should still work there."""
    app = build_practice()
    async with app.run_test(size=size) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("2", "f8")
        assert deck_kind(screen) is DeckKind.STARTERS
        card = screen.session.card
        assert card is not None
        assert "Mening 2 av" in place(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert box(screen).text == card.swedish, "Enter puts the starter in front into the box"
        assert focused(pilot) is box(screen)
        assert box(screen).cursor_location == box(screen).document.end
        await type_text(pilot, " svetsa")
        assert box(screen).text == card.swedish + " svetsa"


async def test_enter_on_a_starter_keeps_what_is_already_typed(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=LARGE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("2")
        await type_in_box(pilot, screen, "Egen mening")
        await pilot.press("escape")
        assert focused(pilot) is screen.query_one("#card-list", OptionList)
        await pilot.press("enter")
        await pilot.pause()
        assert box(screen).text == "Egen mening"
        assert focused(pilot) is box(screen)


async def test_enter_on_a_question_only_goes_to_the_box(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=LARGE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert box(screen).text == ""
        assert focused(pilot) is box(screen)
