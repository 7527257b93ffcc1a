"""The participants table: the people a kartläggning is about."""

from __future__ import annotations

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from interview.records import Participant
from storage.tables.columns import time_text


def created_entry(participant: Participant) -> AuditEvent:
    """Return the audit entry for storing ``participant`` (ids only)."""
    return AuditEvent(
        at=participant.created_at,
        actor=participant.created_by,
        action=AuditAction.CREATE,
        subject=f"participant:{participant.id}",
    )


def insert(db: Database, participant: Participant) -> None:
    """Add ``participant``."""
    db.execute(
        "INSERT INTO participants (id, name, personnummer, no_number_reason, created_at, "
        "created_by) VALUES (?, ?, ?, ?, ?, ?)",
        (
            participant.id,
            participant.name,
            participant.personnummer,
            participant.no_number_reason,
            time_text(participant.created_at),
            participant.created_by,
        ),
    )


def one(db: Database, participant_id: str) -> Participant | None:
    """Return the participant ``participant_id``, if stored."""
    rows = list(db.query("SELECT * FROM participants WHERE id = ?", (participant_id,)))
    return Participant.model_validate(rows[0]) if rows else None


def by_personnummer(db: Database, personnummer: str) -> Participant | None:
    """Return the participant with the 12-digit ``personnummer``, if stored."""
    rows = list(db.query("SELECT * FROM participants WHERE personnummer = ?", (personnummer,)))
    return Participant.model_validate(rows[0]) if rows else None


def every(db: Database) -> list[Participant]:
    """Return every participant, by name."""
    rows = db.query("SELECT * FROM participants ORDER BY name COLLATE NOCASE, created_at")
    return [Participant.model_validate(row) for row in rows]
