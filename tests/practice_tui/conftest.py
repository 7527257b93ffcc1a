"""Fixtures for the språkcafé Pilot tests: a fake monotonic clock, a recording speaker, the app.

``build_app`` (the main app over a temporary database) comes from the interview app's Pilot tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pytest

from interview.practice.speech import Speaker
from interview.tui.practice_app import PracticeApp, make_practice_app
from tests.practice_tui.helpers import FakeMonotonic, RecordingSpeaker, shipped_folders
from tests.tui.conftest import build_app, shipped_banks

__all__ = ["build_app", "shipped_banks"]


class PracticeFactory(Protocol):
    """Builds the practice app; every argument may be left out."""

    def __call__(
        self,
        *,
        banks: list[Path] | None = None,
        language: str | None = None,
        speaker: Speaker | None = None,
    ) -> PracticeApp:
        """Return a new app."""
        ...


@pytest.fixture
def monotonic() -> FakeMonotonic:
    """The pair timer's clock: it only moves when the test moves it."""
    return FakeMonotonic()


@pytest.fixture
def recorder() -> RecordingSpeaker:
    """A speaker that records instead of speaking."""
    return RecordingSpeaker()


@pytest.fixture
def build_practice(monotonic: FakeMonotonic, recorder: RecordingSpeaker) -> PracticeFactory:
    """Build the practice app over the shipped content (or ``banks``), on the fake clock and speaker."""

    def build(
        *,
        banks: list[Path] | None = None,
        language: str | None = None,
        speaker: Speaker | None = None,
    ) -> PracticeApp:
        return make_practice_app(
            banks if banks is not None else shipped_folders(),
            language=language,
            speaker=speaker if speaker is not None else recorder,
            now=monotonic,
        )

    return build
