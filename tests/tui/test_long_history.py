"""A long kartläggning: the chat draws the latest part, lets go of the oldest, shows all on request."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from interview.banks.models import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.tui.screens.interview import HISTORY_SHOWN, MAX_BUBBLES, InterviewScreen
from interview.tui.widgets.chat import AnswerBubble, ChatLog
from storage import Repository
from tests.keys import TEST_KEY
from tests.tui.conftest import AppFactory
from tests.tui.helpers import CASEWORKER, add_participant_directly, open_participant, settle

ANSWERS = 70


def write_history(db_path: Path, clock: ManualClock, bank: Bank) -> None:
    """A participant with ``ANSWERS`` answers and an open session (written before the app runs)."""
    participant = add_participant_directly(db_path, clock, "Lena Långsamtal")
    with Repository.open(db_path, key=TEST_KEY) as repo:
        interview = Interview.begin(bank, participant, repo, clock, CASEWORKER)
        interview.start_session(CASEWORKER)
        for number in range(ANSWERS):
            if interview.current is None:
                interview.ask_own(f"Kan du berätta mer, del {number}?")
            clock.advance(seconds=30)
            interview.answer(f"Svar nummer {number}.")


async def test_the_chat_draws_the_latest_part_and_everything_on_request(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_history(db_path, clock, bank)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_participant(pilot)
        await pilot.press("enter")  # the open session continues directly
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        chat = screen.query_one(ChatLog)
        drawn = [bubble.text for bubble in chat.query(AnswerBubble)]
        assert drawn == [f"Svar nummer {n}." for n in range(ANSWERS - HISTORY_SHOWN, ANSWERS)]
        for number in range(30):  # new answers: the oldest drawn ones are let go
            if screen.interview.current is None:
                screen._ask_own("Något mer?")
                await settle(pilot)
            screen.query_one("#answer", TextArea).text = f"Nytt svar {number}."
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert len(chat.children) <= MAX_BUBBLES + 1
        assert "Nytt svar 29." in [bubble.text for bubble in chat.query(AnswerBubble)]
        await pilot.press("escape", "v")
        await settle(pilot)
        everything = [bubble.text for bubble in chat.query(AnswerBubble)]
        assert len(everything) == ANSWERS + 30
        assert everything[0] == "Svar nummer 0."
        await pilot.press("ctrl+q")
