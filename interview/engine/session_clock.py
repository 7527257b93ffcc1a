"""The session clock: how long the open session has run, and how it stands against its time frame."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from interview.records import Session

SESSION_WARNING = timedelta(minutes=50)
SESSION_LIMIT = timedelta(minutes=60)


class ClockState(StrEnum):
    """How a session stands against the one-hour frame."""

    RUNNING = "running"
    WARNING = "warning"
    """50 minutes have passed: time to start rounding off."""
    LIMIT = "limit"
    """60 minutes have passed: the session should end (nobody is cut off)."""


@dataclass(frozen=True)
class SessionClock:
    """Elapsed time of the open session and its state."""

    elapsed: timedelta
    state: ClockState


def clock_of(session: Session, now: datetime) -> SessionClock:
    """Return ``session``'s elapsed time at ``now`` and whether it is near or past its time frame.

    The limit is the time frame told at the start (never more than an hour); the calm warning
    comes ten minutes before it (a fifth of the frame for frames under 50 minutes).
    """
    elapsed = now - session.started_at
    limit = min(SESSION_LIMIT, timedelta(minutes=session.time_frame_minutes))
    warning = limit - min(SESSION_LIMIT - SESSION_WARNING, limit / 5)
    if elapsed >= limit:
        state = ClockState.LIMIT
    elif elapsed >= warning:
        state = ClockState.WARNING
    else:
        state = ClockState.RUNNING
    return SessionClock(elapsed=elapsed, state=state)
