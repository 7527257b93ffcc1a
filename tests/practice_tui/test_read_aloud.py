"""Reading aloud: F3 normal, F4 slow, Ctrl+S the learner's own text; without espeak-ng practice goes on.

The speaker is always a fake here: nothing reaches the sound card.
"""

from __future__ import annotations

from interview.practice.speech import INSTALL_HINT, Speaker, Speed
from interview.tui.screens.practice import PracticeScreen
from tests.practice_tui.conftest import PracticeFactory
from tests.practice_tui.helpers import (
    BrokenSpeaker,
    RecordingSpeaker,
    box,
    front,
    notices,
    open_practice,
    settle,
    type_in_box,
)

SIZE = (80, 24)


async def test_f3_reads_the_card_at_normal_speed_and_f4_slowly(
    build_practice: PracticeFactory, recorder: RecordingSpeaker
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f8")
        card = screen.session.card
        assert card is not None
        await pilot.press("f3")
        await settle(pilot)
        assert recorder.calls == [(card.swedish, Speed.NORMAL)]
        await pilot.press("f4")
        await settle(pilot)
        assert recorder.calls == [(card.swedish, Speed.NORMAL), (card.swedish, Speed.SLOW)]


async def test_a_word_is_read_with_its_example(
    build_practice: PracticeFactory, recorder: RecordingSpeaker
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("3", "f3")
        await settle(pilot)
        card = screen.session.card
        assert card is not None
        assert card.example
        assert recorder.calls == [(f"{card.swedish}. {card.example}", Speed.NORMAL)]


async def test_f3_in_the_box_reads_the_card(
    build_practice: PracticeFactory, recorder: RecordingSpeaker
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await type_in_box(pilot, screen, "hej")
        await pilot.press("f4")
        await settle(pilot)
        card = screen.session.card
        assert card is not None
        assert recorder.calls == [(card.swedish, Speed.SLOW)]
        assert box(screen).text == "hej"


async def test_ctrl_s_in_the_box_reads_the_typed_text(
    build_practice: PracticeFactory, recorder: RecordingSpeaker
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await type_in_box(pilot, screen, "Jag heter Amina")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert recorder.calls == [("Jag heter Amina", Speed.NORMAL)]
        assert box(screen).text == "Jag heter Amina", "reading aloud leaves the text in the box"


async def test_ctrl_s_in_an_empty_box_says_nothing(
    build_practice: PracticeFactory, recorder: RecordingSpeaker
) -> None:
    app = build_practice()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(pilot)
        await type_in_box(pilot, screen, "  ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert recorder.calls == []


async def test_without_espeak_ng_f3_warns_and_practice_goes_on(build_practice: PracticeFactory) -> None:
    messages: list[object] = []
    app = build_practice(speaker=Speaker(None))
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f3")
        await settle(pilot)
        warnings = notices(messages, "warning")
        assert warnings == [INSTALL_HINT]
        assert "espeak-ng" in warnings[0]
        assert app.is_running
        assert front(pilot) is screen
        assert isinstance(front(pilot), PracticeScreen)
        await pilot.press("f8")
        assert screen.session.index == 1


async def test_a_speaker_that_fails_warns_and_practice_goes_on(build_practice: PracticeFactory) -> None:
    messages: list[object] = []
    broken = BrokenSpeaker()
    app = build_practice(speaker=broken)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        screen = await open_practice(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert len(broken.calls) == 1
        assert any("Övningen fortsätter" in text for text in notices(messages, "warning"))
        assert app.is_running
        assert front(pilot) is screen
