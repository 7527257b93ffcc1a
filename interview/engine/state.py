"""The interview's state, rebuilt from the records, and what every step reads from it.

Every change is written through an :class:`~interview.store.InterviewStore` first and applied to the
in-memory state only after the store has committed it, so what the engine reports as saved is on disk.
Time comes from an injected clock.
"""

from __future__ import annotations

from interview.banks.models import Area, Bank, Question, Register
from interview.clock import Clock
from interview.engine.errors import InterviewError
from interview.engine.views import CurrentQuestion
from interview.i18n import _
from interview.karta.models import Column, Statement
from interview.records import (
    Action,
    Cursor,
    Exchange,
    KartlaggningRecord,
    PendingQuestion,
    Session,
    Source,
)
from interview.store import InterviewStore


class InterviewState:
    """One kartläggning's state: its sessions, exchanges, cursor and åtgärder, and how to read them."""

    def __init__(
        self, bank: Bank, record: KartlaggningRecord, store: InterviewStore, clock: Clock
    ) -> None:
        """Rebuild the interview from ``record`` (as loaded from storage)."""
        self.bank = bank
        self._store = store
        self._clock = clock
        self.participant = record.participant
        self.kartlaggning = record.kartlaggning
        self._sessions: list[Session] = list(record.sessions)
        self._exchanges: list[Exchange] = sorted(record.exchanges, key=lambda exchange: exchange.seq)
        cursor = record.cursor
        known_areas = {area.id for area in bank.areas}
        if cursor is None or cursor.area_id not in known_areas:
            cursor = Cursor(area_id=bank.areas[0].id, updated_at=clock())
        self._cursor = cursor
        self._actions: list[Action] = sorted(record.actions, key=lambda action: action.position)
        self._statements: list[Statement] = list(record.statements)

    def snapshot(self) -> KartlaggningRecord:
        """Return the whole state as a record (equal to what storage holds)."""
        return KartlaggningRecord(
            participant=self.participant,
            kartlaggning=self.kartlaggning,
            sessions=tuple(self._sessions),
            exchanges=tuple(self._exchanges),
            cursor=self._cursor,
            actions=tuple(self._actions),
            statements=tuple(self._statements),
        )

    # ----------------------------------------------------------------------------- sessions

    @property
    def sessions(self) -> tuple[Session, ...]:
        """All sessions so far, oldest first."""
        return tuple(self._sessions)

    @property
    def session(self) -> Session | None:
        """The open session, if one is running."""
        if self._sessions and self._sessions[-1].ended_at is None:
            return self._sessions[-1]
        return None

    def _require_session(self) -> Session:
        session = self.session
        if session is None:
            raise InterviewError(_("Starta ett samtal först."))
        return session

    @property
    def register(self) -> Register:
        """The register of the open (or last) session."""
        return self._sessions[-1].reading_register if self._sessions else Register.STANDARD

    @property
    def language(self) -> str | None:
        """The participant's reading language of the open (or last) session; None: Swedish only."""
        return self._sessions[-1].language if self._sessions else None

    def _author(self) -> str:
        if self._sessions:
            return self._sessions[-1].caseworker
        return self.kartlaggning.created_by

    # ----------------------------------------------------------------------------- exchanges

    @property
    def exchanges(self) -> tuple[Exchange, ...]:
        """Every question asked so far, in order."""
        return tuple(self._exchanges)

    def exchange(self, exchange_id: str) -> Exchange:
        """Return the exchange ``exchange_id``."""
        for exchange in self._exchanges:
            if exchange.id == exchange_id:
                return exchange
        raise InterviewError(_("Svaret finns inte."))

    def _replace(self, updated: Exchange) -> None:
        for index, exchange in enumerate(self._exchanges):
            if exchange.id == updated.id:
                self._exchanges[index] = updated
                return

    def _asked_bank_ids(self) -> set[str]:
        return {
            exchange.question_id
            for exchange in self._exchanges
            if exchange.source is Source.BANK and exchange.question_id
        }

    def _last_answer(self) -> Exchange | None:
        for exchange in reversed(self._exchanges):
            if not exchange.skipped:
                return exchange
        return None

    def _newest_column(self, exchange_id: str) -> Column | None:
        """Return the column of the newest statement drawn from the answer (None if none)."""
        for statement in reversed(self._statements):
            if not statement.removed and exchange_id in statement.sources:
                return statement.column
        return None

    def _root(self, exchange: Exchange) -> Exchange:
        return self.exchange(exchange.parent_id) if exchange.parent_id else exchange

    def _bank_question(self, question_id: str | None) -> Question | None:
        """Return the bank's question ``question_id``; None for own questions or ids the bank lacks."""
        if question_id is None:
            return None
        try:
            return self.bank.question(question_id)[1]
        except KeyError:
            return None

    # ----------------------------------------------------------------------------- position

    @property
    def current_area(self) -> Area:
        """The area being talked about."""
        return self.bank.area(self._cursor.area_id)

    @property
    def cursor(self) -> Cursor:
        """The stored position."""
        return self._cursor

    @property
    def current(self) -> CurrentQuestion | None:
        """The question to ask now, or None when the current area's questions are done."""
        area = self.current_area
        pending = self._cursor.pending
        if pending is not None:
            question = self._bank_question(pending.question_id)
            return CurrentQuestion(
                area=area,
                source=pending.source,
                question=question,
                text=question.text(self.register) if question else pending.text,
                parent_id=pending.parent_id,
            )
        asked = self._asked_bank_ids()
        for question in area.openings:
            if question.id not in asked:
                return CurrentQuestion(
                    area=area,
                    source=Source.BANK,
                    question=question,
                    text=question.text(self.register),
                )
        return None

    def _move(self, area_id: str, pending: PendingQuestion | None = None) -> None:
        cursor = Cursor(area_id=area_id, pending=pending, updated_at=self._clock())
        self._store.save_cursor(self.kartlaggning.id, cursor)
        self._cursor = cursor

    def _ask(self, area_id: str, pending: PendingQuestion) -> CurrentQuestion:
        """Make ``pending`` the current question in ``area_id`` and return it."""
        self._move(area_id, pending)
        current = self.current
        assert current is not None
        return current
