"""Snapshots of språkcafé at 80×24 (the smallest supported) and its projector view at 160×48.

The pair timer runs on a fake monotonic clock and the speaker is a recording fake, so every run draws
the same screens and nothing is read aloud. Update after a deliberate change with
``pytest tests/snapshots/test_practice_screens.py --snapshot-update`` and look at the new SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits

from interview.tui.practice_app import PracticeApp, make_practice_app
from interview.tui.screens.practice import PracticeScreen
from interview.tui.screens.projector import ProjectorScreen
from tests.practice_tui.helpers import (
    FakeMonotonic,
    RecordingSpeaker,
    no_blinking,
    open_practice,
    settle,
    shipped_folders,
)
from tests.tui.helpers import wait_until

pytestmark = pytest.mark.snapshot

SMALL = (80, 24)
LARGE = (160, 48)
TIMER_SECONDS = 42
"""How long the timer has run when the picture is taken: 2:18 left of person 1's three minutes."""

SnapCompare = Callable[..., bool]
Step = Callable[[Pilot[Any]], Awaitable[None]]


def practice_app(monotonic: FakeMonotonic, language: str | None = None) -> PracticeApp:
    """The practice over the shipped content, on the fake clock, with a speaker that only records."""
    return make_practice_app(
        shipped_folders(), language=language, speaker=RecordingSpeaker(), now=monotonic
    )


def keys(*pressed: str, then: Step | None = None) -> Step:
    """Wait for the practice, press ``pressed``, run ``then``, and settle before the picture."""

    async def run(pilot: Pilot[Any]) -> None:
        await open_practice(pilot)
        await pilot.press(*pressed)
        if then is not None:
            await then(pilot)
        await settle(pilot)
        await no_blinking(pilot)

    return run


def run_timer(monotonic: FakeMonotonic) -> Step:
    """Let the started timer run ``TIMER_SECONDS`` and wait until the digits show it."""

    async def run(pilot: Pilot[Any]) -> None:
        monotonic.advance(TIMER_SECONDS)
        await wait_until(
            pilot,
            lambda: any(digits.value == "2:18" for digits in pilot.app.screen.query(Digits)),
            "the timer at 2:18",
        )

    return run


def test_questions_translation_hidden(snap_compare: SnapCompare) -> None:
    app = practice_app(FakeMonotonic())
    assert snap_compare(app, terminal_size=SMALL, run_before=keys("f8"))


def test_questions_arabic(snap_compare: SnapCompare) -> None:
    app = practice_app(FakeMonotonic(), language="ar")
    assert snap_compare(app, terminal_size=SMALL, run_before=keys("f2"))


def test_sentence_starters(snap_compare: SnapCompare) -> None:
    app = practice_app(FakeMonotonic())
    assert snap_compare(app, terminal_size=SMALL, run_before=keys("2", "f8"))


def test_words_english(snap_compare: SnapCompare) -> None:
    app = practice_app(FakeMonotonic(), language="en")
    assert snap_compare(app, terminal_size=SMALL, run_before=keys("3", "f2"))


def test_job_interview(snap_compare: SnapCompare) -> None:
    app = practice_app(FakeMonotonic())
    assert snap_compare(app, terminal_size=SMALL, run_before=keys("4"))


def test_timer_running(snap_compare: SnapCompare) -> None:
    monotonic = FakeMonotonic()
    app = practice_app(monotonic)

    async def check(pilot: Pilot[Any]) -> None:
        await run_timer(monotonic)(pilot)
        assert isinstance(pilot.app.screen, PracticeScreen)

    assert snap_compare(app, terminal_size=SMALL, run_before=keys("5", "space", then=check))


def test_projector_arabic_timer_running(snap_compare: SnapCompare) -> None:
    monotonic = FakeMonotonic()
    app = practice_app(monotonic, language="ar")

    async def check(pilot: Pilot[Any]) -> None:
        await run_timer(monotonic)(pilot)
        assert isinstance(pilot.app.screen, ProjectorScreen)

    assert snap_compare(app, terminal_size=LARGE, run_before=keys("f8", "f2", "f5", "space", then=check))


@pytest.mark.parametrize("language", ["ti", "uk"])
def test_questions_translated(snap_compare: SnapCompare, language: str) -> None:
    app = practice_app(FakeMonotonic(), language=language)
    assert snap_compare(app, terminal_size=SMALL, run_before=keys("f2"))
