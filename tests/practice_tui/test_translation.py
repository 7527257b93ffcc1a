"""The translation is hidden until F2; the language is chosen in a picker; the card and text stay."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from interview.practice.deck import DeckKind
from interview.tui.screens.practice import LanguagePicker, PracticeScreen
from tests.practice_tui.conftest import PracticeFactory
from tests.practice_tui.helpers import (
    box,
    choose_language,
    deck_kind,
    front,
    has_arabic,
    open_practice,
    place,
    plain,
    rendered,
    type_in_box,
)

SIZE = (80, 24)
HIDDEN = "Översättningen är dold"
DRAFT_STATUS = "utkast, inte granskat"


async def translation_shown(pilot: Pilot[Any], screen: PracticeScreen) -> str:
    """What the translation area draws."""
    return await rendered(pilot, screen.query_one("#card-translation", Static))


async def test_f2_without_a_language_opens_the_picker_and_arabic_shows_with_its_status(
    build_practice: PracticeFactory,
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        assert HIDDEN in plain(screen.query_one("#card-translation", Static))
        assert not has_arabic(await translation_shown(pilot, screen))

        await pilot.press("f2")
        assert isinstance(front(pilot), LanguagePicker)
        await choose_language(pilot, "arabiska")

        assert front(pilot) is screen
        assert screen.session.language_tag == "ar"
        assert screen.session.show_translation
        card = screen.session.card
        assert card is not None
        assert card.translation
        assert has_arabic(card.translation)
        shown = await translation_shown(pilot, screen)
        assert "Arabiska" in shown
        assert DRAFT_STATUS in shown
        assert has_arabic(shown)
        assert HIDDEN not in shown

        await pilot.press("f2")
        assert not screen.session.show_translation
        assert isinstance(front(pilot), PracticeScreen)
        shown = await translation_shown(pilot, screen)
        assert HIDDEN in shown
        assert not has_arabic(shown)
        assert DRAFT_STATUS not in shown

        await pilot.press("f2")
        assert front(pilot) is screen, "with a language chosen, F2 only shows the translation"
        assert has_arabic(await translation_shown(pilot, screen))


async def test_a_language_given_at_start_shows_at_once_with_f2(build_practice: PracticeFactory) -> None:
    app = build_practice(language="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        assert HIDDEN in await translation_shown(pilot, screen)
        await pilot.press("f2")
        assert front(pilot) is screen
        card = screen.session.card
        assert card is not None
        assert card.translation
        shown = await translation_shown(pilot, screen)
        assert "Engelska" in shown
        assert card.translation.split()[0] in shown


async def test_escape_in_the_picker_keeps_the_translation_hidden(
    build_practice: PracticeFactory,
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f2")
        assert isinstance(front(pilot), LanguagePicker)
        await pilot.press("escape")
        assert front(pilot) is screen
        assert screen.session.language_tag is None
        assert not screen.session.show_translation
        assert HIDDEN in await translation_shown(pilot, screen)


async def test_no_translation_in_the_picker_hides_it_again(build_practice: PracticeFactory) -> None:
    app = build_practice(language="ar")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f2")
        assert has_arabic(await translation_shown(pilot, screen))
        await pilot.press("f6")
        await choose_language(pilot, "ingen översättning")
        assert screen.session.language_tag is None
        assert not screen.session.show_translation
        assert HIDDEN in await translation_shown(pilot, screen)


async def test_switching_language_mid_practice_keeps_the_card_and_the_typed_text(
    build_practice: PracticeFactory,
) -> None:
    app = build_practice(language="ar")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f8", "f8")
        before = place(screen)
        assert "Fråga 3 av" in before
        card_id = screen.session.card.id if screen.session.card else ""
        await type_in_box(pilot, screen, "Jag mår bra")

        await pilot.press("f6")
        assert isinstance(front(pilot), LanguagePicker)
        await choose_language(pilot, "ukrainska")
        await pilot.pause()

        assert front(pilot) is screen
        assert screen.session.language_tag == "uk"
        assert screen.session.show_translation
        assert place(screen) == before
        assert screen.session.card is not None
        assert screen.session.card.id == card_id
        assert box(screen).text == "Jag mår bra"
        assert screen.session.drafts == {card_id: "Jag mår bra"}
        shown = await translation_shown(pilot, screen)
        assert "Ukrainska" in shown
        assert not has_arabic(shown)
        assert screen.session.card.translation
        assert screen.session.card.translation.split()[0] in shown


async def test_a_word_shows_its_example_and_both_translations(build_practice: PracticeFactory) -> None:
    app = build_practice(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("3", "f2")
        assert deck_kind(screen) is DeckKind.WORDS
        card = screen.session.card
        assert card is not None
        assert card.example
        assert card.translation
        assert card.example_translation
        assert plain(screen.query_one("#card-swedish", Static)) == card.swedish
        assert plain(screen.query_one("#card-example", Static)) == card.example
        shown = await translation_shown(pilot, screen)
        assert card.translation in shown
        assert card.example_translation in shown
