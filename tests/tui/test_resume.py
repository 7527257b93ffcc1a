"""An interrupted session (the app closed without F10) goes on where it stopped in the next run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from interview.clock import ManualClock
from interview.records import Source, Tag
from interview.tui.app import make_app
from interview.tui.screens.dialogs import FollowUpScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.session_start import SessionStartScreen
from interview.tui.widgets.chat import AnswerBubble, NoteBubble, QuestionBubble
from tests.keys import TEST_KEY
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    add_participant_directly,
    answer,
    bubble_texts,
    current_bubble,
    fake_number,
    open_participant,
    plain,
    quit_app,
    settle,
    start_session,
    stored_kartlaggning,
    wait_for_screen,
)

NUMBER = fake_number("19850312")
ANSWERS = ("Bra, tack.", "Jag har ont i ryggen.", "Jag går promenader varje dag.")


async def interrupted_session(pilot: Pilot[Any], clock: ManualClock) -> tuple[str | None, str]:
    """Answer, tag, skip and choose a probe, then stop; return the chosen probe and its parent."""
    await open_participant(pilot)
    screen = await start_session(pilot, tolk=True)
    await answer(pilot, screen, ANSWERS[0])
    await pilot.press("f6")
    await settle(pilot)
    await pilot.press("f7")
    await settle(pilot)
    clock.advance(minutes=10)
    await answer(pilot, screen, ANSWERS[1])
    await pilot.press("f2")
    await settle(pilot)
    await answer(pilot, screen, ANSWERS[2])
    await pilot.press("f3")
    await settle(pilot)
    # a chosen follow-up is where the session stops
    await pilot.press("f5")
    await wait_for_screen(pilot, FollowUpScreen)
    await pilot.press("1")
    await wait_for_screen(pilot, InterviewScreen)
    await settle(pilot)
    current = screen.interview.current
    assert current is not None
    assert current.source is Source.PROBE
    assert current.parent_id is not None
    return current.question.id if current.question else None, current.parent_id


async def test_an_interrupted_session_goes_on_where_it_stopped(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    first_run = build_app()
    async with first_run.run_test(size=(120, 40)) as pilot:
        probe_id, parent_id = await interrupted_session(pilot, clock)
        await quit_app(pilot)  # Ctrl+Q, no F10
    assert not first_run.is_running
    record = stored_kartlaggning(db_path, participant.id)
    assert record.sessions[-1].ended_at is None

    clock.advance(minutes=25)
    second_run = build_app()
    async with second_run.run_test(size=(120, 40)) as pilot:
        overview = await open_participant(pilot)
        details = plain(overview.query_one("#details", Static))
        assert "Ett samtal är inte avslutat. Enter fortsätter där ni slutade." in details
        assert "Samtal 1" in details
        assert "pågår eller avbröts" in details

        # Enter goes straight into the conversation: no session start in between
        await pilot.press("enter")
        await pilot.pause()
        screen = await wait_for_screen(pilot, InterviewScreen)
        assert not any(isinstance(shown, SessionStartScreen) for shown in second_run.screen_stack)
        await settle(pilot)
        assert screen.resumed

        # every earlier answer with its tag, the skipped question, and one heading per session
        answers = bubble_texts(screen, AnswerBubble)
        assert [text.split("\n")[1] for text in answers] == list(ANSWERS)
        assert [text.split("\n")[-1] for text in answers] == ["○ Ej märkt", "▼ Hinder", "▲ Resurs"]
        assert all("✓ sparat" in text for text in answers)
        assert any("hoppades över" in text for text in bubble_texts(screen, QuestionBubble))
        notes = bubble_texts(screen, NoteBubble)
        assert len([note for note in notes if note.startswith("Samtal 1 ·")]) == 1
        assert "Samtalet fortsätter där det slutade." in notes
        assert not any(note.startswith("Förra gången") for note in notes)

        # the same question as when the app was closed: the chosen probe
        current = screen.interview.current
        assert current is not None
        assert current.source is Source.PROBE
        assert current.question is not None
        assert (current.question.id, current.parent_id) == (probe_id, parent_id)
        assert plain(current_bubble(screen)).endswith("\n" + current.text)
        assert "Följdfråga" in plain(current_bubble(screen))
        # the clock counts from the start of the session, not from the restart
        assert plain(screen.query_one("#clock", Static)) == "35 min av 60"

        probe_answer = await answer(pilot, screen, "Mest på morgonen.")
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    assert len(record.sessions) == 1
    assert [exchange.answer for exchange in record.exchanges] == [
        ANSWERS[0],
        None,
        *ANSWERS[1:],
        "Mest på morgonen.",
    ]
    assert [exchange.tag for exchange in record.exchanges] == [None, None, Tag.HINDER, Tag.RESURS, None]
    last = record.exchanges[-1]
    assert (last.id, last.question_id, last.parent_id) == (probe_answer, probe_id, parent_id)


async def test_resume_opens_the_latest_kartlaggning_at_once(
    build_app: AppFactory, db_path: Path, clock: ManualClock, shipped_banks: list[Path]
) -> None:
    """``kartlagg --resume``: the app opens the interrupted conversation without any key."""
    add_participant_directly(db_path, clock, "Björn Provsson", fake_number("19900101"))
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    first_run = build_app()
    async with first_run.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot, row=0)
        screen = await start_session(pilot)
        await answer(pilot, screen, ANSWERS[0])
        await quit_app(pilot)

    app = make_app(db_path, banks=shipped_banks, clock=clock, resume=True, passphrase=TEST_KEY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        assert screen.interview.participant.id == participant.id
        assert [text.split("\n")[1] for text in bubble_texts(screen, AnswerBubble)] == [ANSWERS[0]]
        current = screen.interview.current
        assert current is not None
        assert current.question is not None
        assert current.question.id == "inl.syfte"
        await quit_app(pilot)
