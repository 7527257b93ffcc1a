"""Time for the engine: injected so that tests decide what "now" is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]
"""A function returning the current time as an aware UTC datetime."""


def system_clock() -> datetime:
    """Return the real current time in UTC."""
    return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to (for tests and benchmarks)."""

    def __init__(self, start: datetime | None = None) -> None:
        """Start at ``start`` (default 2026-01-12 09:00 UTC)."""
        self.now = start or datetime(2026, 1, 12, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        """Return the current manual time."""
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        """Move forward by ``timedelta(**kwargs)`` and return the new time."""
        self.now += timedelta(**kwargs)
        return self.now
