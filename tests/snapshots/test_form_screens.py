"""Snapshot of a form that refused what was typed: the message under its field, the cursor there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from interview.tui.screens.add_participant import AddParticipantScreen
from tests.snapshots.test_screens import SnapCompare, demo_app, settle

pytestmark = pytest.mark.snapshot

WRONG_CHECK_DIGIT = "19850312-9801"
"""A fictional personnummer whose last digit does not fit the others."""


def test_add_participant_with_a_wrong_number(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, AddParticipantScreen)
        form.query_one("#name", Input).value = "Tove Påhittad"
        form.query_one("#number", Input).value = WRONG_CHECK_DIGIT
        form.query_one("#caseworker", Input).value = "Hanna Exempel"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form.focused is form.query_one("#number", Input)

    assert snap_compare(demo_app(tmp_path), terminal_size=(100, 30), run_before=run)
