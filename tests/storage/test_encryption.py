"""Encryption at rest: the database file and its side files hold nothing readable.

A fictional canary (a name, a personnummer and an answer) is saved; the database's bytes, its WAL
and the whole folder never contain it, the header is not "SQLite format 3", the standard sqlite3
module cannot read it, a wrong passphrase fails cleanly, and a new passphrase keeps every record.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.participants import new_participant
from storage import DatabaseNotEncrypted, Repository, WrongPassphrase
from storage.connection import PLAIN_HEADER, encrypt_plain
from tests.keys import TEST_KEY

CANARY_NAME = "Kanariefågel Påhittadsson"
CANARY_NUMBER = "19700101-9806"  # a test serial (980–999): fictional
CANARY_DIGITS = "197001019806"
CANARY_ANSWER = "Kanariesvaret: jag har en hemlig diagnos som ingen får läsa."
CASEWORKER = "Handläggare Hanna Exempel"


def canaries() -> list[bytes]:
    texts = [CANARY_NAME, CANARY_DIGITS, "Kanariesvaret", "hemlig diagnos"]
    return [text.encode() for text in texts] + [text.encode("utf-16-le") for text in texts]


def fill(db_path: Path, bank: Bank, key: str = TEST_KEY) -> str:
    """Save the canary person with one answer; return the kartläggning id."""
    clock = ManualClock()
    with Repository.open(db_path, key=key) as repo:
        person = new_participant(CANARY_NAME, CANARY_NUMBER, clock, CASEWORKER)
        repo.add_participant(person)
        interview = Interview.begin(bank, person, repo, clock, CASEWORKER)
        interview.start_session(CASEWORKER)
        interview.answer(CANARY_ANSWER)
        return interview.kartlaggning.id


def every_byte(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file())


def test_no_canary_in_any_file_and_no_sqlite_header(tmp_path: Path, bank: Bank) -> None:
    db_path = tmp_path / "data" / "kartlagg.db"
    clock = ManualClock()
    with Repository.open(db_path, key=TEST_KEY) as repo:
        person = new_participant(CANARY_NAME, CANARY_NUMBER, clock, CASEWORKER)
        repo.add_participant(person)
        interview = Interview.begin(bank, person, repo, clock, CASEWORKER)
        interview.start_session(CASEWORKER)
        interview.answer(CANARY_ANSWER)
        # while the app is open, the answer sits in the WAL: that file is encrypted too
        assert Path(f"{db_path}-wal").exists()
        while_open = every_byte(db_path.parent)
    after = every_byte(db_path.parent)
    for data in (while_open, after):
        for canary in canaries():
            assert canary not in data, canary
    assert db_path.read_bytes()[:16] != PLAIN_HEADER
    for path in db_path.parent.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_plain_sqlite_cannot_read_it(tmp_path: Path, bank: Bank) -> None:
    db_path = tmp_path / "kartlagg.db"
    fill(db_path, bank)
    connection = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            connection.execute("SELECT * FROM participants").fetchall()
    finally:
        connection.close()


def test_a_wrong_passphrase_fails_cleanly_and_changes_nothing(tmp_path: Path, bank: Bank) -> None:
    db_path = tmp_path / "kartlagg.db"
    fill(db_path, bank)
    before = db_path.read_bytes()
    with pytest.raises(WrongPassphrase) as caught:
        Repository.open(db_path, key="fel lösenfras helt enkelt")
    message = str(caught.value)
    assert message.startswith("Lösenfrasen stämmer inte")
    assert CANARY_NAME not in message and "participants" not in message
    assert db_path.read_bytes() == before
    with Repository.open(db_path, key=TEST_KEY) as repo:  # the lock was let go
        assert [person.name for person in repo.participants()] == [CANARY_NAME]


def test_rekeying_keeps_every_record(tmp_path: Path, bank: Bank) -> None:
    db_path = tmp_path / "kartlagg.db"
    kartlaggning_id = fill(db_path, bank)
    with Repository.open(db_path, key=TEST_KEY) as repo:
        before = repo.load(kartlaggning_id)
        repo.rekey("en helt ny lösenfras för enheten")
    with pytest.raises(WrongPassphrase):
        Repository.open(db_path, key=TEST_KEY)
    with Repository.open(db_path, key="en helt ny lösenfras för enheten") as repo:
        assert repo.load(kartlaggning_id) == before
        assert repo.integrity_check() == "ok"
    for canary in canaries():
        assert canary not in every_byte(tmp_path)


def test_a_database_from_before_encryption_is_encrypted_keeping_everything(
    tmp_path: Path, bank: Bank
) -> None:
    plain_path = tmp_path / "kartlagg.db"
    kartlaggning_id = fill(tmp_path / "model.db", bank)
    with Repository.open(tmp_path / "model.db", key=TEST_KEY) as repo:
        expected = repo.load(kartlaggning_id)
        # the same data as an old, unencrypted kartlagg database would hold it
        repo._db.execute(f"ATTACH DATABASE '{plain_path}' AS plain KEY ''")
        repo._db.execute("SELECT sqlcipher_export('plain')")
        repo._db.execute("DETACH DATABASE plain")
    assert plain_path.read_bytes()[:16] == PLAIN_HEADER
    with pytest.raises(DatabaseNotEncrypted, match="kartlagg passphrase encrypt"):
        Repository.open(plain_path, key=TEST_KEY)
    encrypt_plain(plain_path, new_key=TEST_KEY)
    assert plain_path.read_bytes()[:16] != PLAIN_HEADER
    with Repository.open(plain_path, key=TEST_KEY) as repo:
        assert repo.load(kartlaggning_id) == expected
        assert repo.integrity_check() == "ok"
    assert stat.S_IMODE(plain_path.stat().st_mode) == 0o600


def test_a_file_made_here_opens_in_plain_sqlcipher_with_the_passphrase_and_back(tmp_path: Path) -> None:
    """kartlagg derives SQLCipher 4's key itself; the file stays an ordinary SQLCipher database."""
    from storage import connection
    from storage.driver import sqlite

    ours = tmp_path / "ours.db"
    made = connection.connect(ours, key=TEST_KEY)
    made.execute("CREATE TABLE t (a TEXT)")
    made.execute("INSERT INTO t VALUES ('kvar')")
    made.close()
    plain = sqlite.connect(str(ours))
    plain.execute(f"PRAGMA key = {connection.quoted_key(TEST_KEY)}")
    assert plain.execute("SELECT a FROM t").fetchall() == [("kvar",)]
    plain.close()

    theirs = tmp_path / "theirs.db"
    other = sqlite.connect(str(theirs))
    other.execute(f"PRAGMA key = {connection.quoted_key(TEST_KEY)}")
    other.execute("CREATE TABLE t (a TEXT)")
    other.execute("INSERT INTO t VALUES ('också')")
    other.commit()
    other.close()
    opened = connection.connect(theirs, key=TEST_KEY)
    assert opened.execute("SELECT a FROM t").fetchall() == [("också",)]
    opened.close()


