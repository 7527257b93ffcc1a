"""Acceptance: the app killed in the middle of a session loses nothing and goes on where it stopped.

``kartlagg demo`` runs in a real terminal. A new session with the new demo participant gets three
answers, each tagged; then the app is killed with SIGKILL (no chance to clean up) and started again on
the same folders. The interrupted session opens directly, with the answers, their tags and the same
question to ask next.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.demo import FINISHED_PARTICIPANT, HALFWAY_PARTICIPANT, NEW_PARTICIPANT
from interview.engine import Interview
from interview.passphrase import DEMO_PASSPHRASE
from interview.records import Tag
from storage import Repository
from tests.e2e.conftest import (
    CURRENT_MARK,
    Home,
    Terminal,
    answer_bubble,
    current_question,
    load_only_kartlaggning,
    open_participant,
    save_answer,
    start_session,
    tag_answer,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

NAME = NEW_PARTICIPANT[0]
OTHERS = (HALFWAY_PARTICIPANT[0], FINISHED_PARTICIPANT[0])
SEARCH = "demoss"
CASEWORKER = "Hanna Testsson"
ANSWERS: tuple[tuple[str, str, str, Tag], ...] = (
    ("Morgonen var lugn, jag drack kaffe.", "F2", "▼ Hinder", Tag.HINDER),
    ("Jag vill ha ett jobb nära hemmet.", "F3", "▲ Resurs", Tag.RESURS),
    ("Jag har bott i Umeå i tre år.", "F4", "■ Fakta", Tag.FAKTA),
)
"""What the participant answers, the key that tags it, and the tag as the chat shows it."""


def _words(text: str) -> str:
    return " ".join(text.split())


def test_killed_app_resumes_the_session_where_it_stopped(
    new_terminal: Callable[[], Terminal], home: Home, bank: Bank
) -> None:
    first = new_terminal().start("demo")
    open_participant(first, NAME, SEARCH, OTHERS)
    start_session(first, CASEWORKER)
    for text, key, label, _tag in ANSWERS:
        save_answer(first, text)
        tag_answer(first, text, key, label)
    before = current_question(first.wait_for(CURRENT_MARK, ANSWERS[-1][2]))
    assert "DEMO" in first.screen()

    ended = first.kill(signal.SIGKILL)
    assert ended.signal == signal.SIGKILL, ended

    # What is on disk after the kill: the three answers with their tags, the session still open, and
    # the engine's next question is the one the screen showed.
    record = load_only_kartlaggning(home.demo_database, NAME)
    answered = [(exchange.answer, exchange.tag) for exchange in record.exchanges if not exchange.skipped]
    assert answered == [(text, tag) for text, _key, _label, tag in ANSWERS]
    assert len(record.sessions) == 1
    assert record.sessions[0].ended_at is None
    with Repository.open(home.demo_database, key=DEMO_PASSPHRASE, read_only=True) as repository:
        current = Interview(bank, record, repository, ManualClock()).current
    assert current is not None
    assert _words(current.text) in _words(before)

    second = new_terminal().start("demo")
    overview = open_participant(second, NAME, SEARCH, OTHERS)
    assert "Ett samtal är inte avslutat" in overview
    second.keys("Enter")  # an interrupted session opens directly, without the start dialog
    # The chat settles at its end over a few frames; wait for the whole question to be in view.
    screen = second.wait_until(
        lambda screen: (
            "Samtalet fortsätter där det slutade." in screen
            and CURRENT_MARK in screen
            and all(answer_bubble(screen, text) for text, *_rest in ANSWERS)
            and current_question(screen) == before
        ),
        "the resumed session with its three answers and the same question, fully in view",
    )
    for text, _key, label, _tag in ANSWERS:
        bubble = answer_bubble(screen, text)
        assert bubble is not None
        assert "sparat" in bubble.status, bubble
        assert bubble.tag == label, bubble
    assert current_question(screen) == before
    assert "DEMO" in screen

    second.keys("C-q")
    assert second.wait_for_exit().status == 0
