"""PairTimer: person 1, then person 2, then finished; pause, reset and the length of a turn."""

from __future__ import annotations

import pytest

from interview.practice.timer import DEFAULT_MINUTES, PairTimer, TimerState

START = 1000.0


def test_a_new_timer_waits_for_person_1() -> None:
    timer = PairTimer()
    state = timer.state(START)
    assert timer.minutes_each == DEFAULT_MINUTES == 3
    assert state == TimerState(turn=1, remaining=180, running=False, started=False)
    assert state.clock == "3:00"
    assert timer.state(START + 500) == state


def test_turn_1_then_turn_2_then_finished() -> None:
    timer = PairTimer(2)
    timer.toggle(START)
    assert timer.state(START + 10).turn == 1
    assert timer.state(START + 10).running
    assert timer.state(START + 119.9).turn == 1
    assert timer.state(START + 120) == TimerState(turn=2, remaining=120, running=True, started=True)
    assert timer.state(START + 239.5).turn == 2
    finished = timer.state(START + 240)
    assert finished.finished
    assert finished == TimerState(turn=None, remaining=0, running=False, started=True)
    assert timer.state(START + 10_000).finished


def test_remaining_rounds_up_to_whole_seconds() -> None:
    timer = PairTimer(1)
    timer.toggle(START)
    assert timer.state(START + 0.1).remaining == 60
    assert timer.state(START + 0.9).remaining == 60
    assert timer.state(START + 1.0).remaining == 59
    assert timer.state(START + 59.01).remaining == 1
    assert timer.state(START + 54.5).clock == "0:06"
    assert timer.state(START + 60.5).remaining == 60


def test_pause_freezes_the_time_and_go_on_continues() -> None:
    timer = PairTimer(3)
    timer.toggle(START)
    timer.toggle(START + 30)
    paused = timer.state(START + 30)
    assert paused == TimerState(turn=1, remaining=150, running=False, started=True)
    assert timer.state(START + 400) == paused
    assert timer.elapsed(START + 400) == 30
    timer.toggle(START + 400)
    assert timer.state(START + 410).remaining == 140
    assert timer.state(START + 410).clock == "2:20"


def test_reset_goes_back_to_person_1_not_running() -> None:
    timer = PairTimer(1)
    timer.toggle(START)
    assert timer.state(START + 90).turn == 2
    timer.reset()
    assert timer.state(START + 95) == TimerState(turn=1, remaining=60, running=False, started=False)


def test_toggle_after_both_turns_starts_again() -> None:
    timer = PairTimer(1)
    timer.toggle(START)
    assert timer.state(START + 200).finished
    timer.toggle(START + 300)
    assert timer.state(START + 305) == TimerState(turn=1, remaining=55, running=True, started=True)


@pytest.mark.parametrize(
    ("asked", "kept"), [(0, 1), (-4, 1), (1, 1), (7, 7), (10, 10), (11, 10), (60, 10)]
)
def test_minutes_are_kept_within_1_to_10(asked: int, kept: int) -> None:
    assert PairTimer(asked).minutes_each == kept
    timer = PairTimer()
    timer.set_minutes(asked)
    assert timer.minutes_each == kept
    assert timer.turn_seconds == kept * 60


def test_minutes_cannot_change_once_started() -> None:
    timer = PairTimer(4)
    timer.toggle(START)
    timer.set_minutes(8)
    assert timer.minutes_each == 4
    timer.toggle(START + 20)
    timer.set_minutes(8)
    assert timer.minutes_each == 4
    timer.reset()
    timer.set_minutes(8)
    assert timer.minutes_each == 8
