"""What the engine needs from persistence, as a protocol; storage/ provides the real thing.

Every method commits durably before it returns. If it cannot, it raises :class:`StoreError` with a
Swedish message for the user, and the engine leaves its state as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from interview.banks.models import Register
from interview.errors import UserError
from interview.karta.models import Statement
from interview.records import (
    Action,
    Cursor,
    Exchange,
    Kartlaggning,
    Participant,
    Session,
    TagChange,
    TolkRecord,
)


class StoreError(UserError):
    """Saving or loading failed; ``str(error)`` is a Swedish sentence for the user."""


class InterviewStore(Protocol):
    """Durable writes the engine makes; each call is one committed transaction."""

    def add_participant(self, participant: Participant) -> None:
        """Store a new participant."""

    def add_kartlaggning(self, kartlaggning: Kartlaggning, cursor: Cursor) -> None:
        """Store a new kartläggning with its starting position."""

    def start_session(self, session: Session) -> None:
        """Store a session that has just started."""

    def end_session(
        self, session_id: str, ended_at: datetime, next_meeting: date | None, end_note: str | None
    ) -> None:
        """Mark a session as ended, with the next meeting and a note on what is left."""

    def set_reading(
        self, session_id: str, language: str | None, register: Register, at: datetime
    ) -> None:
        """Store the participant's reading language and register of a session, chosen at ``at``."""

    def set_tolk(self, session_id: str, tolk_record: TolkRecord | None, at: datetime) -> None:
        """Store who interpreted a session (None: no tolk), recorded at ``at``."""

    def save_exchange(self, exchange: Exchange, cursor: Cursor) -> None:
        """Store a question asked with its answer (or skip) and the new position, atomically."""

    def save_cursor(self, kartlaggning_id: str, cursor: Cursor) -> None:
        """Store a new position (area jump, chosen follow-up)."""

    def revise_answer(
        self, exchange_id: str, text: str, revision: int, saved_at: datetime, saved_by: str
    ) -> None:
        """Replace an answer's text, keeping the earlier text as a revision."""

    def set_tag(self, exchange_id: str, change: TagChange) -> None:
        """Record a new tag on an answer."""

    def save_action(self, action: Action) -> None:
        """Store a new åtgärd, or replace the stored one with the same id."""

    def remove_action(self, action_id: str, removed_at: datetime, removed_by: str) -> None:
        """Mark an åtgärd as removed (it is kept, but no longer loaded)."""

    def add_statement(self, statement: Statement) -> None:
        """Store a new statement of the karta."""

    def change_statements(self, statements: Sequence[Statement]) -> None:
        """Store the new states of ``statements`` in one transaction, each earlier state kept.

        Each one's ``revision`` is one more than the stored one's (else it was changed elsewhere and
        the change is refused); its ``change`` says what happened (edited, moved, reordered, removed).
        """
