"""The side panel of the interview: the areas with their coverage, and the session's clock.

The clock is redrawn every ten seconds; when it passes the warning time or the time frame, the
caseworker is told once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview.engine import ClockState
from interview.i18n import _
from interview.tui.labels import minutes
from interview.tui.widgets.areas import AreaPanel

if TYPE_CHECKING:
    from interview.tui.screens.interview.commands import InterviewCommands


class SideView:
    """Keeps the area panel and the clock up to date."""

    def __init__(self, screen: InterviewCommands) -> None:
        """Serve ``screen`` (its :class:`AreaPanel`)."""
        self.screen = screen
        self.clock_state: ClockState | None = None
        """The clock's state when last drawn (the caseworker is told when it changes)."""

    def refresh(self) -> None:
        """Show the areas, their coverage and the current one; redraw the clock."""
        interview = self.screen.interview
        panel = self.screen.query_one(AreaPanel)
        panel.show(
            interview.bank.areas,
            interview.coverage(),
            interview.register,
            interview.current_area.id,
        )
        self.tick()

    def tick(self) -> None:
        """Redraw the clock; say once when it is time to round off and when time is up."""
        screen = self.screen
        session = screen.interview.session
        clock = screen.interview.session_clock()
        frame = session.time_frame_minutes if session else 60
        screen.query_one(AreaPanel).show_clock(clock, frame)
        state = clock.state if clock else None
        if state is not self.clock_state:
            elapsed = minutes(clock.elapsed) if clock else 0
            if state is ClockState.WARNING:
                screen.notify(
                    _("{n} minuter har gått. Det är dags att börja runda av.").format(n=elapsed),
                    timeout=15,
                )
            elif state is ClockState.LIMIT:
                screen.notify(
                    _(
                        "Tiden för i dag är slut ({n} minuter). Avsluta samtalet nu (F10) "
                        "och boka nästa träff."
                    ).format(n=elapsed),
                    severity="warning",
                    timeout=30,
                )
        self.clock_state = state
