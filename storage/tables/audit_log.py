"""The audit table: appending an event to the hash chain inside the caller's transaction, and reading.

Rows are only ever added (triggers refuse any change or removal). The newest row is read and the new
one written in the same ``BEGIN IMMEDIATE`` transaction as the change it records, so the chain has no
forks and a change is never stored without its entry.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from interview.audit import (
    GENESIS,
    AuditEvent,
    SignedRow,
    StoredEntry,
    canonical,
    entry_hash,
    moment_text,
    row_hash,
)

DRAFT_ROW_COLUMNS = (
    "id",
    "kartlaggning_id",
    "version",
    "status",
    "assessment",
    "rehabilitation",
    "other_actions",
    "synpunkter",
    "created_at",
    "updated_at",
    "updated_by",
    "reviewed_at",
    "reviewed_by",
    "read_back_at",
    "read_back_by",
    "signed_at",
    "signed_participant",
    "signed_caseworker",
    "signed_on",
    "content",
    "sha256",
)
"""The columns of a signed version that its sign entry fixes (all but the chain head itself)."""


def head(db: Database) -> tuple[int, str]:
    """Return the newest entry's number and hash (0 and the genesis hash for an empty log)."""
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def append(db: Database, event: AuditEvent) -> str:
    """Add ``event`` after the newest entry (inside the open transaction); return its hash."""
    last_seq, prev = head(db)
    seq = last_seq + 1
    at = moment_text(event.at)
    detail = canonical(event.detail)
    digest = entry_hash(
        seq=seq,
        at=at,
        actor=event.actor,
        action=event.action.value,
        subject=event.subject,
        detail=detail,
        prev_hash=prev,
    )
    db.execute(
        "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, event.actor, event.action.value, event.subject, detail, prev, digest),
    )
    return digest


def entries(db: Database, *, after: int = 0, limit: int | None = None) -> list[StoredEntry]:
    """Return the stored entries after number ``after``, oldest first."""
    sql = (
        "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log "
        "WHERE seq > ? ORDER BY seq"
    )
    params: tuple[Any, ...] = (after,)
    if limit is not None:
        sql += " LIMIT ?"
        params = (after, limit)
    return [StoredEntry.model_validate(dict(row)) for row in db.query(sql, params)]


def entries_about(db: Database, subjects: set[str]) -> list[StoredEntry]:
    """Return the entries whose subject is one of ``subjects``, oldest first (by the subject index)."""
    rows = db.query(
        "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log "
        "WHERE subject IN (SELECT value FROM json_each(?)) ORDER BY seq",
        (json.dumps(sorted(subjects)),),
    )
    return [StoredEntry.model_validate(dict(row)) for row in rows]


def signed_row_hash(columns: dict[str, Any]) -> str:
    """Return the hash a sign entry holds for a signed version's stored ``columns``."""
    return row_hash({name: columns[name] for name in DRAFT_ROW_COLUMNS})


def signed_rows(db: Database) -> list[SignedRow]:
    """Return every signed version, with the hash of its stored row."""
    names = ", ".join(DRAFT_ROW_COLUMNS)
    rows = db.query(
        f"SELECT {names}, audit_head FROM draft_versions "  # noqa: S608 - fixed column names
        "WHERE status = 'undertecknad' ORDER BY kartlaggning_id, version"
    )
    return [
        SignedRow(
            draft_id=row["id"],
            content=row["content"] or "",
            sha256=row["sha256"] or "",
            row_sha256=signed_row_hash(row),
            audit_head=row["audit_head"],
        )
        for row in rows
    ]
