"""Shared steps of the Pilot tests: waiting for the app, reading what widgets show, the database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from rich.text import Text
from textual.app import App
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, Input, Static, TextArea

from interview.clock import ManualClock
from interview.participants import new_participant
from interview.personnummer import luhn_ok
from interview.records import KartlaggningRecord, Participant
from interview.tui.screens.interview import AnswerSaved, InterviewScreen
from interview.tui.screens.overview import OverviewScreen
from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.screens.session_start import SessionStartScreen
from interview.tui.screens.tolk import TolkRecordScreen
from interview.tui.widgets.chat import QuestionBubble
from interview.tui.widgets.form import ERROR_MARK, ErrorLine, FieldError
from storage import Repository
from tests.keys import TEST_KEY

CASEWORKER = "Handläggare Hanna Exempel"
ATTEMPTS = 200
"""How many idle pauses a wait may take before the test fails (each is a few milliseconds)."""

S = TypeVar("S", bound=Screen[Any])


def fake_number(birth: str, *, serial: int = 980) -> str:
    """Return a fictional ``ÅÅÅÅMMDD-NNNN`` for ``birth`` with a valid check digit.

    The serial starts at 980 (the 980–999 range kept for test numbers); the first one whose Luhn
    check digit works is used. ``birth`` may carry a samordningsnummer day (day + 60).
    """
    for number in range(serial, 1000):
        for check in range(10):
            ten = f"{birth[2:]}{number:03d}{check}"
            if luhn_ok(ten):
                return f"{birth}-{number:03d}{check}"
    msg = f"no test number for {birth}"
    raise AssertionError(msg)


def wrong_check_digit(number: str) -> str:
    """Return ``number`` with a check digit that does not fit."""
    check = int(number[-1])
    return number[:-1] + str((check + 1) % 10)


def local_time(moment: datetime) -> str:
    """``moment`` as the screens show a time of day: local, ``TT:MM``."""
    return moment.astimezone().strftime("%H:%M")


def plain(widget: Static) -> str:
    """Return the text a ``Static`` shows, without styles."""
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


def field_message(screen: Screen[Any], field_id: str) -> str:
    """Return the message shown under the field ``field_id`` (without its mark; "" when none is)."""
    for error in screen.query(FieldError):
        if error.field_id == field_id and error.display:
            return plain(error).removeprefix(f"{ERROR_MARK} ")
    return ""


def form_messages(screen: Screen[Any]) -> str:
    """Return every message the form shows, at its fields and on its error line, one per line."""
    shown = [plain(line) for line in screen.query(ErrorLine)]
    shown += [plain(error) for error in screen.query(FieldError) if error.display]
    return "\n".join(text for text in shown if text)


def assert_message_at(screen: Screen[Any], field_id: str, message: str) -> None:
    """Check that ``message`` is shown under ``field_id``, alone, and that the cursor is there."""
    assert field_message(screen, field_id) == message, form_messages(screen)
    assert form_messages(screen) == f"{ERROR_MARK} {message}", "another message is shown too"
    focused = screen.focused
    assert focused is not None and focused.id == field_id, f"focus is on {focused!r}"


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until ``condition`` holds; fail with ``what`` if it never does."""
    for _ in range(ATTEMPTS):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"gave up waiting for {what}")


async def wait_for_screen(pilot: Pilot[Any], kind: type[S]) -> S:
    """Wait until a screen of ``kind`` is in front and return it."""
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for every worker (the database calls) and then for the screen to update.

    Never use this while a modal is open over a worker that waits for it (``push_screen_wait``):
    that worker only ends when the modal closes.
    """
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key into whatever has focus."""
    keys = ["space" if char == " " else char for char in text]
    await pilot.press(*keys)


async def quit_app(pilot: Pilot[Any]) -> None:
    """Close the app with Ctrl+Q as a user would: the database is closed and the lock let go."""
    app: App[Any] = pilot.app
    await pilot.press("ctrl+q")
    await app.workers.wait_for_complete()


