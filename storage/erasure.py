"""Erasing a person for good (gallring): every row about them, then the file rewritten.

A person's rows are deleted child first inside the caller's transaction; the trigger that keeps a
signed version is dropped and put back in that same transaction, so nothing else can slip through
while it is down. ``secure_delete`` (set on every connection) overwrites the freed bytes, and
:func:`compact` rewrites the file without free pages and empties the write-ahead log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from storage.tables import audit_log

KEEP_SIGNED_TRIGGER = "signed_draft_versions_are_kept"

_LAST_ACTIVITY = """
SELECT p.id AS participant_id, p.name, p.personnummer, max(t) AS last_activity,
       (SELECT count(*) FROM kartlaggningar k WHERE k.participant_id = p.id) AS kartlaggningar,
       (SELECT count(*) FROM draft_versions d JOIN kartlaggningar k ON k.id = d.kartlaggning_id
         WHERE k.participant_id = p.id AND d.status = 'undertecknad') AS signed
FROM participants p
LEFT JOIN (
    SELECT participant_id AS pid, created_at AS t FROM kartlaggningar
    UNION ALL SELECT k.participant_id, s.started_at FROM sessions s
        JOIN kartlaggningar k ON k.id = s.kartlaggning_id
    UNION ALL SELECT k.participant_id, s.ended_at FROM sessions s
        JOIN kartlaggningar k ON k.id = s.kartlaggning_id
    UNION ALL SELECT k.participant_id, a.saved_at FROM answers a
        JOIN asked_questions q ON q.id = a.asked_id JOIN kartlaggningar k ON k.id = q.kartlaggning_id
    UNION ALL SELECT k.participant_id, g.set_at FROM tags g
        JOIN asked_questions q ON q.id = g.asked_id JOIN kartlaggningar k ON k.id = q.kartlaggning_id
    UNION ALL SELECT k.participant_id, st.updated_at FROM statements st
        JOIN kartlaggningar k ON k.id = st.kartlaggning_id
    UNION ALL SELECT k.participant_id, c.updated_at FROM actions c
        JOIN kartlaggningar k ON k.id = c.kartlaggning_id
    UNION ALL SELECT k.participant_id, d.updated_at FROM draft_versions d
        JOIN kartlaggningar k ON k.id = d.kartlaggning_id
) activity ON activity.pid = p.id
GROUP BY p.id
"""


def activity(db: Database) -> list[dict[str, Any]]:
    """Return each participant with the time of the last thing stored about them, and counts."""
    rows = []
    for row in db.query(_LAST_ACTIVITY):
        created = db.execute(
            "SELECT created_at FROM participants WHERE id = ?", (row["participant_id"],)
        ).fetchone()[0]
        row["last_activity"] = max(filter(None, (row["last_activity"], created)))
        rows.append(row)
    return rows


_ERASE = (
    (
        "DELETE FROM statement_revisions WHERE statement_id IN"
        " (SELECT s.id FROM statements s"
        " JOIN kartlaggningar k ON k.id = s.kartlaggning_id"
        " WHERE k.participant_id = :person)"
    ),
    (
        "DELETE FROM statements WHERE kartlaggning_id IN"
        " (SELECT id FROM kartlaggningar WHERE participant_id = :person)"
    ),
    (
        "DELETE FROM tags WHERE asked_id IN"
        " (SELECT q.id FROM asked_questions q"
        " JOIN kartlaggningar k ON k.id = q.kartlaggning_id"
        " WHERE k.participant_id = :person)"
    ),
    (
        "DELETE FROM answer_revisions WHERE asked_id IN"
        " (SELECT q.id FROM asked_questions q"
        " JOIN kartlaggningar k ON k.id = q.kartlaggning_id"
        " WHERE k.participant_id = :person)"
    ),
    (
        "DELETE FROM answers WHERE asked_id IN"
        " (SELECT q.id FROM asked_questions q"
        " JOIN kartlaggningar k ON k.id = q.kartlaggning_id"
        " WHERE k.participant_id = :person)"
    ),
    # follow-ups point at the question they follow: cut the links, then delete
    (
        "UPDATE asked_questions SET parent_id = NULL WHERE id IN"
        " (SELECT q.id FROM asked_questions q"
        " JOIN kartlaggningar k ON k.id = q.kartlaggning_id"
        " WHERE k.participant_id = :person)"
    ),
    (
        "DELETE FROM asked_questions WHERE id IN"
        " (SELECT q.id FROM asked_questions q"
        " JOIN kartlaggningar k ON k.id = q.kartlaggning_id"
        " WHERE k.participant_id = :person)"
    ),
    (
        "DELETE FROM actions WHERE kartlaggning_id IN"
        " (SELECT id FROM kartlaggningar WHERE participant_id = :person)"
    ),
    (
        "DELETE FROM draft_versions WHERE kartlaggning_id IN"
        " (SELECT id FROM kartlaggningar WHERE participant_id = :person)"
    ),
    (
        "DELETE FROM sessions WHERE kartlaggning_id IN"
        " (SELECT id FROM kartlaggningar WHERE participant_id = :person)"
    ),
    "DELETE FROM kartlaggningar WHERE participant_id = :person",
)
"""Child rows first; every statement is fixed text with the person as its only parameter."""


def erase_participant(db: Database, participant_id: str) -> dict[str, Any]:
    """Delete every row about ``participant_id`` (inside the open transaction).

    Returns what went, without personal content: the ids of the signed versions (their sign entries
    stay in the audit log and :func:`interview.audit.verify` must know they were erased) and counts.
    """
    person = {"person": participant_id}
    drafts = [
        row[0]
        for row in db.execute(
            "SELECT id FROM draft_versions WHERE status = 'undertecknad' AND kartlaggning_id IN "
            "(SELECT id FROM kartlaggningar WHERE participant_id = :person) ORDER BY id",
            person,
        ).fetchall()
    ]
    kartlaggningar = db.execute(
        "SELECT count(*) FROM kartlaggningar WHERE participant_id = :person", person
    ).fetchone()[0]
    for statement in _ERASE:
        db.execute(statement, person)
    if "consents" in db.table_names():
        db.execute("DELETE FROM consents WHERE participant_id = :person", person)
    db.execute("DELETE FROM participants WHERE id = :person", person)
    return {"drafts": drafts, "kartlaggningar": int(kartlaggningar)}


def erase_participants(
    db: Database, participant_ids: list[str], *, reason: str, actor: str, at: datetime
) -> None:
    """Delete every row about each person, each leaving one erase entry (inside the open transaction).

    An entry holds ``reason``, ids and counts only. The trigger that keeps signed versions is down
    meanwhile and put back before returning.
    """
    keep_trigger = without_keep_trigger(db)
    for participant_id in participant_ids:
        removed = erase_participant(db, participant_id)
        audit_log.append(
            db,
            AuditEvent(
                at=at,
                actor=actor,
                action=AuditAction.ERASE,
                subject=f"participant:{participant_id}",
                detail={"reason": reason, **removed},
            ),
        )
    if keep_trigger:
        db.execute(keep_trigger)


def retention_entries(
    retention: dict[str, Any] | None, erased: int, *, actor: str, at: datetime
) -> list[AuditEvent]:
    """Return the audit entry for a gallring run (its rule and cutoff, how many people went), if one."""
    if retention is None:
        return []
    return [
        AuditEvent(
            at=at,
            actor=actor,
            action=AuditAction.RETENTION,
            subject="database:gallring",
            detail={**retention, "participants": erased},
        )
    ]


def without_keep_trigger(db: Database) -> str:
    """Drop the trigger that keeps signed versions; return its SQL to put it back."""
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (KEEP_SIGNED_TRIGGER,)
    ).fetchone()
    db.execute(f"DROP TRIGGER IF EXISTS {KEEP_SIGNED_TRIGGER}")
    return str(row[0]) if row else ""


def compact(db: Database) -> None:
    """Rewrite the file without free pages and empty the write-ahead log (outside a transaction)."""
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
