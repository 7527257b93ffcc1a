"""The sessions table: each meeting of a kartläggning, its reading language, tolk and ending."""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from interview.banks.models import Register
from interview.records import Session, TolkRecord
from storage.tables.columns import day_text, time_text


def _tolk_json(record: TolkRecord | None) -> str | None:
    return record.model_dump_json() if record is not None else None


def started_entry(session: Session) -> AuditEvent:
    """Return the audit entry for a session that has just started."""
    return AuditEvent(
        at=session.started_at,
        actor=session.caseworker,
        action=AuditAction.CREATE,
        subject=f"session:{session.id}",
        detail={"kartlaggning": session.kartlaggning_id, "number": session.number},
    )


def changed_entry(db: Database, session_id: str, at: datetime, /, **detail: object) -> AuditEvent:
    """Return the audit entry for a change to a session, by the session's caseworker."""
    return AuditEvent(
        at=at,
        actor=caseworker(db, session_id),
        action=AuditAction.CHANGE,
        subject=f"session:{session_id}",
        detail=detail,
    )


def caseworker(db: Database, session_id: str) -> str:
    """Return who led the session ``session_id`` ("" if there is no such session)."""
    rows = list(db.query("SELECT caseworker FROM sessions WHERE id = ?", (session_id,)))
    return str(rows[0]["caseworker"]) if rows else ""


def insert(db: Database, session: Session) -> None:
    """Add ``session``."""
    db.execute(
        "INSERT INTO sessions (id, kartlaggning_id, number, started_at, ended_at, "
        "caseworker, reading_register, tolk, time_frame_minutes, next_meeting, end_note, "
        "language, tolk_record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            session.id,
            session.kartlaggning_id,
            session.number,
            time_text(session.started_at),
            time_text(session.ended_at),
            session.caseworker,
            session.reading_register.value,
            int(session.tolk),
            session.time_frame_minutes,
            day_text(session.next_meeting),
            session.end_note,
            session.language,
            _tolk_json(session.tolk_record),
        ),
    )


def set_reading(db: Database, session_id: str, language: str | None, register: Register) -> None:
    """Set the participant's reading language and register of a session."""
    db.execute(
        "UPDATE sessions SET language = ?, reading_register = ? WHERE id = ?",
        (language, register.value, session_id),
    )


def set_tolk(db: Database, session_id: str, tolk_record: TolkRecord | None) -> None:
    """Set who interpreted a session (None: no tolk)."""
    db.execute(
        "UPDATE sessions SET tolk = ?, tolk_record = ? WHERE id = ?",
        (int(tolk_record is not None), _tolk_json(tolk_record), session_id),
    )


def end(
    db: Database, session_id: str, ended_at: datetime, next_meeting: date | None, end_note: str | None
) -> None:
    """Mark a session as ended, with the next meeting and a note on what is left."""
    db.execute(
        "UPDATE sessions SET ended_at = ?, next_meeting = ?, end_note = ? WHERE id = ?",
        (time_text(ended_at), day_text(next_meeting), end_note, session_id),
    )


def of_kartlaggning(db: Database, kartlaggning_id: str) -> list[Session]:
    """Return the kartläggning's sessions, in order."""
    rows = db.query(
        "SELECT * FROM sessions WHERE kartlaggning_id = ? ORDER BY number", (kartlaggning_id,)
    )
    return [
        Session.model_validate(
            {
                **row,
                "tolk": bool(row["tolk"]),
                "tolk_record": (
                    TolkRecord.model_validate_json(row["tolk_record"]) if row["tolk_record"] else None
                ),
            }
        )
        for row in rows
    ]
