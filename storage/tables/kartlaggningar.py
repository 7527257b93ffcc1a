"""The kartlaggningar table with each one's position (the cursor); a whole kartläggning read back."""

from __future__ import annotations

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from interview.records import Cursor, Kartlaggning, KartlaggningRecord, PendingQuestion
from storage.tables import actions, exchanges, participants, sessions, statements
from storage.tables.columns import time_text


def _cursor_values(cursor: Cursor) -> tuple[str, str | None, str | None]:
    pending = cursor.pending.model_dump_json() if cursor.pending else None
    return cursor.area_id, pending, time_text(cursor.updated_at)


def created_entry(kartlaggning: Kartlaggning) -> AuditEvent:
    """Return the audit entry for a new kartläggning."""
    return AuditEvent(
        at=kartlaggning.created_at,
        actor=kartlaggning.created_by,
        action=AuditAction.CREATE,
        subject=f"kartlaggning:{kartlaggning.id}",
        detail={"participant": kartlaggning.participant_id, "bank": kartlaggning.bank_id},
    )


def insert(db: Database, kartlaggning: Kartlaggning, cursor: Cursor) -> None:
    """Add ``kartlaggning`` with its starting position."""
    db.execute(
        "INSERT INTO kartlaggningar (id, participant_id, bank_id, created_at, created_by, "
        "cursor_area_id, cursor_pending, cursor_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            kartlaggning.id,
            kartlaggning.participant_id,
            kartlaggning.bank_id,
            time_text(kartlaggning.created_at),
            kartlaggning.created_by,
            *_cursor_values(cursor),
        ),
    )


def set_cursor(db: Database, kartlaggning_id: str, cursor: Cursor) -> None:
    """Store a new position."""
    db.execute(
        "UPDATE kartlaggningar SET cursor_area_id = ?, cursor_pending = ?, "
        "cursor_updated_at = ? WHERE id = ?",
        (*_cursor_values(cursor), kartlaggning_id),
    )


def of_participant(db: Database, participant_id: str) -> list[Kartlaggning]:
    """Return the participant's kartläggningar, oldest first."""
    rows = db.query(
        "SELECT id, participant_id, bank_id, created_at, created_by FROM kartlaggningar "
        "WHERE participant_id = ? ORDER BY created_at",
        (participant_id,),
    )
    return [Kartlaggning.model_validate(row) for row in rows]


def latest(db: Database) -> Kartlaggning | None:
    """Return the kartläggning whose position changed most recently (None if there is none)."""
    rows = list(
        db.query(
            "SELECT id, participant_id, bank_id, created_at, created_by FROM kartlaggningar "
            "ORDER BY cursor_updated_at DESC LIMIT 1"
        )
    )
    return Kartlaggning.model_validate(rows[0]) if rows else None


def record(db: Database, kartlaggning_id: str) -> KartlaggningRecord | None:
    """Return everything stored about one kartläggning, or None if there is no such one."""
    heads = list(db.query("SELECT * FROM kartlaggningar WHERE id = ?", (kartlaggning_id,)))
    if not heads:
        return None
    head = heads[0]
    participant = participants.one(db, head["participant_id"])
    if participant is None:  # pragma: no cover - prevented by the foreign key
        return None
    found_sessions = sessions.of_kartlaggning(db, kartlaggning_id)
    found_exchanges = exchanges.of_kartlaggning(db, kartlaggning_id)
    found_actions = actions.of_kartlaggning(db, kartlaggning_id)
    found_statements = statements.of_kartlaggning(db, kartlaggning_id)
    pending = head["cursor_pending"]
    cursor = Cursor(
        area_id=head["cursor_area_id"],
        pending=PendingQuestion.model_validate_json(pending) if pending else None,
        updated_at=head["cursor_updated_at"],
    )
    kartlaggning = Kartlaggning.model_validate(
        {key: head[key] for key in ("id", "participant_id", "bank_id", "created_at", "created_by")}
    )
    return KartlaggningRecord(
        participant=participant,
        kartlaggning=kartlaggning,
        sessions=tuple(found_sessions),
        exchanges=tuple(found_exchanges),
        cursor=cursor,
        actions=tuple(found_actions),
        statements=tuple(found_statements),
    )
