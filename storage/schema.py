"""The database schema as ordered migrations (sqlite-utils ``Migrations``).

Migrations are only ever added at the end, never edited once released. A database that has applied a
migration this version does not know was written by a newer kartlagg and is refused untouched.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlite_utils import Database, Migrations

from interview.audit import AuditAction, AuditEvent
from storage.tables import audit_log

MIGRATION_SET = "kartlagg"
MIGRATION_ACTOR = "kartlagg (uppgradering)"
"""Who the audit log names for what an upgrade of the database wrote."""
migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_interview")
def _interview(db: Database) -> None:
    """Participants, kartläggningar, sessions, asked questions, answers, revisions and tags."""
    statements = """
    CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        personnummer TEXT UNIQUE CHECK (personnummer IS NULL OR length(personnummer) = 12),
        no_number_reason TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
    );
    CREATE TABLE kartlaggningar (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants(id),
        bank_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        cursor_area_id TEXT NOT NULL,
        cursor_pending TEXT,
        cursor_updated_at TEXT NOT NULL
    );
    CREATE INDEX kartlaggningar_by_participant ON kartlaggningar(participant_id, created_at);
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        kartlaggning_id TEXT NOT NULL REFERENCES kartlaggningar(id),
        number INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        caseworker TEXT NOT NULL,
        reading_register TEXT NOT NULL CHECK (reading_register IN ('standard', 'lattlast')),
        tolk INTEGER NOT NULL CHECK (tolk IN (0, 1)),
        UNIQUE (kartlaggning_id, number)
    );
    CREATE TABLE asked_questions (
        id TEXT PRIMARY KEY,
        kartlaggning_id TEXT NOT NULL REFERENCES kartlaggningar(id),
        session_id TEXT NOT NULL REFERENCES sessions(id),
        seq INTEGER NOT NULL,
        area_id TEXT NOT NULL,
        question_id TEXT,
        source TEXT NOT NULL CHECK (source IN ('bank', 'probe', 'own')),
        question_text TEXT NOT NULL,
        parent_id TEXT REFERENCES asked_questions(id),
        asked_at TEXT NOT NULL,
        skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
        UNIQUE (kartlaggning_id, seq)
    );
    CREATE INDEX asked_questions_by_session ON asked_questions(session_id);
    CREATE INDEX asked_questions_by_parent ON asked_questions(parent_id);
    CREATE TABLE answers (
        asked_id TEXT PRIMARY KEY REFERENCES asked_questions(id),
        text TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL
    );
    CREATE TABLE answer_revisions (
        asked_id TEXT NOT NULL REFERENCES answers(asked_id),
        revision INTEGER NOT NULL,
        text TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        PRIMARY KEY (asked_id, revision)
    );
    CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        asked_id TEXT NOT NULL REFERENCES answers(asked_id),
        tag TEXT CHECK (tag IS NULL OR tag IN ('hinder', 'resurs', 'fakta')),
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL
    );
    CREATE INDEX tags_by_answer ON tags(asked_id, id);
    CREATE TRIGGER answer_revisions_are_history BEFORE UPDATE ON answer_revisions
    BEGIN SELECT RAISE(ABORT, 'answer revisions cannot be changed'); END;
    CREATE TRIGGER tags_are_history BEFORE UPDATE ON tags
    BEGIN SELECT RAISE(ABORT, 'tag history cannot be changed'); END;
    """
    for statement in _split(statements):
        db.execute(statement)


@migrations(name="0002_session_end_and_actions")
def _session_end_and_actions(db: Database) -> None:
    """Add a session's time frame, next meeting and end note, and the åtgärder of a kartläggning."""
    statements = """
    ALTER TABLE sessions ADD COLUMN time_frame_minutes INTEGER NOT NULL DEFAULT 60
        CHECK (time_frame_minutes BETWEEN 5 AND 60);
    ALTER TABLE sessions ADD COLUMN next_meeting TEXT;
    ALTER TABLE sessions ADD COLUMN end_note TEXT;
    CREATE TABLE actions (
        id TEXT PRIMARY KEY,
        kartlaggning_id TEXT NOT NULL REFERENCES kartlaggningar(id),
        position INTEGER NOT NULL CHECK (position >= 1),
        what TEXT NOT NULL,
        who TEXT NOT NULL,
        due TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        removed_at TEXT,
        removed_by TEXT
    );
    CREATE INDEX actions_by_kartlaggning ON actions(kartlaggning_id, position);
    """
    for statement in _split(statements):
        db.execute(statement)


