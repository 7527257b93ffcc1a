"""The :class:`Interview`: one kartläggning in progress, composed from the step families."""

from __future__ import annotations

from interview.banks.models import Bank
from interview.clock import Clock
from interview.engine.actions import ActionSteps
from interview.engine.answering import Answering
from interview.engine.followups import FollowUps
from interview.engine.karta import KartaSteps
from interview.engine.overview import Overview
from interview.engine.revisions import Revisions
from interview.engine.sessions import SessionSteps
from interview.records import Cursor, Kartlaggning, KartlaggningRecord, Participant
from interview.store import InterviewStore


class Interview(SessionSteps, Answering, FollowUps, Revisions, ActionSteps, KartaSteps, Overview):
    """One kartläggning in progress: the state, and the steps that change it."""

    @classmethod
    def begin(
        cls,
        bank: Bank,
        participant: Participant,
        store: InterviewStore,
        clock: Clock,
        created_by: str,
    ) -> Interview:
        """Start a new kartläggning of ``participant`` with ``bank`` and store it."""
        now = clock()
        kartlaggning = Kartlaggning(
            participant_id=participant.id, bank_id=bank.id, created_at=now, created_by=created_by
        )
        cursor = Cursor(area_id=bank.areas[0].id, updated_at=now)
        store.add_kartlaggning(kartlaggning, cursor)
        record = KartlaggningRecord(participant=participant, kartlaggning=kartlaggning, cursor=cursor)
        return cls(bank, record, store, clock)
