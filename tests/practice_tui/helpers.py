"""Shared steps of the språkcafé Pilot tests: a fake clock, a speaker that records, waiting and reading.

Nothing here reaches the sound card: :class:`RecordingSpeaker` keeps what it was asked to say, and
refuses to run any program.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.geometry import Region
from textual.notifications import Notify, SeverityLevel
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea

from interview.paths import shipped_data_dir
from interview.practice.deck import DeckKind
from interview.practice.speech import Speaker, SpeechUnavailable, Speed
from interview.tui.screens.practice import PracticeScreen
from interview.tui.widgets.safe_text import AnswerBox
from tests.tui.helpers import wait_until

ATTEMPTS = 200
"""How many idle pauses a wait may take before the test fails."""


class FakeMonotonic:
    """A monotonic clock in seconds that only moves when a test moves it."""

    def __init__(self, start: float = 1000.0) -> None:
        """Start at ``start`` seconds."""
        self.seconds = start

    def __call__(self) -> float:
        """Return the time now."""
        return self.seconds

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self.seconds += seconds


@dataclass(frozen=True)
class RecordingSpeaker(Speaker):
    """A speaker that says it is available and records what it is asked to say; it plays nothing."""

    program: str | None = "/nonexistent/fake-espeak-ng"
    calls: list[tuple[str, Speed]] = field(default_factory=list)

    def say(self, text: str, speed: Speed = Speed.NORMAL) -> None:
        """Record ``text`` and ``speed``."""
        self.calls.append((text, speed))

    def wav(self, text: str, speed: Speed = Speed.NORMAL) -> bytes:
        """Never make sound in a test."""
        raise AssertionError("the practice UI should not ask for WAV bytes")

    def _run(self, command: list[str]) -> bytes:
        raise AssertionError("a test must never run a speech program")


@dataclass(frozen=True)
class BrokenSpeaker(RecordingSpeaker):
    """A speaker that is found but fails when it speaks (no sound card, say)."""

    def say(self, text: str, speed: Speed = Speed.NORMAL) -> None:
        """Record the try, then fail as espeak-ng without a sound card does."""
        self.calls.append((text, speed))
        raise SpeechUnavailable(
            "Datorns ljud gick inte att använda för uppläsningen. Övningen fortsätter."
        )


def shipped_folders() -> list[Path]:
    """The folders of the banks (and the språkcafé content) that ship with kartlagg."""
    return [shipped_data_dir("question_banks")]


def content_folder(tmp_path: Path, change: Callable[[str], str]) -> Path:
    """Copy the shipped bank and språkcafé content to ``tmp_path``, the content text passed through
    ``change``; return the bank folder to pass as ``banks=[...]``.
    """
    shipped = shipped_data_dir("question_banks")
    folder = tmp_path / "question_banks"
    (folder / "sprakcafe").mkdir(parents=True)
    shutil.copy(shipped / "sassam.toml", folder / "sassam.toml")
    content = (shipped / "sprakcafe" / "sprakcafe.toml").read_text(encoding="utf-8")
    (folder / "sprakcafe" / "sprakcafe.toml").write_text(change(content), encoding="utf-8")
    return folder


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for the workers (loading, reading aloud) and for the screen to update."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def no_blinking(pilot: Pilot[Any]) -> None:
    """Stop every cursor from blinking (for pictures)."""
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    for line in pilot.app.screen.query(Input):
        line.cursor_blink = False
    await pilot.pause()


async def open_practice(pilot: Pilot[Any]) -> PracticeScreen:
    """Wait until the content has loaded and the practice is in front; return it."""
    await settle(pilot)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PracticeScreen), "PracticeScreen")
    screen = pilot.app.screen
    assert isinstance(screen, PracticeScreen)
    await pilot.pause()
    return screen


def front(pilot: Pilot[Any]) -> Screen[Any]:
    """The screen in front now (a call, so that a type checker does not keep an earlier narrowing)."""
    return pilot.app.screen


def focused(pilot: Pilot[Any]) -> Widget | None:
    """The widget with focus now."""
    return pilot.app.focused


def deck_kind(screen: PracticeScreen) -> DeckKind:
    """The kind of cards practised now."""
    return screen.session.kind


def plain(widget: Static) -> str:
    """Return the text a ``Static`` holds, without styles."""
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


async def rendered(pilot: Pilot[Any], widget: Widget) -> str:
    """The characters ``widget`` draws, line by line (once the screen's layout has caught up)."""
    await pilot.pause()
    strips = widget.render_lines(Region(0, 0, *widget.outer_size))
    return "\n".join(strip.text for strip in strips)


def place(screen: PracticeScreen) -> str:
    """The card's heading line with its place: "Hur du har det i dag   Fråga 1 av 60"."""
    return plain(screen.query_one("#card-heading", Static))


def box(screen: PracticeScreen) -> AnswerBox:
    """The practice box."""
    return screen.query_one("#practice-box", AnswerBox)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key into whatever has focus."""
    await pilot.press(*("space" if char == " " else char for char in text))


async def type_in_box(pilot: Pilot[Any], screen: PracticeScreen, text: str) -> None:
    """Focus the practice box and type ``text`` into it."""
    box(screen).focus()
    await pilot.pause()
    await type_text(pilot, text)
    await pilot.pause()


async def choose_language(pilot: Pilot[Any], name: str) -> None:
    """In the open language picker, move to the language called ``name`` (Swedish) and press Enter."""
    picker = pilot.app.screen.query_one("#languages", OptionList)
    for index in range(picker.option_count):
        prompt = picker.get_option_at_index(index).prompt
        label = prompt.plain if isinstance(prompt, Text) else str(prompt)
        if label.lower().startswith(name):
            break
    else:
        raise AssertionError(f"{name} is not offered")
    while picker.highlighted != index:
        await pilot.press("down" if (picker.highlighted or 0) < index else "up")
    await pilot.press("enter")
    await pilot.pause()


def notices(messages: list[object], severity: SeverityLevel | None = None) -> list[str]:
    """The notifications shown (from a ``message_hook`` record), only of ``severity`` if given."""
    return [
        message.notification.message
        for message in messages
        if isinstance(message, Notify) and severity in {None, message.notification.severity}
    ]


def has_arabic(text: str) -> bool:
    """Tell whether ``text`` holds Arabic letters (plain or shaped presentation forms)."""
    return any(
        "\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff"
        for char in text
    )