@migrations(name="0003_draft_versions")
def _draft_versions(db: Database) -> None:
    """Add the versions of each sammanställning; triggers freeze a signed version."""
    statements = """
    CREATE TABLE draft_versions (
        id TEXT PRIMARY KEY,
        kartlaggning_id TEXT NOT NULL REFERENCES kartlaggningar(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        status TEXT NOT NULL
            CHECK (status IN ('utkast', 'granskad', 'genomlast', 'undertecknad')),
        assessment TEXT NOT NULL,
        rehabilitation TEXT NOT NULL,
        other_actions TEXT NOT NULL,
        synpunkter TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        reviewed_at TEXT,
        reviewed_by TEXT,
        read_back_at TEXT,
        read_back_by TEXT,
        signed_at TEXT,
        signed_participant TEXT,
        signed_caseworker TEXT,
        signed_on TEXT,
        content TEXT,
        sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        UNIQUE (kartlaggning_id, version),
        CHECK (status != 'undertecknad' OR (
            signed_at IS NOT NULL AND signed_participant IS NOT NULL
            AND signed_caseworker IS NOT NULL AND signed_on IS NOT NULL
            AND content IS NOT NULL AND sha256 IS NOT NULL))
    );
    CREATE TRIGGER signed_draft_versions_are_frozen BEFORE UPDATE ON draft_versions
    WHEN OLD.status = 'undertecknad'
    BEGIN SELECT RAISE(ABORT, 'signed draft version is frozen'); END;
    CREATE TRIGGER signed_draft_versions_are_kept BEFORE DELETE ON draft_versions
    WHEN OLD.status = 'undertecknad'
    BEGIN SELECT RAISE(ABORT, 'signed draft version is frozen'); END;
    """
    for statement in _split(statements):
        db.execute(statement)


@migrations(name="0004_session_language_and_tolk")
def _session_language_and_tolk(db: Database) -> None:
    """Add a session's reading language and its tolk record (JSON: language, mode, level …)."""
    statements = """
    ALTER TABLE sessions ADD COLUMN language TEXT;
    ALTER TABLE sessions ADD COLUMN tolk_record TEXT;
    """
    for statement in _split(statements):
        db.execute(statement)


@migrations(name="0005_audit_log")
def _audit_log(db: Database) -> None:
    """Add the hash-chained audit log (append only) and the chain head printed on a signed version."""
    statements = """
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
    );
    CREATE INDEX audit_log_by_subject ON audit_log(subject);
    CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
    CREATE TRIGGER audit_log_is_kept BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
    ALTER TABLE draft_versions ADD COLUMN audit_head TEXT
        CHECK (audit_head IS NULL OR length(audit_head) = 64);
    """
    for statement in _split(statements):
        db.execute(statement)


@migrations(name="0006_consents")
def _consents(db: Database) -> None:
    """Add the medgivanden om informationsutbyte; a withdrawal is set once and then nothing changes."""
    statements = """
    CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants(id),
        legal_representative TEXT,
        parties TEXT NOT NULL
            CHECK (json_valid(parties) AND json_array_length(parties) >= 1),
        categories TEXT NOT NULL
            CHECK (json_valid(categories) AND json_array_length(categories) >= 1),
        exclusions TEXT,
        purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
        valid_from TEXT NOT NULL CHECK (length(valid_from) = 10),
        valid_to TEXT NOT NULL CHECK (length(valid_to) = 10 AND valid_to > valid_from),
        voluntary_explained INTEGER NOT NULL CHECK (voluntary_explained = 1),
        language TEXT,
        tolk INTEGER NOT NULL CHECK (tolk IN (0, 1)),
        signed_on TEXT NOT NULL CHECK (length(signed_on) = 10 AND signed_on <= valid_from),
        text_version TEXT NOT NULL CHECK (length(text_version) > 0),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on >= signed_on),
        withdrawn_how TEXT
            CHECK (withdrawn_how IS NULL OR withdrawn_how IN ('muntligt', 'skriftligt', 'ombud')),
        withdrawn_by TEXT,
        withdrawn_at TEXT,
        CHECK ((withdrawn_on IS NULL) = (withdrawn_how IS NULL)
            AND (withdrawn_on IS NULL) = (withdrawn_by IS NULL)
            AND (withdrawn_on IS NULL) = (withdrawn_at IS NULL))
    );
    CREATE INDEX consents_by_participant ON consents(participant_id, created_at);
    CREATE TRIGGER consents_keep_what_was_signed BEFORE UPDATE OF id, participant_id,
        legal_representative, parties, categories, exclusions, purpose, valid_from, valid_to,
        voluntary_explained, language, tolk, signed_on, text_version, created_at, created_by
        ON consents
    BEGIN SELECT RAISE(ABORT, 'a consent cannot be changed, only withdrawn'); END;
    CREATE TRIGGER consents_are_withdrawn_once BEFORE UPDATE ON consents
    WHEN OLD.withdrawn_on IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a consent is withdrawn only once'); END;
    """
    for statement in _split(statements):
        db.execute(statement)


