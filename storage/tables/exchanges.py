"""The asked questions with their answers, the answers' earlier texts (revisions) and their tags."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from interview.i18n import _
from interview.records import Exchange, Revision, TagChange
from storage.errors import StorageError
from storage.tables.columns import time_text


def tagged_entry(exchange_id: str, change: TagChange) -> AuditEvent:
    """Return the audit entry for a new tag on an answer."""
    return AuditEvent(
        at=change.set_at,
        actor=change.set_by,
        action=AuditAction.TAG,
        subject=f"answer:{exchange_id}",
        detail={"tag": change.tag.value if change.tag else None},
    )


def saved_entries(exchange: Exchange, actor: str) -> list[AuditEvent]:
    """Return the audit entries for a question asked with its answer (or skip) and its tags."""
    return [
        AuditEvent(
            at=exchange.answered_at or exchange.asked_at,
            actor=actor,
            action=AuditAction.CREATE,
            subject=f"answer:{exchange.id}",
            detail={
                "kartlaggning": exchange.kartlaggning_id,
                "seq": exchange.seq,
                "area": exchange.area_id,
                "source": exchange.source.value,
                "skipped": exchange.skipped,
            },
        ),
        *(tagged_entry(exchange.id, change) for change in exchange.tags),
    ]


def revised_entry(exchange_id: str, revision: int, saved_at: datetime, saved_by: str) -> AuditEvent:
    """Return the audit entry for an answer's new text."""
    return AuditEvent(
        at=saved_at,
        actor=saved_by,
        action=AuditAction.CHANGE,
        subject=f"answer:{exchange_id}",
        detail={"revision": revision},
    )


def insert(db: Database, exchange: Exchange) -> None:
    """Add a question asked with its answer (if any) and its tags."""
    db.execute(
        "INSERT INTO asked_questions (id, kartlaggning_id, session_id, seq, area_id, "
        "question_id, source, question_text, parent_id, asked_at, skipped) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            exchange.id,
            exchange.kartlaggning_id,
            exchange.session_id,
            exchange.seq,
            exchange.area_id,
            exchange.question_id,
            exchange.source.value,
            exchange.question_text,
            exchange.parent_id,
            time_text(exchange.asked_at),
            int(exchange.skipped),
        ),
    )
    if exchange.answer is not None:
        db.execute(
            "INSERT INTO answers (asked_id, text, revision, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)",
            (
                exchange.id,
                exchange.answer,
                exchange.revision,
                time_text(exchange.answered_at or exchange.asked_at),
                exchange.answered_by or "",
            ),
        )
    for change in exchange.tags:
        insert_tag(db, exchange.id, change)


def insert_tag(db: Database, exchange_id: str, change: TagChange) -> None:
    """Add a tag change to an answer."""
    db.execute(
        "INSERT INTO tags (asked_id, tag, set_at, set_by) VALUES (?, ?, ?, ?)",
        (
            exchange_id,
            change.tag.value if change.tag else None,
            time_text(change.set_at),
            change.set_by,
        ),
    )


def revise(
    db: Database, exchange_id: str, text: str, revision: int, *, saved_at: datetime, saved_by: str
) -> None:
    """Copy the answer's text into ``answer_revisions``, then replace it.

    Refused (Swedish message) unless the stored text is revision ``revision - 1``: another window
    changed it in between.
    """
    inserted = db.execute(
        "INSERT INTO answer_revisions (asked_id, revision, text, saved_at, saved_by) "
        "SELECT asked_id, revision, text, saved_at, saved_by FROM answers "
        "WHERE asked_id = ? AND revision = ?",
        (exchange_id, revision - 1),
    ).rowcount
    if inserted != 1:
        raise StorageError(_("Svaret har ändrats i ett annat fönster. Öppna kartläggningen igen."))
    db.execute(
        "UPDATE answers SET text = ?, revision = ?, saved_at = ?, saved_by = ? WHERE asked_id = ?",
        (text, revision, time_text(saved_at), saved_by, exchange_id),
    )


def of_kartlaggning(db: Database, kartlaggning_id: str) -> list[Exchange]:
    """Return the kartläggning's exchanges in order, each with its revisions and tags."""
    revisions: dict[str, list[Revision]] = {}
    for row in db.query(
        "SELECT r.* FROM answer_revisions r JOIN asked_questions q ON q.id = r.asked_id "
        "WHERE q.kartlaggning_id = ? ORDER BY r.asked_id, r.revision",
        (kartlaggning_id,),
    ):
        revisions.setdefault(row.pop("asked_id"), []).append(Revision.model_validate(row))
    tags: dict[str, list[TagChange]] = {}
    for row in db.query(
        "SELECT t.asked_id, t.tag, t.set_at, t.set_by FROM tags t "
        "JOIN asked_questions q ON q.id = t.asked_id "
        "WHERE q.kartlaggning_id = ? ORDER BY t.id",
        (kartlaggning_id,),
    ):
        tags.setdefault(row.pop("asked_id"), []).append(TagChange.model_validate(row))
    exchanges = []
    for row in db.query(
        "SELECT q.*, a.text AS answer, a.revision AS revision, a.saved_at AS answered_at, "
        "a.saved_by AS answered_by FROM asked_questions q "
        "LEFT JOIN answers a ON a.asked_id = q.id "
        "WHERE q.kartlaggning_id = ? ORDER BY q.seq",
        (kartlaggning_id,),
    ):
        row["skipped"] = bool(row["skipped"])
        row["revision"] = row["revision"] or 1
        row["revisions"] = tuple(revisions.get(row["id"], ()))
        row["tags"] = tuple(tags.get(row["id"], ()))
        exchanges.append(Exchange.model_validate(row))
    return exchanges


def answer_ids(db: Database) -> set[str]:
    """Return the ids of every stored answer."""
    return {row["asked_id"] for row in db.query("SELECT asked_id FROM answers")}
