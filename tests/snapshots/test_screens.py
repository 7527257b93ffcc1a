"""Snapshots of the main screens at 80×24 (the smallest supported) and 160×48 (a large shared screen).

The demo database is built from a fixed clock, so every run draws the same screens. Cursor blinking is
switched off before the picture is taken. Update after a deliberate change with
``pytest tests/snapshots --snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from interview.clock import ManualClock
from interview.paths import shipped_data_dir
from interview.tui.app import KartlaggApp, make_app
from interview.tui.screens.tolk import TolkRecordScreen

pytestmark = pytest.mark.snapshot

SIZES = [(80, 24), (160, 48)]
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)

SnapCompare = Callable[..., bool]


def demo_app(tmp_path: Path) -> KartlaggApp:
    """The app on a fresh demo database, at a fixed moment."""
    return make_app(
        tmp_path / "demo.db",
        demo=True,
        banks=[shipped_data_dir("question_banks")],
        clock=ManualClock(NOW),
    )


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for the database thread and stop every cursor from blinking."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    for line in pilot.app.screen.query(Input):
        line.cursor_blink = False
    await pilot.pause()


async def open_participant(pilot: Pilot[Any], name: str) -> None:
    """From the start screen, search for ``name`` and open the overview."""
    await settle(pilot)
    await pilot.press(*name)
    await pilot.press("down", "enter")
    await settle(pilot)


def steps(*actions: Callable[[Pilot[Any]], Awaitable[None]]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Run ``actions`` in order before the picture is taken."""

    async def run(pilot: Pilot[Any]) -> None:
        for action in actions:
            await action(pilot)
        await settle(pilot)

    return run


async def skip_tolk_record(pilot: Pilot[Any]) -> None:
    """When the session has a tolk, the tolk record is asked next: skip it with Esc."""
    await pilot.pause()
    if isinstance(pilot.app.screen, TolkRecordScreen):
        await pilot.press("escape")
    await settle(pilot)


async def to_interview(pilot: Pilot[Any]) -> None:
    """Open the halfway participant and start session 3 (tolk, lättläst)."""
    await open_participant(pilot, "Yusuf")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await skip_tolk_record(pilot)


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press ``keys`` and settle."""
    await pilot.press(*keys)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_participants(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_overview(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_participant(pilot, "Yusuf")

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_session_start(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_participant(pilot, "Yusuf")
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_interview(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await to_interview(pilot)
        answer = pilot.app.screen.query_one("#answer", TextArea)
        answer.text = "Jag har jobbat i kök i fem år och i en butik."
        await press(pilot, "ctrl+s")
        await press(pilot, "f2")

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_interview_footer(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """The interview's footer: the tags, the follow-up, skip, the session's end (F10) and help."""

    async def run(pilot: Pilot[Any]) -> None:
        await to_interview(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_motivation(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_participant(pilot, "Marja")
        await pilot.press("enter")
        await pilot.pause()
        await press(pilot, "ctrl+s")
        await skip_tolk_record(pilot)
        await press(pilot, "f9")

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_actions(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_participant(pilot, "Marja")
        await pilot.press("enter")
        await pilot.pause()
        await press(pilot, "ctrl+s")
        await skip_tolk_record(pilot)
        await press(pilot, "f12")

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_end_session(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await to_interview(pilot)
        await press(pilot, "f10")

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)
