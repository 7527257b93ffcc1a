"""A 1 MB paste into the answer box: refused with a Swedish message, kept in the box, never a crash."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import TextArea

from interview.clock import ManualClock
from interview.engine import MAX_ANSWER_CHARS
from interview.tui.screens.interview import InterviewScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    add_participant_directly,
    fake_number,
    notices,
    open_participant,
    quit_app,
    saved_answer_ids,
    settle,
    start_session,
    stored_kartlaggning,
)

MEGABYTE = 1024 * 1024
LINE = "Jag har arbetat i ett kök i tre år och trivdes bra med kollegorna där.\n"


async def test_a_one_megabyte_paste_is_refused_with_a_message_and_nothing_is_lost(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    pasted = (LINE * (MEGABYTE // len(LINE) + 1))[:MEGABYTE]
    assert len(pasted.encode("utf-8")) > MEGABYTE > MAX_ANSWER_CHARS
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", fake_number("19850312"))
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        box = screen.query_one("#answer", TextArea)
        box.focus()
        app.post_message(events.Paste(pasted))  # as the terminal driver delivers a paste
        await settle(pilot)
        assert box.text == pasted  # the paste arrived whole
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, InterviewScreen)
        too_long = [notice for notice in notices(messages) if "Svaret är för långt" in notice]
        assert too_long, notices(messages)
        assert "Dela upp det i flera svar" in too_long[0]
        assert box.text == pasted  # nothing typed is lost: the text waits in the box
        assert saved_answer_ids(messages) == []

        # the caseworker keeps the first part, and that saves
        box.text = pasted[: MAX_ANSWER_CHARS // 2]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(saved_answer_ids(messages)) == 1
        await quit_app(pilot)

    [stored] = stored_kartlaggning(db_path, participant.id).exchanges
    assert stored.answer == pasted[: MAX_ANSWER_CHARS // 2]
