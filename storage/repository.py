"""The repository: pydantic records in, pydantic records out, every write committed before return.

It implements :class:`interview.store.InterviewStore` for the engine and the read side the app needs.
The SQL lives in ``storage/tables`` (one module per table group); the repository opens and closes the
database and runs every write through :meth:`Repository._write`, which commits the change together
with its audit entries. A repository belongs to the thread that opened it (SQLite connections cannot
move between threads).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from filelock import FileLock
from sqlite_utils import Database

from interview.audit import AuditEvent, StoredEntry, Verdict, verify
from interview.banks.models import Register
from interview.consent import Consent, WithdrawalChannel
from interview.draft.models import DraftListing, DraftStatus, DraftVersion
from interview.records import (
    Action,
    Cursor,
    Exchange,
    Kartlaggning,
    KartlaggningRecord,
    Participant,
    Session,
    TagChange,
    TolkRecord,
)
from interview.retention import Candidate
from storage import erasure
from storage.connection import BUSY_TIMEOUT_MS, forget_derived_keys, quoted_key
from storage.errors import (
    DatabaseReadOnly,
    DraftVersionConflict,
    ParticipantExists,
    StorageError,
    translated,
)
from storage.opening import open_database
from storage.statement_writes import StatementWrites
from storage.tables import actions, audit_log, drafts, exchanges, sessions
from storage.tables import consents as consent_table
from storage.tables import kartlaggningar as kartlaggning_table
from storage.tables import participants as participant_table
from storage.transaction import audited

_P = ParamSpec("_P")
_T = TypeVar("_T")


class Repository(StatementWrites):
    """All reads and writes of one kartlagg database."""

    def __init__(self, db: Database, path: Path, lock: FileLock | None, *, read_only: bool) -> None:
        """Wrap an open, migrated database; use :meth:`open` instead."""
        self._db = db
        self.path = path
        self._lock = lock
        self.read_only = read_only

    # ----------------------------------------------------------------------------- lifecycle

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        key: str,
        read_only: bool = False,
        shared: bool = False,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Repository:
        """Open (and create or upgrade) the encrypted database at ``path`` with the passphrase ``key``.

        Raises :class:`DatabaseInUse` when another kartlagg window has it open, and the other
        :class:`StorageError` subclasses for locked, read-only, corrupt or newer databases; the file is
        never changed in those cases. ``shared`` skips the one-window lock: for a command that only
        reads and adds audit entries while the app may be open (each write waits its turn in SQLite).
        """
        db, lock = open_database(
            path, key=key, read_only=read_only, shared=shared, busy_timeout_ms=busy_timeout_ms
        )
        return cls(db, path, lock, read_only=read_only)

    def close(self) -> None:
        """Close the connection and let another window open the database."""
        try:
            self._db.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Repository:
        """Use the repository in a ``with`` block."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close on leaving the block."""
        self.close()

    # ----------------------------------------------------------------------------- the one write

    def _write(self, *events: AuditEvent) -> AbstractContextManager[Database]:
        """Every write: the block's change and ``events`` committed together (:func:`audited`)."""
        return audited(self._db, self.path, events, read_only=self.read_only)

    def _read(
        self, query: Callable[Concatenate[Database, _P], _T], *args: _P.args, **kwargs: _P.kwargs
    ) -> _T:
        """Run a table's read; SQLite errors become :class:`StorageError`."""
        with translated(self.path):
            return query(self._db, *args, **kwargs)

    def _rows(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        with translated(self.path):
            return list(self._db.query(sql, params))

    # ----------------------------------------------------------------------------- the file

    def record(self, event: AuditEvent) -> None:
        """Add an entry that goes with no other change (an export, for example)."""
        with self._write(event):
            pass

    def audit_entries(self, *, after: int = 0, limit: int | None = None) -> list[StoredEntry]:
        """Return the audit log's entries after number ``after``, oldest first, as stored."""
        return self._read(audit_log.entries, after=after, limit=limit)

    def audit_entries_about(self, subjects: set[str]) -> list[StoredEntry]:
        """Return the entries whose subject (``kind:id``) is one of ``subjects``, oldest first."""
        return self._read(audit_log.entries_about, subjects)

    def verify_audit(self) -> Verdict:
        """Check the audit chain and every signed version against it."""
        return verify(self._read(audit_log.entries), self._read(audit_log.signed_rows))

    def rekey(self, new_key: str) -> None:
        """Encrypt every page again with the passphrase ``new_key`` (SQLCipher ``PRAGMA rekey``)."""
        if self.read_only:
            raise DatabaseReadOnly(self.path)
        with translated(self.path):
            self._db.execute(f"PRAGMA rekey = {quoted_key(new_key)}")
        forget_derived_keys()  # the old passphrase's key opens nothing now; keep no trace of it

    def integrity_check(self) -> str:
        """Return SQLite's verdict on the file ("ok" when sound)."""
        rows = self._rows("PRAGMA integrity_check")
        return "; ".join(str(next(iter(row.values()))) for row in rows)

    # ----------------------------------------------------------------------------- gallring

    def retention_candidates(self) -> list[Candidate]:
        """Return every participant with the time of the last thing stored about them."""
        return [Candidate.model_validate(row) for row in self._read(erasure.activity)]

    def erase_participants(
        self,
        participant_ids: list[str],
        *,
        actor: str,
        at: datetime,
        reason: str = "gallring",
        retention: dict[str, Any] | None = None,
    ) -> int:
        """Remove everything about each person for good, in one transaction, then rewrite the file.

        Each person leaves one erase entry (``reason``, ids and counts only). A gallring run passes
        ``retention`` (the rule, the cutoff) and leaves one retention entry for the run as well. The
        audit log itself is kept. Returns how many people went.
        """
        run = erasure.retention_entries(retention, len(participant_ids), actor=actor, at=at)
        with self._write(*run) as db:
            erasure.erase_participants(db, participant_ids, reason=reason, actor=actor, at=at)
        self._read(erasure.compact)
        return len(participant_ids)

    # ----------------------------------------------------------------------------- participants

    def add_participant(self, participant: Participant) -> None:
        """Store a new participant."""
        if participant.personnummer and self.participant_by_personnummer(participant.personnummer):
            raise ParticipantExists
        with self._write(participant_table.created_entry(participant)) as db:
            participant_table.insert(db, participant)

    def participant(self, participant_id: str) -> Participant | None:
        """Return the participant ``participant_id``, if stored."""
        return self._read(participant_table.one, participant_id)

    def participant_by_personnummer(self, personnummer: str) -> Participant | None:
        """Return the participant with the 12-digit ``personnummer``, if stored."""
        return self._read(participant_table.by_personnummer, personnummer)

    def participants(self) -> list[Participant]:
        """Return every participant, by name."""
        return self._read(participant_table.every)

    # ----------------------------------------------------------------------------- kartläggningar

    def add_kartlaggning(self, kartlaggning: Kartlaggning, cursor: Cursor) -> None:
        """Store a new kartläggning with its starting position."""
        with self._write(kartlaggning_table.created_entry(kartlaggning)) as db:
            kartlaggning_table.insert(db, kartlaggning, cursor)

    def kartlaggningar(self, participant_id: str) -> list[Kartlaggning]:
        """Return the participant's kartläggningar, oldest first."""
        return self._read(kartlaggning_table.of_participant, participant_id)

    def latest_kartlaggning(self) -> Kartlaggning | None:
        """Return the kartläggning whose position changed most recently (None if there is none)."""
        return self._read(kartlaggning_table.latest)

    def load(self, kartlaggning_id: str) -> KartlaggningRecord | None:
        """Return everything stored about one kartläggning, or None if there is no such one."""
        return self._read(kartlaggning_table.record, kartlaggning_id)

    def save_cursor(self, kartlaggning_id: str, cursor: Cursor) -> None:
        """Store a new position."""
        with self._write() as db:
            kartlaggning_table.set_cursor(db, kartlaggning_id, cursor)

    # ----------------------------------------------------------------------------- sessions

    def start_session(self, session: Session) -> None:
        """Store a session that has just started."""
        with self._write(sessions.started_entry(session)) as db:
            sessions.insert(db, session)

    def set_reading(
        self, session_id: str, language: str | None, register: Register, at: datetime
    ) -> None:
        """Store the participant's reading language and register of a session, chosen at ``at``."""
        detail = {"language": language, "register": register.value}
        with self._write(self._read(sessions.changed_entry, session_id, at, **detail)) as db:
            sessions.set_reading(db, session_id, language, register)

    def set_tolk(self, session_id: str, tolk_record: TolkRecord | None, at: datetime) -> None:
        """Store who interpreted a session (None: no tolk), recorded at ``at``."""
        tolk = tolk_record is not None
        with self._write(self._read(sessions.changed_entry, session_id, at, tolk=tolk)) as db:
            sessions.set_tolk(db, session_id, tolk_record)

    def end_session(
        self, session_id: str, ended_at: datetime, next_meeting: date | None, end_note: str | None
    ) -> None:
        """Mark a session as ended, with the next meeting and a note on what is left."""
        with self._write(self._read(sessions.changed_entry, session_id, ended_at, ended=True)) as db:
            sessions.end(db, session_id, ended_at, next_meeting, end_note)

    # ----------------------------------------------------------------------------- answers

    def save_exchange(self, exchange: Exchange, cursor: Cursor) -> None:
        """Store a question asked with its answer (or skip) and the new position, atomically."""
        actor = exchange.answered_by or self._read(sessions.caseworker, exchange.session_id)
        with self._write(*exchanges.saved_entries(exchange, actor)) as db:
            exchanges.insert(db, exchange)
            kartlaggning_table.set_cursor(db, exchange.kartlaggning_id, cursor)

    def revise_answer(
        self, exchange_id: str, text: str, revision: int, saved_at: datetime, saved_by: str
    ) -> None:
        """Replace an answer's text; the earlier text is copied into ``answer_revisions`` first."""
        event = exchanges.revised_entry(exchange_id, revision, saved_at, saved_by)
        with self._write(event) as db:
            exchanges.revise(db, exchange_id, text, revision, saved_at=saved_at, saved_by=saved_by)

    def set_tag(self, exchange_id: str, change: TagChange) -> None:
        """Record a new tag on an answer."""
        with self._write(exchanges.tagged_entry(exchange_id, change)) as db:
            exchanges.insert_tag(db, exchange_id, change)

    def answer_ids(self) -> set[str]:
        """Return the ids of every stored answer (for durability checks)."""
        return self._read(exchanges.answer_ids)

    # ----------------------------------------------------------------------------- åtgärder

    def save_action(self, action: Action) -> None:
        """Store a new åtgärd, or update the stored one with the same id (not a removed one)."""
        known = self._read(actions.exists, action.id)
        with self._write(actions.saved_entry(action, known=known)) as db:
            actions.save(db, action)

    def remove_action(self, action_id: str, removed_at: datetime, removed_by: str) -> None:
        """Mark an åtgärd as removed; the row is kept, but :meth:`load` no longer returns it."""
        with self._write(actions.removed_entry(action_id, removed_at, removed_by)) as db:
            actions.remove(db, action_id, removed_at, removed_by)

    # ----------------------------------------------------------------------------- sammanställning

    def draft_versions(self, kartlaggning_id: str) -> list[DraftVersion]:
        """Return every stored version of the kartläggning's sammanställning, oldest first."""
        return self._read(drafts.of_kartlaggning, kartlaggning_id)

    def add_draft_version(self, version: DraftVersion) -> None:
        """Store a new version; refused if that version number already exists."""
        try:
            with self._write(drafts.created_entry(version)) as db:
                drafts.insert(db, version)
        except StorageError:
            if any(
                other.version == version.version
                for other in self.draft_versions(version.kartlaggning_id)
            ):
                raise DraftVersionConflict from None
            raise

    def update_draft_version(self, version: DraftVersion) -> DraftVersion:
        """Replace a stored, unsigned version; the database refuses any change to a signed one.

        Signing adds a sign entry holding the hash of the signed row, and stores that entry's hash
        (the chain head) on the row in the same statement; the version is returned with it.
        """
        if version.status is DraftStatus.UNDERTECKNAD:
            with self._write() as db:
                signed = drafts.sign(db, version)
            return signed
        with self._write(drafts.changed_entry(version)) as db:
            drafts.update(db, version)
        return version

    def draft_listing(self) -> list[DraftListing]:
        """Return every kartläggning with its latest version's status, newest change first."""
        return self._read(drafts.listing)

    # ----------------------------------------------------------------------------- consent

    def add_consent(self, consent: Consent) -> None:
        """Store a new medgivande om informationsutbyte (the newest of a participant counts)."""
        with self._write(consent_table.created_entry(consent)) as db:
            consent_table.insert(db, consent)

    def withdraw_consent(
        self,
        consent_id: str,
        withdrawn_on: date,
        how: WithdrawalChannel,
        by: str,
        at: datetime,
    ) -> None:
        """Record that a medgivande was withdrawn; refused (Swedish message) if it already was."""
        with self._write(consent_table.withdrawn_entry(consent_id, how, by, at)) as db:
            consent_table.withdraw(db, consent_id, withdrawn_on, how, by=by, at=at)

    def consents(self, participant_id: str) -> list[Consent]:
        """Return the participant's medgivanden, oldest first (the last one is the one that counts)."""
        return self._read(consent_table.of_participant, participant_id)
