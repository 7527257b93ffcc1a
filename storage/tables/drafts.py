"""The draft_versions table: each version of a sammanställning, its review, read-back and signing.

A signed version is frozen by a trigger. Signing adds the sign entry to the audit log first and stores
that entry's hash (the chain head) on the row in the same statement that marks it signed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from interview.draft.models import (
    CaseworkerSections,
    DraftListing,
    DraftStatus,
    DraftVersion,
    Signature,
)
from storage.errors import DraftVersionConflict
from storage.tables import audit_log
from storage.tables.columns import day_text, parse_time, time_text

_LISTING = """
SELECT k.id AS kartlaggning_id, k.created_at AS started_at,
       p.id AS participant_id, p.name AS participant_name, p.personnummer,
       (SELECT count(*) FROM answers a JOIN asked_questions q ON q.id = a.asked_id
         WHERE q.kartlaggning_id = k.id) AS answers,
       d.version, d.status, d.updated_at, d.signed_at,
       (SELECT max(t) FROM (
            SELECT max(a.saved_at) AS t FROM answers a
              JOIN asked_questions q ON q.id = a.asked_id WHERE q.kartlaggning_id = k.id
            UNION ALL SELECT max(g.set_at) FROM tags g
              JOIN asked_questions q ON q.id = g.asked_id WHERE q.kartlaggning_id = k.id
            UNION ALL SELECT max(max(c.updated_at, coalesce(c.removed_at, '')))
              FROM actions c WHERE c.kartlaggning_id = k.id
       )) AS records_changed_at
FROM kartlaggningar k
JOIN participants p ON p.id = k.participant_id
LEFT JOIN draft_versions d ON d.kartlaggning_id = k.id AND d.version = (
    SELECT max(version) FROM draft_versions WHERE kartlaggning_id = k.id)
"""


def created_entry(version: DraftVersion) -> AuditEvent:
    """Return the audit entry for a new version."""
    return AuditEvent(
        at=version.updated_at,
        actor=version.updated_by,
        action=AuditAction.CREATE,
        subject=f"draft:{version.id}",
        detail={"kartlaggning": version.kartlaggning_id, "version": version.version},
    )


def changed_entry(version: DraftVersion) -> AuditEvent:
    """Return the audit entry for a changed, unsigned version."""
    return AuditEvent(
        at=version.updated_at,
        actor=version.updated_by,
        action=AuditAction.CHANGE,
        subject=f"draft:{version.id}",
        detail={"version": version.version, "status": version.status.value},
    )


def _columns(version: DraftVersion) -> dict[str, Any]:
    """Return the stored columns of ``version`` (all but the id), in the table's terms."""
    signature = version.signature
    return {
        "kartlaggning_id": version.kartlaggning_id,
        "version": version.version,
        "status": version.status.value,
        "assessment": version.sections.assessment,
        "rehabilitation": version.sections.rehabilitation,
        "other_actions": version.sections.other_actions,
        "synpunkter": version.synpunkter,
        "created_at": time_text(version.created_at),
        "updated_at": time_text(version.updated_at),
        "updated_by": version.updated_by,
        "reviewed_at": time_text(version.reviewed_at),
        "reviewed_by": version.reviewed_by,
        "read_back_at": time_text(version.read_back_at),
        "read_back_by": version.read_back_by,
        "signed_at": time_text(version.signed_at),
        "signed_participant": signature.participant if signature else None,
        "signed_caseworker": signature.caseworker if signature else None,
        "signed_on": day_text(signature.signed_on) if signature else None,
        "content": version.content,
        "sha256": version.sha256,
    }


def _version(row: dict[str, Any]) -> DraftVersion:
    signature = None
    if row["signed_on"] is not None:
        signature = Signature(
            participant=row["signed_participant"],
            caseworker=row["signed_caseworker"],
            signed_on=date.fromisoformat(row["signed_on"]),
        )
    return DraftVersion(
        id=row["id"],
        kartlaggning_id=row["kartlaggning_id"],
        version=row["version"],
        status=DraftStatus(row["status"]),
        sections=CaseworkerSections(
            assessment=row["assessment"],
            rehabilitation=row["rehabilitation"],
            other_actions=row["other_actions"],
        ),
        synpunkter=row["synpunkter"],
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        updated_by=row["updated_by"],
        reviewed_at=parse_time(row["reviewed_at"]),
        reviewed_by=row["reviewed_by"],
        read_back_at=parse_time(row["read_back_at"]),
        read_back_by=row["read_back_by"],
        signed_at=parse_time(row["signed_at"]),
        signature=signature,
        content=row["content"],
        sha256=row["sha256"],
        audit_head=row["audit_head"],
    )


def of_kartlaggning(db: Database, kartlaggning_id: str) -> list[DraftVersion]:
    """Return every stored version of the kartläggning's sammanställning, oldest first."""
    rows = db.query(
        "SELECT * FROM draft_versions WHERE kartlaggning_id = ? ORDER BY version",
        (kartlaggning_id,),
    )
    return [_version(row) for row in rows]


def insert(db: Database, version: DraftVersion) -> None:
    """Add ``version`` (the table refuses a version number that exists)."""
    columns = _columns(version)
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    db.execute(
        f"INSERT INTO draft_versions (id, {names}) VALUES (?, {marks})",  # noqa: S608 - fixed column names
        (version.id, *columns.values()),
    )


def _update(db: Database, version_id: str, columns: dict[str, Any]) -> None:
    assignments = ", ".join(f"{name} = ?" for name in columns)
    changed = db.execute(
        f"UPDATE draft_versions SET {assignments} WHERE id = ?",  # noqa: S608 - fixed column names
        (*columns.values(), version_id),
    ).rowcount
    if changed != 1:
        raise DraftVersionConflict


def update(db: Database, version: DraftVersion) -> None:
    """Replace a stored, unsigned version (the trigger refuses any change to a signed one)."""
    _update(db, version.id, _columns(version))


def sign(db: Database, version: DraftVersion) -> DraftVersion:
    """Store ``version`` as signed with its sign entry; return it with the entry's hash.

    The sign entry holds the hash of the signed row; the row stores the entry's hash (the chain
    head), so the entry goes into the audit log first, inside the caller's transaction.
    """
    columns = _columns(version)
    head = audit_log.append(
        db,
        AuditEvent(
            at=version.signed_at or version.updated_at,
            actor=version.updated_by,
            action=AuditAction.SIGN,
            subject=f"draft:{version.id}",
            detail={
                "version": version.version,
                "sha256": version.sha256,
                "row_sha256": audit_log.signed_row_hash({"id": version.id, **columns}),
            },
        ),
    )
    _update(db, version.id, {**columns, "audit_head": head})
    return version.model_copy(update={"audit_head": head})


def listing(db: Database) -> list[DraftListing]:
    """Return every kartläggning with its latest version's status, newest change first."""
    found = [
        DraftListing(
            kartlaggning_id=row["kartlaggning_id"],
            participant_id=row["participant_id"],
            participant_name=row["participant_name"],
            personnummer=row["personnummer"],
            started_at=datetime.fromisoformat(row["started_at"]),
            answers=row["answers"],
            version=row["version"],
            status=DraftStatus(row["status"] or DraftStatus.UTKAST),
            updated_at=parse_time(row["updated_at"]),
            signed_at=parse_time(row["signed_at"]),
            records_changed_at=parse_time(row["records_changed_at"]),
        )
        for row in db.query(_LISTING)
    ]
    return sorted(
        found,
        key=lambda item: max(filter(None, (item.updated_at, item.records_changed_at, item.started_at))),
        reverse=True,
    )