def test_the_derived_key_is_kept_only_after_it_opened_the_file(tmp_path: Path) -> None:
    from storage import connection

    path = tmp_path / "kartlagg.db"
    connection.connect(path, key=TEST_KEY).close()
    connection.forget_derived_keys()
    with pytest.raises(WrongPassphrase):
        connection.connect(path, key="en helt annan lösenfras")
    assert connection._derived_keys == {}  # a wrong passphrase is never kept

    connection.connect(path, key=TEST_KEY).close()
    assert len(connection._derived_keys) == 1
    kept = b"".join(connection._derived_keys) + b"".join(connection._derived_keys.values())
    assert TEST_KEY.encode() not in kept  # a digest and the key, never the passphrase
    with pytest.raises(WrongPassphrase):
        connection.connect(path, key=TEST_KEY + "x")
    reopened = connection.connect(path, key=TEST_KEY, read_only=True)
    reopened.close()


def test_after_a_passphrase_change_only_the_new_one_opens(tmp_path: Path, bank: Bank) -> None:
    from storage import connection

    path = tmp_path / "kartlagg.db"
    fill(path, bank)
    with Repository.open(path, key=TEST_KEY) as repo:  # the old key is kept now
        repo.rekey("en helt ny lösenfras för enheten")
    assert connection._derived_keys == {}  # forgotten with the change
    with pytest.raises(WrongPassphrase):
        Repository.open(path, key=TEST_KEY).close()
    with Repository.open(path, key="en helt ny lösenfras för enheten") as repo:
        assert repo.integrity_check() == "ok"
