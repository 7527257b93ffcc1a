"""Keys typed faster than the disk writes still act in the order they were typed.

A fast typist (or a paste followed by Ctrl+S and F3) must never save half an answer, glue two answers
together, or tag the answer before the one just saved. The keys are posted all at once, the way a
terminal delivers a burst, before the app has handled any of them.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import TextArea

from interview.clock import ManualClock
from interview.records import Tag
from interview.tui.screens.interview import InterviewScreen
from interview.tui.widgets.chat import AnswerBubble
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    add_participant_directly,
    open_participant,
    settle,
    start_session,
    stored_kartlaggning,
)

ANSWERS = [
    ("Jag mår bra i dag.", "f3", Tag.RESURS),
    ("Jag vill jobba i en butik.", "f2", Tag.HINDER),
    ("Jag har bott i Umeå i tre år.", "f4", Tag.FAKTA),
]


def burst(text: str) -> list[events.Key]:
    """The key events a terminal sends for ``text``."""
    return [events.Key(" " if char == " " else char, char) for char in text]


async def test_a_burst_of_answers_ctrl_s_and_tags_is_saved_in_typing_order(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Tova Skrivsnabb")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_participant(pilot)
        await start_session(pilot)
        await settle(pilot)
        keys: list[events.Key] = []
        for text, tag_key, _tag in ANSWERS:
            keys += burst(text)
            keys += [events.Key("ctrl+s", None), events.Key(tag_key, None)]
        for key in keys:  # all posted before any is handled
            app.post_message(key)
        for _ in range(100):
            await settle(pilot)
            if len(stored_ids(app)) == len(ANSWERS):
                break
        await pilot.press("ctrl+q")
    record = stored_kartlaggning(db_path, participant.id)
    answered = [(exchange.answer, exchange.tag) for exchange in record.exchanges if not exchange.skipped]
    assert answered == [(text, tag) for text, _key, tag in ANSWERS]


def stored_ids(app: object) -> list[str]:
    """The answers the interview holds in memory (saved ones only)."""
    screen = getattr(app, "screen", None)
    interview = getattr(screen, "interview", None)
    if interview is None:
        return []
    return [exchange.id for exchange in interview.exchanges if exchange.tags]


async def test_clicking_an_earlier_answer_selects_it_for_tagging(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Mira Musklick")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_participant(pilot)
        await start_session(pilot)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        for text in ("Första svaret.", "Andra svaret."):
            screen.query_one("#answer", TextArea).text = text
            await pilot.press("ctrl+s")
            await settle(pilot)
        first = next(bubble for bubble in screen.query(AnswerBubble) if bubble.text == "Första svaret.")
        await pilot.click(first)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+q")
    record = stored_kartlaggning(db_path, participant.id)
    tags = {exchange.answer: exchange.tag for exchange in record.exchanges}
    assert tags == {"Första svaret.": Tag.HINDER, "Andra svaret.": None}
