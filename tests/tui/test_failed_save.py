"""A save that fails loses nothing: the text goes back into the box and the user is told why."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from interview.clock import ManualClock
from interview.engine import Interview
from interview.store import StoreError
from interview.tui.screens.interview import InterviewScreen
from interview.tui.widgets.chat import AnswerBubble
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    add_participant_directly,
    notices,
    open_participant,
    settle,
    start_session,
    stored_kartlaggning,
)

DISK_FULL = "Disken är full. Inget nytt kunde sparas; det som redan är sparat finns kvar."


async def test_a_failed_save_puts_the_answer_back_and_says_why(
    build_app: AppFactory, db_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    participant = add_participant_directly(db_path, clock, "Frida Fullsdisk")
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await open_participant(pilot)
        await start_session(pilot)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)

        def full(self: Interview, text: str) -> object:
            raise StoreError(DISK_FULL)

        monkeypatch.setattr(Interview, "answer", full)
        box = screen.query_one("#answer", TextArea)
        box.text = "Jag har jobbat i tio år i ett bageri."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert box.text == "Jag har jobbat i tio år i ett bageri."
        assert list(screen.query(AnswerBubble)) == []
        assert DISK_FULL in notices(messages)
        assert box.border_subtitle == "Ctrl+S sparar"
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # the disk has room again: the same text is saved
        await settle(pilot)
        assert [bubble.text for bubble in screen.query(AnswerBubble)] == [
            "Jag har jobbat i tio år i ett bageri."
        ]
        assert box.text == ""
        await pilot.press("ctrl+q")
    record = stored_kartlaggning(db_path, participant.id)
    assert [exchange.answer for exchange in record.exchanges] == [
        "Jag har jobbat i tio år i ett bageri."
    ]
