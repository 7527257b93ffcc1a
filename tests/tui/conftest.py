"""Fixtures for the Pilot tests: the app over a temporary database, the shipped banks, a manual clock.

The XDG folders already point into a temporary place (see ``tests/conftest.py``); every test gets its
own database under ``tmp_path``, and time only moves when a test moves the ``clock``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from interview.clock import ManualClock
from interview.paths import shipped_data_dir
from interview.tui.app import KartlaggApp, make_app
from tests.keys import TEST_KEY

AppFactory = Callable[[], KartlaggApp]


@pytest.fixture
def shipped_banks() -> list[Path]:
    """The folders of the banks that ship with kartlagg."""
    return [shipped_data_dir("question_banks")]


@pytest.fixture
def build_app(db_path: Path, clock: ManualClock, shipped_banks: list[Path]) -> AppFactory:
    """Build a fresh app over the test's database and clock (call again for a second run)."""

    def build() -> KartlaggApp:
        return make_app(db_path, demo=False, banks=shipped_banks, clock=clock, passphrase=TEST_KEY)

    return build
