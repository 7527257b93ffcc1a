"""The pair-talk timer ("prata två och två"): person 1 talks, then person 2, the same time each.

Pure arithmetic over a monotonic time in seconds that the caller passes in, so that tests decide
what "now" is and the screen only asks for the state once a second.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_MINUTES = 1
MAX_MINUTES = 10
DEFAULT_MINUTES = 3
PEOPLE = 2


@dataclass(frozen=True)
class TimerState:
    """What the timer shows at one moment."""

    turn: int | None
    """1 or 2 for the person talking now; None when both have talked."""
    remaining: int
    """Whole seconds left of this turn (rounded up, so 0 only when the turn is over)."""
    running: bool
    started: bool

    @property
    def finished(self) -> bool:
        """True when both have had their turn."""
        return self.turn is None

    @property
    def clock(self) -> str:
        """The time left as m:ss."""
        minutes, seconds = divmod(self.remaining, 60)
        return f"{minutes}:{seconds:02d}"


class PairTimer:
    """Two turns of the same length, started, paused and reset by hand."""

    def __init__(self, minutes_each: int = DEFAULT_MINUTES) -> None:
        """Make a timer of ``minutes_each`` per person (kept within 1–10)."""
        self._elapsed = 0.0
        self._since: float | None = None
        self.minutes_each = DEFAULT_MINUTES
        self.set_minutes(minutes_each)

    @property
    def turn_seconds(self) -> int:
        """The length of one turn in seconds."""
        return self.minutes_each * 60

    @property
    def running(self) -> bool:
        """True while the time is going."""
        return self._since is not None

    def set_minutes(self, minutes: int) -> None:
        """Change the length of a turn; only before the timer has started."""
        if self._started():
            return
        self.minutes_each = max(MIN_MINUTES, min(MAX_MINUTES, minutes))

    def _started(self) -> bool:
        return self._since is not None or self._elapsed > 0

    def elapsed(self, now: float) -> float:
        """Seconds the timer has been running in total."""
        running = now - self._since if self._since is not None else 0.0
        return self._elapsed + max(running, 0.0)

    def toggle(self, now: float) -> None:
        """Start, pause or go on; after both turns, start again from the beginning."""
        if self.state(now).finished:
            self.reset()
        if self._since is None:
            self._since = now
        else:
            self._elapsed = self.elapsed(now)
            self._since = None

    def reset(self) -> None:
        """Back to the start of person 1's turn, not running."""
        self._elapsed = 0.0
        self._since = None

    def state(self, now: float) -> TimerState:
        """Return what the timer shows at ``now``."""
        elapsed = self.elapsed(now)
        total = self.turn_seconds * PEOPLE
        started = self._started()
        if elapsed >= total:
            return TimerState(turn=None, remaining=0, running=False, started=started)
        turn = int(elapsed // self.turn_seconds) + 1
        remaining = math.ceil(turn * self.turn_seconds - elapsed)
        return TimerState(turn=turn, remaining=remaining, running=self.running, started=started)
