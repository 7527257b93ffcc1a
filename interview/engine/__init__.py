"""The interview engine: where the kartläggning stands and what happens on each step.

Plain Python over the bank and the records. Every change is written through an
:class:`~interview.store.InterviewStore` first and applied to the in-memory state only after the store
has committed it, so what the engine reports as saved is on disk. Time comes from an injected clock.

:class:`Interview` is composed from one class per job: the state it reads (``state``), sessions
(``sessions``), the question order and answering (``answering``), follow-ups (``followups``), tags
and edits (``revisions``), åtgärder (``actions``), the karta's statements (``karta``) and the
overview (``overview``); the session clock, the motivationskors and the input checks are modules of
their own.
"""

from __future__ import annotations

from interview.engine.checks import (
    MAX_ACTION_CHARS,
    MAX_ANSWER_CHARS,
    MAX_NOTE_CHARS,
    MAX_QUESTION_CHARS,
    MAX_RESPONSIBLE_CHARS,
    MAX_TIME_FRAME_MINUTES,
    MIN_TIME_FRAME_MINUTES,
)
from interview.engine.errors import InterviewError
from interview.engine.facade import Interview
from interview.engine.motivation import Motivation, motivation_of
from interview.engine.session_clock import SESSION_LIMIT, SESSION_WARNING, ClockState, SessionClock
from interview.engine.views import AreaCoverage, CurrentQuestion, Recap

__all__ = [
    "MAX_ACTION_CHARS",
    "MAX_ANSWER_CHARS",
    "MAX_NOTE_CHARS",
    "MAX_QUESTION_CHARS",
    "MAX_RESPONSIBLE_CHARS",
    "MAX_TIME_FRAME_MINUTES",
    "MIN_TIME_FRAME_MINUTES",
    "SESSION_LIMIT",
    "SESSION_WARNING",
    "AreaCoverage",
    "ClockState",
    "CurrentQuestion",
    "Interview",
    "InterviewError",
    "Motivation",
    "Recap",
    "SessionClock",
    "motivation_of",
]
