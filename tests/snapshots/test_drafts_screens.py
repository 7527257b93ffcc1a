"""Snapshots of the sammanställning screens at 80×24 and 160×48, on the demo at a fixed moment.

Update after a deliberate change with ``pytest tests/snapshots --snapshot-update`` and look at the new
SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from interview.tui.screens.review import ReviewScreen
from interview.tui.widgets.draft_view import DraftView
from tests.snapshots.test_screens import SIZES, SnapCompare, demo_app, settle

pytestmark = pytest.mark.snapshot

EDITED_ANSWER = "mest på morgonen"
"""Words of the demo's edited answer (Yusuf's back), whose earlier text the sources show."""


async def to_drafts(pilot: Pilot[Any]) -> None:
    """From the participants, open the list of sammanställningar."""
    await settle(pilot)
    await pilot.press("f7")
    await settle(pilot)


async def to_review(pilot: Pilot[Any]) -> None:
    """Open Yusuf's sammanställning and move to the answer that was edited."""
    await to_drafts(pilot)
    await pilot.press("down", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    view = screen.query_one(DraftView)
    for _ in range(100):
        sentence = view.sentence
        if sentence is not None and EDITED_ANSWER in sentence.text:
            break
        await pilot.press("down")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_drafts_list(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=to_drafts)


@pytest.mark.parametrize("size", SIZES)
def test_review(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=to_review)
