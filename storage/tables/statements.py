"""The statements table (the karta's entries) and their earlier states (statement_revisions).

A change copies the stored row into ``statement_revisions`` and then updates it; triggers refuse an
update that skips that copy, a change of a removed statement, and any change of a revision.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from interview.i18n import _
from interview.karta.models import Statement, StatementChange, StatementRevision
from storage.errors import StorageError
from storage.tables.columns import time_text

_ACTIONS = {
    StatementChange.CREATED: AuditAction.CREATE,
    StatementChange.EDITED: AuditAction.CHANGE,
    StatementChange.MOVED: AuditAction.MOVE,
    StatementChange.REORDERED: AuditAction.REORDER,
    StatementChange.REMOVED: AuditAction.REMOVE,
}


def entry(statement: Statement) -> AuditEvent:
    """Return the audit entry for the statement's current state (ids, column, position; no text)."""
    detail: dict[str, Any] = {
        "kartlaggning": statement.kartlaggning_id,
        "area": statement.area_id,
        "column": statement.column.value,
        "position": statement.position,
        "revision": statement.revision,
    }
    if statement.change is StatementChange.CREATED:
        detail["sources"] = list(statement.sources)
    return AuditEvent(
        at=statement.updated_at,
        actor=statement.updated_by,
        action=_ACTIONS[statement.change],
        subject=f"statement:{statement.id}",
        detail=detail,
    )


def insert(db: Database, statement: Statement) -> None:
    """Add a new statement."""
    db.execute(
        "INSERT INTO statements (id, kartlaggning_id, area_id, karta_column, text, position, "
        "sources, revision, change, created_at, created_by, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            statement.id,
            statement.kartlaggning_id,
            statement.area_id,
            statement.column.value,
            statement.text,
            statement.position,
            json.dumps(list(statement.sources)),
            statement.revision,
            statement.change.value,
            time_text(statement.created_at),
            statement.created_by,
            time_text(statement.updated_at),
            statement.updated_by,
        ),
    )


def change(db: Database, statements: Sequence[Statement]) -> None:
    """Keep each stored state as a revision, then store the new one (inside the open transaction).

    Refused (Swedish message) unless the stored statement is revision ``revision - 1`` and not
    removed: another window changed it in between.
    """
    for statement in statements:
        kept = db.execute(
            "INSERT INTO statement_revisions (statement_id, revision, change, karta_column, text, "
            "position, saved_at, saved_by) SELECT id, revision, change, karta_column, text, "
            "position, updated_at, updated_by FROM statements "
            "WHERE id = ? AND revision = ? AND change != 'removed'",
            (statement.id, statement.revision - 1),
        ).rowcount
        if kept != 1:
            raise StorageError(
                _("Formuleringen har ändrats i ett annat fönster. Öppna kartläggningen igen.")
            )
        db.execute(
            "UPDATE statements SET karta_column = ?, text = ?, position = ?, revision = ?, "
            "change = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            (
                statement.column.value,
                statement.text,
                statement.position,
                statement.revision,
                statement.change.value,
                time_text(statement.updated_at),
                statement.updated_by,
                statement.id,
            ),
        )


def of_kartlaggning(db: Database, kartlaggning_id: str) -> list[Statement]:
    """Return the kartläggning's statements in the order written, removed ones too, with history."""
    revisions: dict[str, list[StatementRevision]] = {}
    for row in db.query(
        "SELECT r.statement_id, r.revision, r.change, r.karta_column AS column, r.text, "
        "r.position, r.saved_at, r.saved_by FROM statement_revisions r "
        "JOIN statements s ON s.id = r.statement_id WHERE s.kartlaggning_id = ? "
        "ORDER BY r.statement_id, r.revision",
        (kartlaggning_id,),
    ):
        revisions.setdefault(row.pop("statement_id"), []).append(StatementRevision.model_validate(row))
    found = []
    for row in db.query(
        "SELECT id, kartlaggning_id, area_id, karta_column AS column, text, position, sources, "
        "revision, change, created_at, created_by, updated_at, updated_by FROM statements "
        "WHERE kartlaggning_id = ? ORDER BY rowid",
        (kartlaggning_id,),
    ):
        row["sources"] = tuple(json.loads(row["sources"]))
        row["revisions"] = tuple(revisions.get(row["id"], ()))
        found.append(Statement.model_validate(row))
    return found
