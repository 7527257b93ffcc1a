"""Snapshots of the bilingual view (arabiska, tigrinja, ukrainska) and of tolk mode, at 80×24 and
160×48. Update after a deliberate change with ``pytest tests/snapshots --snapshot-update``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.snapshots.test_screens import SIZES, SnapCompare, demo_app, settle, to_interview

pytestmark = pytest.mark.snapshot


async def choose_language(pilot: Pilot[Any], tag: str) -> None:
    """Ctrl+L in the interview, then the language ``tag`` in the list."""
    await pilot.press("ctrl+l")
    await pilot.pause()
    options = pilot.app.screen.query_one(OptionList)
    ids = [options.get_option_at_index(index).id for index in range(options.option_count)]
    options.highlighted = ids.index(tag)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.pause(0.2)  # the "visas nu på" notice is part of the picture: let it settle


@pytest.mark.parametrize("tag", ["ar", "ti", "uk"])
@pytest.mark.parametrize("size", SIZES)
def test_bilingual_view(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int], tag: str
) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await to_interview(pilot)
        await choose_language(pilot, tag)

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_tolk_mode(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await to_interview(pilot)
        await choose_language(pilot, "ar")
        await pilot.press("ctrl+t")
        await settle(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)
