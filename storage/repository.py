"""The repository: pydantic records in, pydantic records out, every write committed before return.

It implements :class:`interview.store.InterviewStore` for the engine and the read side the app needs.
A repository belongs to the thread that opened it (SQLite connections cannot move between threads).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlite_utils import Database

from interview.audit import AuditAction, AuditEvent, StoredEntry, Verdict, verify
from interview.banks.models import Register
from interview.consent import Consent, WithdrawalChannel, already_withdrawn
from interview.draft.models import (
    CaseworkerSections,
    DraftListing,
    DraftStatus,
    DraftVersion,
    Signature,
)
from interview.i18n import _
from interview.records import (
    Action,
    Cursor,
    Exchange,
    Kartlaggning,
    KartlaggningRecord,
    Participant,
    PendingQuestion,
    Revision,
    Session,
    TagChange,
    TolkRecord,
)
from interview.retention import Candidate
from storage import audit_log, driver, erasure, schema
from storage import consents as consent_table
from storage.connection import BUSY_TIMEOUT_MS, OWNER_ONLY, connect, quoted_key
from storage.errors import (
    DatabaseInUse,
    DatabaseReadOnly,
    DatabaseTooNew,
    DraftVersionConflict,
    ParticipantExists,
    StorageError,
    translate,
)


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _tolk_json(record: TolkRecord | None) -> str | None:
    return record.model_dump_json() if record is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


class Repository:
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
        lock = None
        if not read_only and not shared:
            lock = FileLock(f"{path}.lock", timeout=0, mode=OWNER_ONLY, is_singleton=False)
            try:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                lock.acquire()
            except Timeout:
                raise DatabaseInUse(path) from None
            except OSError:
                lock = None  # a read-only folder: SQLite will report what is wrong below
        try:
            connection = connect(path, key=key, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
            try:
                db = Database(connection)
                cls._prepare_schema(db, path, read_only=read_only)
            except BaseException:
                connection.close()
                raise
        except driver.Error as error:
            if lock is not None:
                lock.release()
            raise translate(error, path) from None
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(db, path, lock, read_only=read_only)

    @staticmethod
    def _prepare_schema(db: Database, path: Path, *, read_only: bool) -> None:
        if schema.unknown_applied(db):
            raise DatabaseTooNew(path)
        if schema.pending(db):
            if read_only:
                raise DatabaseReadOnly(path)
            schema.migrate(db)

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

    @contextmanager
    def _write(self, *events: AuditEvent) -> Iterator[Database]:
        """One committed transaction with its audit entries; SQLite errors become :class:`StorageError`.

        ``BEGIN IMMEDIATE`` takes the write lock at once, so the newest audit entry read here is still
        the newest when this one is added, even with a command writing at the same time.
        """
        if self.read_only:
            raise DatabaseReadOnly(self.path)
        connection = self._db.conn
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                for event in events:
                    audit_log.append(self._db, event)
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except driver.Error as error:
            raise translate(error, self.path) from None

    def _session_caseworker(self, session_id: str) -> str:
        rows = self._rows("SELECT caseworker FROM sessions WHERE id = ?", (session_id,))
        return str(rows[0]["caseworker"]) if rows else ""

    # ----------------------------------------------------------------------------- audit log

    def record(self, event: AuditEvent) -> None:
        """Add an entry that goes with no other change (an export, for example)."""
        with self._write(event):
            pass

    def audit_entries(self, *, after: int = 0, limit: int | None = None) -> list[StoredEntry]:
        """Return the audit log's entries after number ``after``, oldest first, as stored."""
        try:
            return audit_log.entries(self._db, after=after, limit=limit)
        except driver.Error as error:
            raise translate(error, self.path) from None

    def audit_entries_about(self, subjects: set[str]) -> list[StoredEntry]:
        """Return the entries whose subject (``kind:id``) is one of ``subjects``, oldest first."""
        try:
            return audit_log.entries_about(self._db, subjects)
        except driver.Error as error:
            raise translate(error, self.path) from None

    def verify_audit(self) -> Verdict:
        """Check the audit chain and every signed version against it."""
        try:
            return verify(audit_log.entries(self._db), audit_log.signed_rows(self._db))
        except driver.Error as error:
            raise translate(error, self.path) from None

    def _rows(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            return list(self._db.query(sql, params))
        except driver.Error as error:
            raise translate(error, self.path) from None

    def rekey(self, new_key: str) -> None:
        """Encrypt every page again with the passphrase ``new_key`` (SQLCipher ``PRAGMA rekey``)."""
        if self.read_only:
            raise DatabaseReadOnly(self.path)
        try:
            self._db.execute(f"PRAGMA rekey = {quoted_key(new_key)}")
        except driver.Error as error:
            raise translate(error, self.path) from None

    def integrity_check(self) -> str:
        """Return SQLite's verdict on the file ("ok" when sound)."""
        rows = self._rows("PRAGMA integrity_check")
        return "; ".join(str(next(iter(row.values()))) for row in rows)

    # ----------------------------------------------------------------------------- gallring

    def retention_candidates(self) -> list[Candidate]:
        """Return every participant with the time of the last thing stored about them."""
        try:
            return [Candidate.model_validate(row) for row in erasure.activity(self._db)]
        except driver.Error as error:
            raise translate(error, self.path) from None

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
        if self.read_only:
            raise DatabaseReadOnly(self.path)
        with self._write() as db:
            keep_trigger = erasure.without_keep_trigger(db)
            for participant_id in participant_ids:
                removed = erasure.erase_participant(db, participant_id)
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
            if retention is not None:
                audit_log.append(
                    db,
                    AuditEvent(
                        at=at,
                        actor=actor,
                        action=AuditAction.RETENTION,
                        subject="database:gallring",
                        detail={**retention, "participants": len(participant_ids)},
                    ),
                )
        try:
            erasure.compact(self._db)
        except driver.Error as error:
            raise translate(error, self.path) from None
        return len(participant_ids)

    # ----------------------------------------------------------------------------- participants

    def add_participant(self, participant: Participant) -> None:
        """Store a new participant."""
        if participant.personnummer and self.participant_by_personnummer(participant.personnummer):
            raise ParticipantExists
        event = AuditEvent(
            at=participant.created_at,
            actor=participant.created_by,
            action=AuditAction.CREATE,
            subject=f"participant:{participant.id}",
        )
        with self._write(event) as db:
            db.execute(
                "INSERT INTO participants (id, name, personnummer, no_number_reason, created_at, "
                "created_by) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    participant.id,
                    participant.name,
                    participant.personnummer,
                    participant.no_number_reason,
                    _time(participant.created_at),
                    participant.created_by,
                ),
            )

    def participant(self, participant_id: str) -> Participant | None:
        """Return the participant ``participant_id``, if stored."""
        rows = self._rows("SELECT * FROM participants WHERE id = ?", (participant_id,))
        return Participant.model_validate(rows[0]) if rows else None

    def participant_by_personnummer(self, personnummer: str) -> Participant | None:
        """Return the participant with the 12-digit ``personnummer``, if stored."""
        rows = self._rows("SELECT * FROM participants WHERE personnummer = ?", (personnummer,))
        return Participant.model_validate(rows[0]) if rows else None

    def participants(self) -> list[Participant]:
        """Return every participant, by name."""
        rows = self._rows("SELECT * FROM participants ORDER BY name COLLATE NOCASE, created_at")
        return [Participant.model_validate(row) for row in rows]

    # ----------------------------------------------------------------------------- kartläggningar

    def add_kartlaggning(self, kartlaggning: Kartlaggning, cursor: Cursor) -> None:
        """Store a new kartläggning with its starting position."""
        event = AuditEvent(
            at=kartlaggning.created_at,
            actor=kartlaggning.created_by,
            action=AuditAction.CREATE,
            subject=f"kartlaggning:{kartlaggning.id}",
            detail={"participant": kartlaggning.participant_id, "bank": kartlaggning.bank_id},
        )
        with self._write(event) as db:
            db.execute(
                "INSERT INTO kartlaggningar (id, participant_id, bank_id, created_at, created_by, "
                "cursor_area_id, cursor_pending, cursor_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kartlaggning.id,
                    kartlaggning.participant_id,
                    kartlaggning.bank_id,
                    _time(kartlaggning.created_at),
                    kartlaggning.created_by,
                    *_cursor_values(cursor),
                ),
            )

    def kartlaggningar(self, participant_id: str) -> list[Kartlaggning]:
        """Return the participant's kartläggningar, oldest first."""
        rows = self._rows(
            "SELECT id, participant_id, bank_id, created_at, created_by FROM kartlaggningar "
            "WHERE participant_id = ? ORDER BY created_at",
            (participant_id,),
        )
        return [Kartlaggning.model_validate(row) for row in rows]

    def latest_kartlaggning(self) -> Kartlaggning | None:
        """Return the kartläggning whose position changed most recently (None if there is none)."""
        rows = self._rows(
            "SELECT id, participant_id, bank_id, created_at, created_by FROM kartlaggningar "
            "ORDER BY cursor_updated_at DESC LIMIT 1"
        )
        return Kartlaggning.model_validate(rows[0]) if rows else None

    def load(self, kartlaggning_id: str) -> KartlaggningRecord | None:
        """Return everything stored about one kartläggning, or None if there is no such one."""
        heads = self._rows("SELECT * FROM kartlaggningar WHERE id = ?", (kartlaggning_id,))
        if not heads:
            return None
        head = heads[0]
        participant = self.participant(head["participant_id"])
        if participant is None:  # pragma: no cover - prevented by the foreign key
            return None
        sessions = [
            Session.model_validate(
                {
                    **row,
                    "tolk": bool(row["tolk"]),
                    "tolk_record": (
                        TolkRecord.model_validate_json(row["tolk_record"])
                        if row["tolk_record"]
                        else None
                    ),
                }
            )
            for row in self._rows(
                "SELECT * FROM sessions WHERE kartlaggning_id = ? ORDER BY number",
                (kartlaggning_id,),
            )
        ]
        revisions: dict[str, list[Revision]] = {}
        for row in self._rows(
            "SELECT r.* FROM answer_revisions r JOIN asked_questions q ON q.id = r.asked_id "
            "WHERE q.kartlaggning_id = ? ORDER BY r.asked_id, r.revision",
            (kartlaggning_id,),
        ):
            revisions.setdefault(row.pop("asked_id"), []).append(Revision.model_validate(row))
        tags: dict[str, list[TagChange]] = {}
        for row in self._rows(
            "SELECT t.asked_id, t.tag, t.set_at, t.set_by FROM tags t "
            "JOIN asked_questions q ON q.id = t.asked_id "
            "WHERE q.kartlaggning_id = ? ORDER BY t.id",
            (kartlaggning_id,),
        ):
            tags.setdefault(row.pop("asked_id"), []).append(TagChange.model_validate(row))
        exchanges = []
        for row in self._rows(
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
        actions = [
            Action.model_validate(row)
            for row in self._rows(
                "SELECT id, kartlaggning_id, position, what, who, due, created_at, updated_at, "
                "updated_by FROM actions WHERE kartlaggning_id = ? AND removed_at IS NULL "
                "ORDER BY position, created_at",
                (kartlaggning_id,),
            )
        ]
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
            sessions=tuple(sessions),
            exchanges=tuple(exchanges),
            cursor=cursor,
            actions=tuple(actions),
        )

    # ----------------------------------------------------------------------------- interview writes

    def start_session(self, session: Session) -> None:
        """Store a session that has just started."""
        event = AuditEvent(
            at=session.started_at,
            actor=session.caseworker,
            action=AuditAction.CREATE,
            subject=f"session:{session.id}",
            detail={"kartlaggning": session.kartlaggning_id, "number": session.number},
        )
        with self._write(event) as db:
            db.execute(
                "INSERT INTO sessions (id, kartlaggning_id, number, started_at, ended_at, "
                "caseworker, reading_register, tolk, time_frame_minutes, next_meeting, end_note, "
                "language, tolk_record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session.id,
                    session.kartlaggning_id,
                    session.number,
                    _time(session.started_at),
                    _time(session.ended_at),
                    session.caseworker,
                    session.reading_register.value,
                    int(session.tolk),
                    session.time_frame_minutes,
                    _day(session.next_meeting),
                    session.end_note,
                    session.language,
                    _tolk_json(session.tolk_record),
                ),
            )

    def set_reading(
        self, session_id: str, language: str | None, register: Register, at: datetime
    ) -> None:
        """Store the participant's reading language and register of a session, chosen at ``at``."""
        event = self._session_change(session_id, at, language=language, register=register.value)
        with self._write(event) as db:
            db.execute(
                "UPDATE sessions SET language = ?, reading_register = ? WHERE id = ?",
                (language, register.value, session_id),
            )

    def set_tolk(self, session_id: str, tolk_record: TolkRecord | None, at: datetime) -> None:
        """Store who interpreted a session (None: no tolk), recorded at ``at``."""
        event = self._session_change(session_id, at, tolk=tolk_record is not None)
        with self._write(event) as db:
            db.execute(
                "UPDATE sessions SET tolk = ?, tolk_record = ? WHERE id = ?",
                (int(tolk_record is not None), _tolk_json(tolk_record), session_id),
            )

    def end_session(
        self, session_id: str, ended_at: datetime, next_meeting: date | None, end_note: str | None
    ) -> None:
        """Mark a session as ended, with the next meeting and a note on what is left."""
        event = self._session_change(session_id, ended_at, ended=True)
        with self._write(event) as db:
            db.execute(
                "UPDATE sessions SET ended_at = ?, next_meeting = ?, end_note = ? WHERE id = ?",
                (_time(ended_at), _day(next_meeting), end_note, session_id),
            )

    def _session_change(self, session_id: str, at: datetime, **detail: object) -> AuditEvent:
        return AuditEvent(
            at=at,
            actor=self._session_caseworker(session_id),
            action=AuditAction.CHANGE,
            subject=f"session:{session_id}",
            detail=detail,
        )

    def save_exchange(self, exchange: Exchange, cursor: Cursor) -> None:
        """Store a question asked with its answer (or skip) and the new position, atomically."""
        actor = exchange.answered_by or self._session_caseworker(exchange.session_id)
        events = [
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
            *(_tag_event(exchange.id, change) for change in exchange.tags),
        ]
        with self._write(*events) as db:
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
                    _time(exchange.asked_at),
                    int(exchange.skipped),
                ),
            )
            if exchange.answer is not None:
                db.execute(
                    "INSERT INTO answers (asked_id, text, revision, saved_at, saved_by) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        exchange.id,
                        exchange.answer,
                        exchange.revision,
                        _time(exchange.answered_at or exchange.asked_at),
                        exchange.answered_by or "",
                    ),
                )
            for change in exchange.tags:
                self._insert_tag(db, exchange.id, change)
            self._update_cursor(db, exchange.kartlaggning_id, cursor)

    def save_cursor(self, kartlaggning_id: str, cursor: Cursor) -> None:
        """Store a new position."""
        with self._write() as db:
            self._update_cursor(db, kartlaggning_id, cursor)

    @staticmethod
    def _update_cursor(db: Database, kartlaggning_id: str, cursor: Cursor) -> None:
        db.execute(
            "UPDATE kartlaggningar SET cursor_area_id = ?, cursor_pending = ?, "
            "cursor_updated_at = ? WHERE id = ?",
            (*_cursor_values(cursor), kartlaggning_id),
        )

    def revise_answer(
        self, exchange_id: str, text: str, revision: int, saved_at: datetime, saved_by: str
    ) -> None:
        """Replace an answer's text; the earlier text is copied into ``answer_revisions`` first."""
        event = AuditEvent(
            at=saved_at,
            actor=saved_by,
            action=AuditAction.CHANGE,
            subject=f"answer:{exchange_id}",
            detail={"revision": revision},
        )
        with self._write(event) as db:
            inserted = db.execute(
                "INSERT INTO answer_revisions (asked_id, revision, text, saved_at, saved_by) "
                "SELECT asked_id, revision, text, saved_at, saved_by FROM answers "
                "WHERE asked_id = ? AND revision = ?",
                (exchange_id, revision - 1),
            ).rowcount
            if inserted != 1:
                raise StorageError(
                    _("Svaret har ändrats i ett annat fönster. Öppna kartläggningen igen.")
                )
            db.execute(
                "UPDATE answers SET text = ?, revision = ?, saved_at = ?, saved_by = ? "
                "WHERE asked_id = ?",
                (text, revision, _time(saved_at), saved_by, exchange_id),
            )

    def set_tag(self, exchange_id: str, change: TagChange) -> None:
        """Record a new tag on an answer."""
        with self._write(_tag_event(exchange_id, change)) as db:
            self._insert_tag(db, exchange_id, change)

    @staticmethod
    def _insert_tag(db: Database, exchange_id: str, change: TagChange) -> None:
        db.execute(
            "INSERT INTO tags (asked_id, tag, set_at, set_by) VALUES (?, ?, ?, ?)",
            (
                exchange_id,
                change.tag.value if change.tag else None,
                _time(change.set_at),
                change.set_by,
            ),
        )

    def save_action(self, action: Action) -> None:
        """Store a new åtgärd, or update the stored one with the same id (not a removed one)."""
        known = bool(self._rows("SELECT 1 FROM actions WHERE id = ?", (action.id,)))
        event = AuditEvent(
            at=action.updated_at,
            actor=action.updated_by,
            action=AuditAction.CHANGE if known else AuditAction.CREATE,
            subject=f"action:{action.id}",
            detail={"kartlaggning": action.kartlaggning_id, "position": action.position},
        )
        with self._write(event) as db:
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
                    _day(action.due),
                    _time(action.created_at),
                    _time(action.updated_at),
                    action.updated_by,
                ),
            ).rowcount
            if changed != 1:
                raise _action_gone()

    def remove_action(self, action_id: str, removed_at: datetime, removed_by: str) -> None:
        """Mark an åtgärd as removed; the row is kept, but :meth:`load` no longer returns it."""
        event = AuditEvent(
            at=removed_at,
            actor=removed_by,
            action=AuditAction.CHANGE,
            subject=f"action:{action_id}",
            detail={"removed": True},
        )
        with self._write(event) as db:
            changed = db.execute(
                "UPDATE actions SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL",
                (_time(removed_at), removed_by, action_id),
            ).rowcount
            if changed != 1:
                raise _action_gone()

    # ----------------------------------------------------------------------------- sammanställning

    def draft_versions(self, kartlaggning_id: str) -> list[DraftVersion]:
        """Return every stored version of the kartläggning's sammanställning, oldest first."""
        rows = self._rows(
            "SELECT * FROM draft_versions WHERE kartlaggning_id = ? ORDER BY version",
            (kartlaggning_id,),
        )
        return [_draft_version(row) for row in rows]

    def add_draft_version(self, version: DraftVersion) -> None:
        """Store a new version; refused if that version number already exists."""
        columns = _draft_columns(version)
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        event = AuditEvent(
            at=version.updated_at,
            actor=version.updated_by,
            action=AuditAction.CREATE,
            subject=f"draft:{version.id}",
            detail={"kartlaggning": version.kartlaggning_id, "version": version.version},
        )
        try:
            with self._write(event) as db:
                db.execute(
                    f"INSERT INTO draft_versions (id, {names}) VALUES (?, {marks})",  # noqa: S608 - fixed column names
                    (version.id, *columns.values()),
                )
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
        columns = _draft_columns(version)
        signing = version.status is DraftStatus.UNDERTECKNAD
        subject = f"draft:{version.id}"
        event = AuditEvent(
            at=version.updated_at,
            actor=version.updated_by,
            action=AuditAction.CHANGE,
            subject=subject,
            detail={"version": version.version, "status": version.status.value},
        )
        with self._write() as db:
            if signing:
                row_sha256 = audit_log.signed_row_hash({"id": version.id, **columns})
                head = audit_log.append(
                    db,
                    AuditEvent(
                        at=version.signed_at or version.updated_at,
                        actor=version.updated_by,
                        action=AuditAction.SIGN,
                        subject=subject,
                        detail={
                            "version": version.version,
                            "sha256": version.sha256,
                            "row_sha256": row_sha256,
                        },
                    ),
                )
                columns["audit_head"] = head
                version = version.model_copy(update={"audit_head": head})
            else:
                audit_log.append(db, event)
            assignments = ", ".join(f"{name} = ?" for name in columns)
            changed = db.execute(
                f"UPDATE draft_versions SET {assignments} WHERE id = ?",  # noqa: S608 - fixed column names
                (*columns.values(), version.id),
            ).rowcount
            if changed != 1:
                raise DraftVersionConflict
        return version

    def draft_listing(self) -> list[DraftListing]:
        """Return every kartläggning with its latest version's status, newest change first."""
        rows = self._rows(
            """
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
        )
        listing = [
            DraftListing(
                kartlaggning_id=row["kartlaggning_id"],
                participant_id=row["participant_id"],
                participant_name=row["participant_name"],
                personnummer=row["personnummer"],
                started_at=datetime.fromisoformat(row["started_at"]),
                answers=row["answers"],
                version=row["version"],
                status=DraftStatus(row["status"] or DraftStatus.UTKAST),
                updated_at=_moment(row["updated_at"]),
                signed_at=_moment(row["signed_at"]),
                records_changed_at=_moment(row["records_changed_at"]),
            )
            for row in rows
        ]
        return sorted(
            listing,
            key=lambda item: max(
                filter(None, (item.updated_at, item.records_changed_at, item.started_at))
            ),
            reverse=True,
        )

    def answer_ids(self) -> set[str]:
        """Return the ids of every stored answer (for durability checks)."""
        return {row["asked_id"] for row in self._rows("SELECT asked_id FROM answers")}

    # ----------------------------------------------------------------------------- consent

    def add_consent(self, consent: Consent) -> None:
        """Store a new medgivande om informationsutbyte (the newest of a participant counts)."""
        event = AuditEvent(
            at=consent.created_at,
            actor=consent.created_by,
            action=AuditAction.CREATE,
            subject=f"consent:{consent.id}",
            detail={"participant": consent.participant_id, "text_version": consent.text_version},
        )
        with self._write(event) as db:
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
        event = AuditEvent(
            at=at,
            actor=by,
            action=AuditAction.CHANGE,
            subject=f"consent:{consent_id}",
            detail={"withdrawn": True, "how": how.value},
        )
        with self._write(event) as db:
            if not consent_table.set_withdrawal(db, consent_id, withdrawn_on, how, by=by, at=at):
                stored = consent_table.one(db, consent_id)
                if stored is None:
                    raise StorageError(_("Medgivandet finns inte längre i databasen."))
                withdrawal = stored.withdrawal
                raise StorageError(already_withdrawn(withdrawal.withdrawn_on if withdrawal else None))

    def consents(self, participant_id: str) -> list[Consent]:
        """Return the participant's medgivanden, oldest first (the last one is the one that counts)."""
        try:
            return consent_table.of_participant(self._db, participant_id)
        except driver.Error as error:
            raise translate(error, self.path) from None


def _tag_event(exchange_id: str, change: TagChange) -> AuditEvent:
    return AuditEvent(
        at=change.set_at,
        actor=change.set_by,
        action=AuditAction.TAG,
        subject=f"answer:{exchange_id}",
        detail={"tag": change.tag.value if change.tag else None},
    )


def _cursor_values(cursor: Cursor) -> tuple[str, str | None, str | None]:
    pending = cursor.pending.model_dump_json() if cursor.pending else None
    return cursor.area_id, pending, _time(cursor.updated_at)


def _action_gone() -> StorageError:
    return StorageError(
        _("Åtgärden har tagits bort eller ändrats i ett annat fönster. Öppna kartläggningen igen.")
    )


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _draft_columns(version: DraftVersion) -> dict[str, Any]:
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
        "created_at": _time(version.created_at),
        "updated_at": _time(version.updated_at),
        "updated_by": version.updated_by,
        "reviewed_at": _time(version.reviewed_at),
        "reviewed_by": version.reviewed_by,
        "read_back_at": _time(version.read_back_at),
        "read_back_by": version.read_back_by,
        "signed_at": _time(version.signed_at),
        "signed_participant": signature.participant if signature else None,
        "signed_caseworker": signature.caseworker if signature else None,
        "signed_on": _day(signature.signed_on) if signature else None,
        "content": version.content,
        "sha256": version.sha256,
    }


def _draft_version(row: dict[str, Any]) -> DraftVersion:
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
        reviewed_at=_moment(row["reviewed_at"]),
        reviewed_by=row["reviewed_by"],
        read_back_at=_moment(row["read_back_at"]),
        read_back_by=row["read_back_by"],
        signed_at=_moment(row["signed_at"]),
        signature=signature,
        content=row["content"],
        sha256=row["sha256"],
        audit_head=row["audit_head"],
    )