@migrations(name="0007_statements")
def _statements(db: Database) -> None:
    """Add the karta's statements and their history; every answer's current tag becomes a statement.

    An answer whose newest tag is hinder, fakta or resurs gives one statement in that column holding
    the answer's whole current text (any length), written by whoever set the tag, when they set it,
    drawn from that answer. A newest tag of "none" gives nothing. The tags themselves stay as history.
    Each statement made here gets its create entry in the audit log (ids, column, position).
    """
    statements = """
    CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        kartlaggning_id TEXT NOT NULL REFERENCES kartlaggningar(id),
        area_id TEXT NOT NULL,
        karta_column TEXT NOT NULL CHECK (karta_column IN ('hinder', 'fakta', 'resurs')),
        text TEXT NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 1),
        sources TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array'),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        change TEXT NOT NULL
            CHECK (change IN ('created', 'edited', 'moved', 'reordered', 'removed')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
    );
    CREATE INDEX statements_by_kartlaggning ON statements(kartlaggning_id, area_id, karta_column);
    CREATE TABLE statement_revisions (
        statement_id TEXT NOT NULL REFERENCES statements(id),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        change TEXT NOT NULL,
        karta_column TEXT NOT NULL,
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        PRIMARY KEY (statement_id, revision)
    );
    CREATE TRIGGER statement_revisions_are_history BEFORE UPDATE ON statement_revisions
    BEGIN SELECT RAISE(ABORT, 'statement revisions cannot be changed'); END;
    CREATE TRIGGER statements_keep_their_origin BEFORE UPDATE OF id, kartlaggning_id, area_id,
        sources, created_at, created_by ON statements
    BEGIN SELECT RAISE(ABORT, 'a statement keeps its origin'); END;
    CREATE TRIGGER removed_statements_stay_removed BEFORE UPDATE ON statements
    WHEN OLD.change = 'removed'
    BEGIN SELECT RAISE(ABORT, 'a removed statement cannot be changed'); END;
    CREATE TRIGGER statements_change_with_their_history BEFORE UPDATE ON statements
    WHEN NEW.revision != OLD.revision + 1 OR NOT EXISTS (SELECT 1 FROM statement_revisions r
        WHERE r.statement_id = OLD.id AND r.revision = OLD.revision)
    BEGIN SELECT RAISE(ABORT, 'a statement changes only with its earlier state kept'); END;
    INSERT INTO statements (id, kartlaggning_id, area_id, karta_column, text, position, sources,
        revision, change, created_at, created_by, updated_at, updated_by)
    SELECT lower(hex(randomblob(16))), q.kartlaggning_id, q.area_id, t.tag, a.text,
        row_number() OVER (PARTITION BY q.kartlaggning_id, q.area_id, t.tag ORDER BY q.seq),
        json_array(q.id), 1, 'created', t.set_at, t.set_by, t.set_at, t.set_by
    FROM answers a
    JOIN asked_questions q ON q.id = a.asked_id
    JOIN tags t ON t.id = (SELECT max(id) FROM tags WHERE asked_id = a.asked_id)
    WHERE t.tag IS NOT NULL
    ORDER BY q.kartlaggning_id, q.seq;
    """
    for statement in _split(statements):
        db.execute(statement)
    migrated = list(
        db.query(
            "SELECT id, kartlaggning_id, area_id, karta_column, position, sources FROM statements "
            "ORDER BY rowid"
        )
    )
    at = datetime.now(UTC)
    for row in migrated:
        audit_log.append(
            db,
            AuditEvent(
                at=at,
                actor=MIGRATION_ACTOR,
                action=AuditAction.CREATE,
                subject=f"statement:{row['id']}",
                detail={
                    "kartlaggning": row["kartlaggning_id"],
                    "area": row["area_id"],
                    "column": row["karta_column"],
                    "position": row["position"],
                    "revision": 1,
                    "sources": json.loads(row["sources"]),
                    "from": "tag",
                },
            ),
        )


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and (
            not joined.upper().startswith("CREATE TRIGGER") or joined.upper().endswith("END;")
        ):
            statements.append(joined)
            current = []
    return statements


def known_migrations() -> set[str]:
    """Return the names of the migrations this version knows."""
    return {migration.name for migration in migrations._migrations}


def unknown_applied(db: Database) -> list[str]:
    """Return applied migrations this version does not know (a newer kartlagg wrote them)."""
    return [m.name for m in migrations.applied(db) if m.name not in known_migrations()]


def pending(db: Database) -> list[str]:
    """Return the names of migrations not yet applied."""
    return [migration.name for migration in migrations.pending(db)]


def migrate(db: Database) -> None:
    """Apply every pending migration, each in its own transaction."""
    migrations.apply(db)