def add_participant_directly(
    db_path: Path, clock: ManualClock, name: str, number: str | None = None
) -> Participant:
    """Store a participant before the app runs (the app is not holding the database yet)."""
    participant = new_participant(
        name, number, clock, CASEWORKER, None if number else "Inget nummer, född 1990-01-01"
    )
    with Repository.open(db_path, key=TEST_KEY) as repo:
        repo.add_participant(participant)
    return participant


@contextmanager
def stored(db_path: Path) -> Iterator[Repository]:
    """Open the database read-only (only after the app has exited: it holds the write lock)."""
    repo = Repository.open(db_path, key=TEST_KEY, read_only=True)
    try:
        yield repo
    finally:
        repo.close()


def stored_participants(db_path: Path) -> list[Participant]:
    """Every participant on disk."""
    with stored(db_path) as repo:
        return repo.participants()


def stored_kartlaggning(db_path: Path, participant_id: str) -> KartlaggningRecord:
    """The one kartläggning of ``participant_id`` as it is on disk."""
    with stored(db_path) as repo:
        kartlaggningar = repo.kartlaggningar(participant_id)
        assert len(kartlaggningar) == 1
        record = repo.load(kartlaggningar[0].id)
    assert record is not None
    return record


def notices(messages: list[object]) -> list[str]:
    """The texts of every notification the app showed (from a ``message_hook`` record)."""
    return [message.notification.message for message in messages if isinstance(message, Notify)]


def saved_answer_ids(messages: list[object]) -> list[str]:
    """The exchange ids of the answers reported as saved, in order, each once."""
    ids: list[str] = []
    for message in messages:
        if isinstance(message, AnswerSaved) and message.exchange_id not in ids:
            ids.append(message.exchange_id)
    return ids


async def open_participant(pilot: Pilot[Any], row: int = 0) -> OverviewScreen:
    """From the start screen, open the participant on ``row`` of the list with Enter."""
    screen = await wait_for_screen(pilot, ParticipantsScreen)
    await settle(pilot)
    table = screen.query_one(DataTable)
    table.focus()
    table.move_cursor(row=row)
    await pilot.press("enter")
    overview = await wait_for_screen(pilot, OverviewScreen)
    await settle(pilot)
    return overview


async def start_session(
    pilot: Pilot[Any], *, tolk: bool = False, lattlast: bool = False, minutes: str = "60"
) -> InterviewScreen:
    """On the overview, press Enter, fill in the session start and start with Ctrl+S."""
    await pilot.press("enter")
    form = await wait_for_screen(pilot, SessionStartScreen)
    await pilot.pause()
    form.query_one("#caseworker", Input).value = CASEWORKER
    if form.query_one("#tolk", Checkbox).value != tolk:
        await pilot.click("#tolk")
    if lattlast:
        await pilot.click("#lattlast")
    form.query_one("#minutes", Input).value = minutes
    await pilot.press("ctrl+s")
    if tolk:
        # who interprets is asked next; Esc skips it (the session still has a tolk)
        await wait_for_screen(pilot, TolkRecordScreen)
        await pilot.pause()
        await pilot.press("escape")
    screen = await wait_for_screen(pilot, InterviewScreen)
    await settle(pilot)
    return screen


async def answer(pilot: Pilot[Any], screen: InterviewScreen, text: str) -> str:
    """Put ``text`` in the answer box, save it with Ctrl+S and return the saved exchange's id."""
    before = len(screen.interview.exchanges)
    screen.query_one("#answer", TextArea).text = text
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert len(screen.interview.exchanges) == before + 1, "the answer was not saved"
    return screen.interview.exchanges[-1].id


def bubble_texts(screen: InterviewScreen, kind: type[Static]) -> list[str]:
    """The texts of the chat's bubbles of ``kind``, top to bottom."""
    return [plain(bubble) for bubble in screen.chat.query(kind)]


def current_bubble(screen: InterviewScreen) -> QuestionBubble:
    """The question marked as the one to ask now."""
    bubbles = [bubble for bubble in screen.chat.query(QuestionBubble) if bubble.has_class("current")]
    assert len(bubbles) == 1, f"{len(bubbles)} current questions"
    return bubbles[0]
