"""The practice screen's pair-talk timer and reading aloud, each a part with one job.

:class:`~interview.tui.screens.practice.PracticeScreen` is built from these; they hold the actions and
their helpers, and read the screen's session, speaker and clock.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen
from textual.timer import Timer

from interview.i18n import _
from interview.practice.session import PracticeSession
from interview.practice.speech import INSTALL_HINT, Speaker, SpeechUnavailable, Speed
from interview.practice.timer import TimerState
from interview.tui.widgets.practice_card import TimerView


class PairTimerControls(Screen[None]):
    """The pair-talk timer: start, pause, start over, minutes per person, and the turn's notice."""

    session: PracticeSession
    now: Callable[[], float]
    _ticker: Timer | None
    _last_turn: int | None

    def action_timer_toggle(self) -> None:
        """Start, pause or go on."""
        self.session.timer.toggle(self.now())
        self._last_turn = self.session.timer.state(self.now()).turn
        self.tick()

    def action_timer_reset(self) -> None:
        """Back to the start."""
        self.session.timer.reset()
        self._last_turn = 1
        self.tick()

    def action_timer_minutes(self, change: int) -> None:
        """Longer or shorter turns (before starting)."""
        timer = self.session.timer
        if timer.state(self.now()).started:
            self.notify(_("Börja om (R) för att ändra minuterna."), markup=False)
            return
        timer.set_minutes(timer.minutes_each + change)
        self.tick()

    def tick(self) -> None:
        """Redraw the timer; say so when the turn changes or the time is up."""
        state = self.session.timer.state(self.now())
        self._announce(state)
        self.query_one(TimerView).show(state, self.session.timer.minutes_each)
        if self._ticker is not None:
            if state.running:
                self._ticker.resume()
            else:
                self._ticker.pause()

    def _announce(self, state: TimerState) -> None:
        if state.turn == self._last_turn:
            return
        self._last_turn = state.turn
        self.app.bell()
        if state.finished:
            self.notify(_("Klart! Båda har pratat."), markup=False)
        else:
            self.notify(_("Byt! Nu pratar person {number}.").format(number=state.turn), markup=False)


class ReadingAloud(Screen[None]):
    """Reading the card, or what the learner wrote, aloud with espeak-ng (in a thread)."""

    session: PracticeSession
    speaker: Speaker

    def action_read(self) -> None:
        """Read the text in front aloud."""
        self._read(Speed.NORMAL)

    def action_read_slow(self) -> None:
        """Read the text in front aloud, slowly."""
        self._read(Speed.SLOW)

    def _read(self, speed: Speed) -> None:
        card = self.session.card
        if card is not None:
            text = card.swedish if card.example is None else f"{card.swedish}. {card.example}"
            self.read_aloud(text, speed)

    def read_aloud(self, text: str, speed: Speed) -> None:
        """Speak ``text`` in a thread; a missing espeak-ng is explained, and practice goes on."""
        if not self.speaker.available:
            self.notify(INSTALL_HINT, severity="warning", timeout=12, markup=False)
            return
        speaker = self.speaker
        self.notify(
            _("Läser upp långsamt …") if speed is Speed.SLOW else _("Läser upp …"),
            timeout=2,
            markup=False,
        )

        def speak() -> None:
            try:
                speaker.say(text, speed)
            except SpeechUnavailable as error:
                self.app.call_from_thread(
                    self.notify, str(error), severity="warning", timeout=12, markup=False
                )

        self.run_worker(speak, thread=True, group="speech", name="read-aloud")
