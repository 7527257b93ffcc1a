"""Session steps: start and end a session, its clock, and how it is read (language, register, tolk)."""

from __future__ import annotations

from datetime import date

from interview.banks.models import Register
from interview.engine.checks import (
    MAX_NOTE_CHARS,
    MAX_TIME_FRAME_MINUTES,
    MIN_TIME_FRAME_MINUTES,
    reading_language,
    valid_tolk,
)
from interview.engine.errors import InterviewError
from interview.engine.session_clock import SessionClock, clock_of
from interview.engine.state import InterviewState
from interview.i18n import _
from interview.records import Session, TolkRecord
from interview.text import clean_input


class SessionSteps(InterviewState):
    """Starting and ending sessions, and changing how the open one is read."""

    def start_session(
        self,
        caseworker: str,
        register: Register = Register.STANDARD,
        *,
        tolk: bool = False,
        time_frame_minutes: int = 60,
        language: str | None = None,
        tolk_record: TolkRecord | None = None,
    ) -> Session:
        """Start a new session of ``time_frame_minutes`` (5–60); an open one must be ended first."""
        if self.session is not None:
            raise InterviewError(_("Ett samtal pågår redan. Avsluta det innan du startar ett nytt."))
        name = clean_input(caseworker).strip()
        if not name:
            raise InterviewError(_("Skriv handläggarens namn."))
        if not MIN_TIME_FRAME_MINUTES <= time_frame_minutes <= MAX_TIME_FRAME_MINUTES:
            raise InterviewError(
                _(
                    "Ett samtal är högst {limit} minuter. Välj mellan {least} och {limit} minuter."
                ).format(least=MIN_TIME_FRAME_MINUTES, limit=MAX_TIME_FRAME_MINUTES)
            )
        session = Session(
            kartlaggning_id=self.kartlaggning.id,
            number=len(self._sessions) + 1,
            started_at=self._clock(),
            caseworker=name,
            reading_register=register,
            tolk=tolk or tolk_record is not None,
            time_frame_minutes=time_frame_minutes,
            language=reading_language(language),
            tolk_record=valid_tolk(tolk_record),
        )
        self._store.start_session(session)
        self._sessions.append(session)
        return session

    def end_session(self, next_meeting: date | None = None, note: str | None = None) -> Session:
        """End the open session, with the date of the next meeting and a note on what is left.

        The note is stored without surrounding whitespace; an empty note is no note. The next meeting
        cannot be before today (the local date of the clock's time).
        """
        session = self._require_session()
        ended_at = self._clock()
        end_note = clean_input(note).strip() if note is not None else ""
        if len(end_note) > MAX_NOTE_CHARS:
            raise InterviewError(
                _("Anteckningen är för lång (högst {limit} tecken).").format(limit=MAX_NOTE_CHARS)
            )
        if next_meeting is not None and next_meeting < ended_at.astimezone().date():
            raise InterviewError(_("Nästa träff kan inte vara före i dag. Välj ett senare datum."))
        self._store.end_session(session.id, ended_at, next_meeting, end_note or None)
        ended = session.model_copy(
            update={"ended_at": ended_at, "next_meeting": next_meeting, "end_note": end_note or None}
        )
        self._sessions[-1] = ended
        return ended

    def session_clock(self) -> SessionClock | None:
        """Return the open session's elapsed time and whether it is near or past its time frame.

        The limit is the time frame told at the start (never more than an hour); the calm warning
        comes ten minutes before it (a fifth of the frame for frames under 50 minutes).
        """
        session = self.session
        if session is None:
            return None
        return clock_of(session, self._clock())

    def set_language(self, language: str | None) -> Session:
        """Show the questions in ``language`` beside the Swedish from now on (None: Swedish only).

        It takes effect at once, also for the question being asked; nothing asked or answered changes
        (the record keeps the Swedish wording).
        """
        session = self._require_session()
        return self._set_reading(session, reading_language(language), session.reading_register)

    def set_register(self, register: Register) -> Session:
        """Ask in ``register`` (standard or lättläst Swedish) from now on, the current question too."""
        session = self._require_session()
        return self._set_reading(session, session.language, register)

    def _set_reading(self, session: Session, language: str | None, register: Register) -> Session:
        self._store.set_reading(session.id, language, register, self._clock())
        updated = session.model_copy(update={"language": language, "reading_register": register})
        self._sessions[-1] = updated
        if self._cursor.pending is not None and self._cursor.pending.question_id is not None:
            # a chosen probe is worded in the new register too
            question = self._bank_question(self._cursor.pending.question_id)
            if question is not None:
                pending = self._cursor.pending.model_copy(update={"text": question.text(register)})
                self._move(self._cursor.area_id, pending)
        return updated

    def set_tolk(self, tolk_record: TolkRecord | None) -> Session:
        """Record who interprets the open session (None: no tolk)."""
        session = self._require_session()
        record = valid_tolk(tolk_record)
        self._store.set_tolk(session.id, record, self._clock())
        updated = session.model_copy(update={"tolk": record is not None, "tolk_record": record})
        self._sessions[-1] = updated
        return updated
