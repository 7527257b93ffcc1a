"""The actions table: the åtgärder agreed in a kartläggning (a removed one is kept, marked removed)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from interview.i18n import _
from interview.records import Action
from storage.errors import StorageError
from storage.tables.columns import day_text, time_text


def _gone() -> StorageError:
    return StorageError(
        _("Åtgärden har tagits bort eller ändrats i ett annat fönster. Öppna kartläggningen igen.")
    )


def saved_entry(action: Action, *, known: bool) -> AuditEvent:
    """Return the audit entry for storing ``action`` (a change if it was ``known`` already)."""
    return AuditEvent(
        at=action.updated_at,
        actor=action.updated_by,
        action=AuditAction.CHANGE if known else AuditAction.CREATE,
        subject=f"action:{action.id}",
        detail={"kartlaggning": action.kartlaggning_id, "position": action.position},
    )


def removed_entry(action_id: str, removed_at: datetime, removed_by: str) -> AuditEvent:
    """Return the audit entry for removing an åtgärd."""
    return AuditEvent(
        at=removed_at,
        actor=removed_by,
        action=AuditAction.CHANGE,
        subject=f"action:{action_id}",
        detail={"removed": True},
    )


def exists(db: Database, action_id: str) -> bool:
    """Return whether an åtgärd ``action_id`` is stored (removed or not)."""
    return bool(list(db.query("SELECT 1 FROM actions WHERE id = ?", (action_id,))))


def save(db: Database, action: Action) -> None:
    """Add ``action`` or update the stored one with its id; refused if that one is removed."""
    changed = db.execute(
        "INSERT INTO actions (id, kartlaggning_id, position, what, who, due, created_at, "
        "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET position = excluded.position, what = excluded.what, "
        "who = excluded.who, due = excluded.due, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by "
        "WHERE removed_at IS NULL AND kartlaggning_id = excluded.kartlaggning_id",
        (
            action.id,
            action.kartlaggning_id,
            action.position,
            action.what,
            action.who,
            day_text(action.due),
            time_text(action.created_at),
            time_text(action.updated_at),
            action.updated_by,
        ),
    ).rowcount
    if changed != 1:
        raise _gone()


def remove(db: Database, action_id: str, removed_at: datetime, removed_by: str) -> None:
    """Mark an åtgärd as removed; refused if there is none such not yet removed."""
    changed = db.execute(
        "UPDATE actions SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL",
        (time_text(removed_at), removed_by, action_id),
    ).rowcount
    if changed != 1:
        raise _gone()


def of_kartlaggning(db: Database, kartlaggning_id: str) -> list[Action]:
    """Return the kartläggning's åtgärder not removed, in order."""
    rows = db.query(
        "SELECT id, kartlaggning_id, position, what, who, due, created_at, updated_at, "
        "updated_by FROM actions WHERE kartlaggning_id = ? AND removed_at IS NULL "
        "ORDER BY position, created_at",
        (kartlaggning_id,),
    )
    return [Action.model_validate(row) for row in rows]
