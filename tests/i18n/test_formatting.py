"""Dates, times and numbers on screen follow the interface language (Babel)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from interview.formatting import display_date, display_number, display_time, set_display_locale

DAY = date(2026, 11, 30)
MOMENT = datetime(2026, 11, 30, 13, 5, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _swedish_again() -> Iterator[None]:
    yield
    set_display_locale("sv_SE")


def test_swedish_shows_dates_as_they_are_typed() -> None:
    assert display_date(DAY) == "2026-11-30"
    assert display_number(3.5, 1) == "3,5"
    assert display_number(12000) == "12\xa0000"


def test_another_interface_language_gets_its_own_unambiguous_form() -> None:
    set_display_locale("en")
    assert display_date(DAY) == "Nov 30, 2026"
    assert display_number(3.5, 1) == "3.5"
    set_display_locale("uk")
    assert "2026" in display_date(DAY) and "11/30" not in display_date(DAY)


@pytest.fixture
def stockholm(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run in Swedish local time (CET in November), then restore the machine's zone."""
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("stockholm")
def test_a_time_is_local_and_short() -> None:
    assert display_time(MOMENT) == "14:05"  # 13:05 UTC is 14:05 in Stockholm in November
    assert display_time(datetime(2026, 6, 30, 13, 5, tzinfo=UTC)) == "15:05"  # summer time
    set_display_locale("en")
    assert display_time(MOMENT) == "2:05\u202fPM"
