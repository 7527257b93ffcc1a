"""Snapshots of the medgivande screens and the information about personal data (80×24 and 160×48)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.snapshots.test_screens import SIZES, SnapCompare, demo_app, open_participant, settle

pytestmark = pytest.mark.snapshot


@pytest.mark.parametrize("size", SIZES)
def test_consent(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_participant(pilot, "Yusuf")
        await pilot.press("m")
        await settle(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)


def test_no_consent_on_the_overview(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_participant(pilot, "Sara")

    assert snap_compare(demo_app(tmp_path), terminal_size=(80, 24), run_before=run)


def test_new_consent_form(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_participant(pilot, "Sara")
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=(80, 24), run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_privacy_notice(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await open_participant(pilot, "Yusuf")
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run)
