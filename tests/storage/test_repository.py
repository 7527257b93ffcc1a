"""Storage: round trips, the file's safety settings, and the database states a unit can run into."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.participants import new_participant
from interview.records import Participant, Tag
from storage import (
    DatabaseBusy,
    DatabaseInUse,
    DatabaseNotEncrypted,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    ParticipantExists,
    Repository,
    WrongPassphrase,
    driver,
)
from storage.connection import connect
from tests.conftest import CASEWORKER
from tests.keys import TEST_KEY


def test_participant_round_trip(repo: Repository, participant: Participant, clock: ManualClock) -> None:
    repo.add_participant(participant)
    assert repo.participant(participant.id) == participant
    assert repo.participant_by_personnummer("198503122387") == participant
    other = new_participant("Bo Exempelsson", None, clock, CASEWORKER, "Saknar nummer, född 1990")
    repo.add_participant(other)
    assert [person.name for person in repo.participants()] == ["Amina Testdotter", "Bo Exempelsson"]


def test_the_same_personnummer_cannot_be_stored_twice(
    repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    repo.add_participant(participant)
    twin = new_participant("Någon Annan", "19850312-2387", clock, CASEWORKER)
    with pytest.raises(ParticipantExists, match="finns redan"):
        repo.add_participant(twin)
    assert len(repo.participants()) == 1


def test_the_file_and_its_side_files_are_for_the_owner_only(repo: Repository, db_path: Path) -> None:
    files = [db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")]
    for path in files:
        assert path.exists(), path
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700


def test_an_existing_file_with_a_loose_mode_is_tightened(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    sqlite3.connect(db_path).close()
    db_path.chmod(0o644)
    with Repository.open(db_path, key=TEST_KEY):
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_pragmas_for_durability(repo: Repository) -> None:
    connection = repo._db.conn
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_foreign_keys_are_enforced(repo: Repository) -> None:
    with pytest.raises(driver.IntegrityError, match="FOREIGN KEY"):
        repo._db.execute(
            "INSERT INTO kartlaggningar VALUES ('k', 'nobody', 'sassam', 't', 'x', 'a', NULL, 't')"
        )


def test_history_tables_refuse_updates(interview: Interview, repo: Repository) -> None:
    exchange = interview.answer("Först.")
    interview.edit(exchange.id, "Sedan.")
    interview.tag(exchange.id, Tag.HINDER)
    with pytest.raises(driver.IntegrityError, match="cannot be changed"):
        repo._db.execute("UPDATE answer_revisions SET text = 'ändrat'")
    with pytest.raises(driver.IntegrityError, match="cannot be changed"):
        repo._db.execute("UPDATE tags SET tag = 'resurs'")


def test_migrations_are_recorded_and_reopening_changes_nothing(db_path: Path) -> None:
    with Repository.open(db_path, key=TEST_KEY) as repo:
        names = [row["name"] for row in repo._rows("SELECT name FROM _sqlite_migrations")]
    assert names == [
        "0001_interview",
        "0002_session_end_and_actions",
        "0003_draft_versions",
        "0004_session_language_and_tolk",
        "0005_audit_log",
        "0006_consents",
        "0007_statements",
    ]
    with Repository.open(db_path, key=TEST_KEY) as repo:
        again = [row["name"] for row in repo._rows("SELECT name FROM _sqlite_migrations")]
    assert again == names


def test_a_second_window_gets_a_clear_message(db_path: Path, participant: Participant) -> None:
    with Repository.open(db_path, key=TEST_KEY) as first:
        first.add_participant(participant)
        with pytest.raises(DatabaseInUse, match="annat kartlagg-fönster"):
            Repository.open(db_path, key=TEST_KEY)
        # The first window goes on working.
        assert first.participant(participant.id) == participant
    with Repository.open(db_path, key=TEST_KEY) as again:
        assert again.participant(participant.id) == participant


def test_a_second_process_gets_a_clear_message(db_path: Path) -> None:
    Repository.open(db_path, key=TEST_KEY).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                from pathlib import Path
                from storage import Repository
                repo = Repository.open(Path({str(db_path)!r}), key={TEST_KEY!r})
                print("open", flush=True)
                sys.stdin.readline()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseInUse):
            Repository.open(db_path, key=TEST_KEY)
    finally:
        holder.communicate("\n", timeout=30)
    Repository.open(db_path, key=TEST_KEY).close()


def test_a_database_locked_by_another_program(db_path: Path, participant: Participant) -> None:
    with Repository.open(db_path, key=TEST_KEY, busy_timeout_ms=50) as repo:
        other = connect(db_path, key=TEST_KEY)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseBusy, match="upptagen"):
                repo.add_participant(participant)
        finally:
            other.execute("ROLLBACK")
            other.close()
        repo.add_participant(participant)
        assert repo.participant(participant.id) == participant


def test_a_read_only_database(db_path: Path, participant: Participant, clock: ManualClock) -> None:
    with Repository.open(db_path, key=TEST_KEY) as repo:
        repo.add_participant(participant)
    with Repository.open(db_path, key=TEST_KEY, read_only=True) as repo:
        assert repo.participant(participant.id) == participant
        other = new_participant("Cilla Exempel", "19900101-0017", clock, CASEWORKER)
        with pytest.raises(DatabaseReadOnly, match="bara att läsa"):
            repo.add_participant(other)
    with Repository.open(db_path, key=TEST_KEY) as repo:
        assert [person.id for person in repo.participants()] == [participant.id]


def test_a_database_that_became_read_only_while_open(
    db_path: Path, participant: Participant, clock: ManualClock
) -> None:
    with Repository.open(db_path, key=TEST_KEY) as repo:
        repo.add_participant(participant)
        repo._db.execute("PRAGMA query_only = ON")
        other = new_participant("Cilla Exempel", "19900101-0017", clock, CASEWORKER)
        with pytest.raises(DatabaseReadOnly):
            repo.add_participant(other)
        assert repo.participant(participant.id) == participant


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        # SQLCipher cannot tell a damaged file from a wrong key: the message says both
        (b"this is not a database at all" * 100, WrongPassphrase, "eller så är databasfilen"),
        # an unencrypted file (from before encryption at rest) is named as such, not opened
        (b"SQLite format 3\x00" + b"\xff" * 8192, DatabaseNotEncrypted, "inte krypterad"),
    ],
    ids=["text", "unencrypted"],
)
def test_a_corrupt_or_unencrypted_file_is_refused_untouched(
    db_path: Path, content: bytes, error: type[Exception], message: str
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(error, match=message):
        Repository.open(db_path, key=TEST_KEY)
    assert db_path.read_bytes() == content


def test_a_database_from_a_newer_version_is_refused_untouched(
    db_path: Path, participant: Participant
) -> None:
    with Repository.open(db_path, key=TEST_KEY) as repo:
        repo.add_participant(participant)
        repo._db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('kartlagg', '0099_from_the_future', '2030-01-01')"
        )
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="nyare version"):
        Repository.open(db_path, key=TEST_KEY)
    assert db_path.read_bytes() == before
    # The lock is released, so an updated kartlagg could open it.
    with pytest.raises(DatabaseTooNew):
        Repository.open(db_path, key=TEST_KEY)


def test_a_full_disk_gives_a_message_and_keeps_what_was_saved(
    interview: Interview, repo: Repository
) -> None:
    kept = interview.answer("Det här är sparat.")
    page_count = repo._db.execute("PRAGMA page_count").fetchone()[0]
    repo._db.execute(f"PRAGMA max_page_count = {page_count}")
    with pytest.raises(DiskFull, match="disken"):
        for _ in range(200):
            interview.answer("x" * 4000)
    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    assert kept in record.exchanges
    assert record.exchanges == interview.snapshot().exchanges


def test_load_returns_none_for_an_unknown_kartlaggning(repo: Repository) -> None:
    assert repo.load("no-such-id") is None


def test_integrity_check_on_a_fresh_database(repo: Repository, bank: Bank) -> None:
    assert repo.integrity_check() == "ok"
