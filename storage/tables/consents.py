"""The consents table: storing, reading and withdrawing medgivanden om informationsutbyte.

Functions over an open sqlite-utils ``Database``; the repository calls them inside its one committed
transaction with the audit entry. A stored medgivande is never changed (a trigger refuses it) except
that its withdrawal is set, once.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent
from interview.consent import Consent, Party, Withdrawal, WithdrawalChannel, already_withdrawn
from interview.i18n import _
from storage.errors import StorageError

_COLUMNS = (
    "id",
    "participant_id",
    "legal_representative",
    "parties",
    "categories",
    "exclusions",
    "purpose",
    "valid_from",
    "valid_to",
    "voluntary_explained",
    "language",
    "tolk",
    "signed_on",
    "text_version",
    "created_at",
    "created_by",
    "withdrawn_on",
    "withdrawn_how",
    "withdrawn_by",
    "withdrawn_at",
)


def _columns(consent: Consent) -> dict[str, Any]:
    """Return the stored columns of ``consent``."""
    withdrawal = consent.withdrawal
    return {
        "id": consent.id,
        "participant_id": consent.participant_id,
        "legal_representative": consent.legal_representative,
        "parties": json.dumps(
            [party.model_dump(mode="json") for party in consent.parties], ensure_ascii=False
        ),
        "categories": json.dumps([category.value for category in consent.categories]),
        "exclusions": consent.exclusions,
        "purpose": consent.purpose,
        "valid_from": consent.valid_from.isoformat(),
        "valid_to": consent.valid_to.isoformat(),
        "voluntary_explained": int(consent.voluntary_explained),
        "language": consent.language,
        "tolk": int(consent.tolk),
        "signed_on": consent.signed_on.isoformat(),
        "text_version": consent.text_version,
        "created_at": consent.created_at.isoformat(),
        "created_by": consent.created_by,
        "withdrawn_on": withdrawal.withdrawn_on.isoformat() if withdrawal else None,
        "withdrawn_how": withdrawal.how.value if withdrawal else None,
        "withdrawn_by": withdrawal.recorded_by if withdrawal else None,
        "withdrawn_at": withdrawal.recorded_at.isoformat() if withdrawal else None,
    }


def created_entry(consent: Consent) -> AuditEvent:
    """Return the audit entry for a new medgivande (ids and the text version only)."""
    return AuditEvent(
        at=consent.created_at,
        actor=consent.created_by,
        action=AuditAction.CREATE,
        subject=f"consent:{consent.id}",
        detail={"participant": consent.participant_id, "text_version": consent.text_version},
    )


def withdrawn_entry(consent_id: str, how: WithdrawalChannel, by: str, at: datetime) -> AuditEvent:
    """Return the audit entry for a withdrawal."""
    return AuditEvent(
        at=at,
        actor=by,
        action=AuditAction.CHANGE,
        subject=f"consent:{consent_id}",
        detail={"withdrawn": True, "how": how.value},
    )


def insert(db: Database, consent: Consent) -> None:
    """Add ``consent`` (inside the caller's transaction)."""
    columns = _columns(consent)
    names = ", ".join(_COLUMNS)
    marks = ", ".join("?" for _name in _COLUMNS)
    db.execute(
        f"INSERT INTO consents ({names}) VALUES ({marks})",  # noqa: S608 - fixed column names
        tuple(columns[name] for name in _COLUMNS),
    )


def set_withdrawal(
    db: Database,
    consent_id: str,
    withdrawn_on: date,
    how: WithdrawalChannel,
    *,
    by: str,
    at: datetime,
) -> bool:
    """Set the withdrawal of a medgivande not yet withdrawn; return False if there is none such."""
    changed = db.execute(
        "UPDATE consents SET withdrawn_on = ?, withdrawn_how = ?, withdrawn_by = ?, withdrawn_at = ? "
        "WHERE id = ? AND withdrawn_on IS NULL",
        (withdrawn_on.isoformat(), how.value, by, at.isoformat(), consent_id),
    ).rowcount
    return bool(changed == 1)


def withdraw(
    db: Database,
    consent_id: str,
    withdrawn_on: date,
    how: WithdrawalChannel,
    *,
    by: str,
    at: datetime,
) -> None:
    """Set the withdrawal of a medgivande; refused (Swedish message) if gone or already withdrawn."""
    if set_withdrawal(db, consent_id, withdrawn_on, how, by=by, at=at):
        return
    stored = one(db, consent_id)
    if stored is None:
        raise StorageError(_("Medgivandet finns inte längre i databasen."))
    withdrawal = stored.withdrawal
    raise StorageError(already_withdrawn(withdrawal.withdrawn_on if withdrawal else None))


def one(db: Database, consent_id: str) -> Consent | None:
    """Return the medgivande ``consent_id``, if stored."""
    rows = list(db.query("SELECT * FROM consents WHERE id = ?", (consent_id,)))
    return _consent(rows[0]) if rows else None


def of_participant(db: Database, participant_id: str) -> list[Consent]:
    """Return the participant's medgivanden, oldest first (the last one is the one that counts)."""
    rows = db.query(
        "SELECT * FROM consents WHERE participant_id = ? ORDER BY created_at, rowid",
        (participant_id,),
    )
    return [_consent(row) for row in rows]


def _consent(row: dict[str, Any]) -> Consent:
    withdrawal = None
    if row["withdrawn_on"] is not None:
        withdrawal = Withdrawal(
            withdrawn_on=date.fromisoformat(row["withdrawn_on"]),
            how=WithdrawalChannel(row["withdrawn_how"]),
            recorded_by=row["withdrawn_by"],
            recorded_at=datetime.fromisoformat(row["withdrawn_at"]),
        )
    return Consent(
        id=row["id"],
        participant_id=row["participant_id"],
        legal_representative=row["legal_representative"],
        parties=tuple(Party.model_validate(item) for item in json.loads(row["parties"])),
        categories=tuple(json.loads(row["categories"])),
        exclusions=row["exclusions"],
        purpose=row["purpose"],
        valid_from=date.fromisoformat(row["valid_from"]),
        valid_to=date.fromisoformat(row["valid_to"]),
        voluntary_explained=bool(row["voluntary_explained"]),
        language=row["language"],
        tolk=bool(row["tolk"]),
        signed_on=date.fromisoformat(row["signed_on"]),
        text_version=row["text_version"],
        created_at=datetime.fromisoformat(row["created_at"]),
        created_by=row["created_by"],
        withdrawal=withdrawal,
    )
