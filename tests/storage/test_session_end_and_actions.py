"""Storage of a session's time frame and end, and of åtgärder; the migration that added them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from interview.banks import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.records import Action, Cursor, Kartlaggning, Participant, Session
from storage import DatabaseReadOnly, Repository, StorageError, driver, schema
from storage.connection import connect
from tests.conftest import CASEWORKER
from tests.keys import TEST_KEY

SECOND_MIGRATION = "0002_session_end_and_actions"
FIRST_THREE = ("0001_interview", SECOND_MIGRATION, "0003_draft_versions")


@pytest.fixture
def kartlaggning(
    repo: Repository, bank: Bank, participant: Participant, clock: ManualClock
) -> Kartlaggning:
    """A stored kartläggning without sessions."""
    repo.add_participant(participant)
    return Interview.begin(bank, participant, repo, clock, CASEWORKER).kartlaggning


def _action(kartlaggning_id: str, clock: ManualClock, **changes: object) -> Action:
    values: dict[str, object] = {
        "kartlaggning_id": kartlaggning_id,
        "position": 1,
        "what": "Boka tid hos studie- och yrkesvägledare",
        "who": "Handläggaren",
        "due": date(2026, 2, 1),
        "created_at": clock.now,
        "updated_at": clock.now,
        "updated_by": CASEWORKER,
    }
    values.update(changes)
    return Action.model_validate(values)


def _load(repo: Repository, kartlaggning_id: str) -> tuple[tuple[Session, ...], tuple[Action, ...]]:
    record = repo.load(kartlaggning_id)
    assert record is not None
    return record.sessions, record.actions


# --------------------------------------------------------------------------------- sessions


def test_session_time_frame_and_end_round_trip(
    repo: Repository, kartlaggning: Kartlaggning, clock: ManualClock
) -> None:
    session = Session(
        kartlaggning_id=kartlaggning.id,
        number=1,
        started_at=clock.now,
        caseworker=CASEWORKER,
        time_frame_minutes=30,
    )
    repo.start_session(session)
    assert _load(repo, kartlaggning.id)[0] == (session,)
    ended_at = clock.advance(minutes=29)
    note = "Kvar: historik.\nTa upp [b]ryggen[/b] igen."
    repo.end_session(session.id, ended_at, date(2026, 1, 19), note)
    (stored,), _actions = _load(repo, kartlaggning.id)
    assert stored == session.model_copy(
        update={"ended_at": ended_at, "next_meeting": date(2026, 1, 19), "end_note": note}
    )
    row = repo._rows("SELECT next_meeting, end_note FROM sessions")[0]
    assert row == {"next_meeting": "2026-01-19", "end_note": note}


def test_ending_without_next_meeting_or_note(
    repo: Repository, kartlaggning: Kartlaggning, clock: ManualClock
) -> None:
    session = Session(
        kartlaggning_id=kartlaggning.id, number=1, started_at=clock.now, caseworker=CASEWORKER
    )
    repo.start_session(session)
    repo.end_session(session.id, clock.advance(minutes=10), None, None)
    (stored,), _actions = _load(repo, kartlaggning.id)
    assert stored.time_frame_minutes == 60
    assert stored.next_meeting is None
    assert stored.end_note is None


@pytest.mark.parametrize("minutes", [4, 61])
def test_the_database_refuses_a_time_frame_outside_5_to_60(
    repo: Repository, kartlaggning: Kartlaggning, minutes: int
) -> None:
    with pytest.raises(driver.IntegrityError, match="CHECK"):
        repo._db.execute(
            "INSERT INTO sessions (id, kartlaggning_id, number, started_at, caseworker, "
            "reading_register, tolk, time_frame_minutes) VALUES ('s', ?, 1, 't', 'c', 'standard', 0, ?)",
            (kartlaggning.id, minutes),
        )


# --------------------------------------------------------------------------------- åtgärder


def test_actions_round_trip_by_position(
    repo: Repository, kartlaggning: Kartlaggning, clock: ManualClock
) -> None:
    third = _action(kartlaggning.id, clock, position=3, what="Söka jobb", who="Amina", due=None)
    first = _action(kartlaggning.id, clock)
    second = _action(kartlaggning.id, clock, position=2, what="[b]Läkaren[/b]\nom ryggen")
    for action in (third, first, second):
        repo.save_action(action)
    assert _load(repo, kartlaggning.id)[1] == (first, second, third)
    row = repo._rows("SELECT due FROM actions WHERE id = ?", (first.id,))[0]
    assert row["due"] == "2026-02-01"


def test_save_action_updates_an_existing_one(
    repo: Repository, kartlaggning: Kartlaggning, clock: ManualClock
) -> None:
    action = _action(kartlaggning.id, clock)
    repo.save_action(action)
    updated = action.model_copy(
        update={
            "what": "Boka tid hos SYV",
            "who": "Amina",
            "due": None,
            "position": 4,
            "updated_at": clock.advance(days=2),
            "updated_by": "Handläggare Bo Exempel",
        }
    )
    repo.save_action(updated)
    assert _load(repo, kartlaggning.id)[1] == (updated,)
    assert repo._rows("SELECT count(*) AS n FROM actions")[0]["n"] == 1
    # The creation time is never changed by an update.
    repo.save_action(updated.model_copy(update={"created_at": clock.advance(days=1)}))
    assert _load(repo, kartlaggning.id)[1][0].created_at == action.created_at


def test_remove_action_keeps_the_row_but_hides_it(
    repo: Repository, kartlaggning: Kartlaggning, clock: ManualClock
) -> None:
    kept = _action(kartlaggning.id, clock)
    removed = _action(kartlaggning.id, clock, position=2, what="Ta bort mig")
    repo.save_action(kept)
    repo.save_action(removed)
    removed_at = clock.advance(hours=1)
    repo.remove_action(removed.id, removed_at, "Handläggare Bo Exempel")
    assert _load(repo, kartlaggning.id)[1] == (kept,)
    row = repo._rows("SELECT removed_at, removed_by FROM actions WHERE id = ?", (removed.id,))[0]
    assert row == {"removed_at": removed_at.isoformat(), "removed_by": "Handläggare Bo Exempel"}


def test_a_removed_or_unknown_action_cannot_be_changed(
    repo: Repository, kartlaggning: Kartlaggning, clock: ManualClock
) -> None:
    action = _action(kartlaggning.id, clock)
    repo.save_action(action)
    repo.remove_action(action.id, clock.now, CASEWORKER)
    with pytest.raises(StorageError, match="annat fönster"):
        repo.remove_action(action.id, clock.now, CASEWORKER)
    with pytest.raises(StorageError, match="annat fönster"):
        repo.save_action(action.model_copy(update={"what": "Tillbaka?"}))
    with pytest.raises(StorageError, match="annat fönster"):
        repo.remove_action("no-such-id", clock.now, CASEWORKER)
    row = repo._rows("SELECT what, removed_at FROM actions")[0]
    assert row["what"] == action.what
    assert row["removed_at"] is not None


def test_an_action_cannot_move_to_another_kartlaggning(
    repo: Repository, kartlaggning: Kartlaggning, clock: ManualClock, bank: Bank
) -> None:
    action = _action(kartlaggning.id, clock)
    repo.save_action(action)
    other = Kartlaggning(
        participant_id=kartlaggning.participant_id,
        bank_id=bank.id,
        created_at=clock.now,
        created_by=CASEWORKER,
    )
    repo.add_kartlaggning(other, Cursor(area_id=bank.areas[0].id, updated_at=clock.now))
    with pytest.raises(StorageError):
        repo.save_action(action.model_copy(update={"kartlaggning_id": other.id}))
    assert _load(repo, kartlaggning.id)[1] == (action,)
    assert _load(repo, other.id)[1] == ()


def test_an_action_needs_a_stored_kartlaggning(repo: Repository, clock: ManualClock) -> None:
    with pytest.raises(StorageError):
        repo.save_action(_action("no-such-kartlaggning", clock))
    assert repo._rows("SELECT count(*) AS n FROM actions")[0]["n"] == 0


def test_a_read_only_database_refuses_actions(
    db_path: Path, bank: Bank, participant: Participant, clock: ManualClock
) -> None:
    with Repository.open(db_path, key=TEST_KEY) as repo:
        repo.add_participant(participant)
        kartlaggning = Interview.begin(bank, participant, repo, clock, CASEWORKER).kartlaggning
        action = _action(kartlaggning.id, clock)
        repo.save_action(action)
    with Repository.open(db_path, key=TEST_KEY, read_only=True) as repo:
        with pytest.raises(DatabaseReadOnly):
            repo.save_action(action.model_copy(update={"what": "Ändrad"}))
        with pytest.raises(DatabaseReadOnly):
            repo.remove_action(action.id, clock.now, CASEWORKER)
        assert _load(repo, kartlaggning.id)[1] == (action,)


# --------------------------------------------------------------------------------- migration


def _database_with_only_the_first_migration(db_path: Path, clock: ManualClock) -> None:
    """Create the database as the first release left it, with one ended session."""
    connection = connect(db_path, key=TEST_KEY)
    try:
        db = Database(connection)
        schema.migrations.apply(db, stop_before=SECOND_MIGRATION)
        assert schema.pending(db) == [
            SECOND_MIGRATION,
            "0003_draft_versions",
            "0004_session_language_and_tolk",
            "0005_audit_log",
            "0006_consents",
            "0007_statements",
        ]
        now = clock.now.isoformat()
        with db.atomic():
            db.execute(
                "INSERT INTO participants VALUES ('p1', 'Amina Testdotter', '198503122387', NULL, ?, ?)",
                (now, CASEWORKER),
            )
            db.execute(
                "INSERT INTO kartlaggningar VALUES ('k1', 'p1', 'sassam', ?, ?, 'inledning', NULL, ?)",
                (now, CASEWORKER, now),
            )
            db.execute(
                "INSERT INTO sessions VALUES ('s1', 'k1', 1, ?, ?, ?, 'lattlast', 1)",
                (now, clock.advance(minutes=50).isoformat(), CASEWORKER),
            )
    finally:
        connection.close()


LATER = [
    "0004_session_language_and_tolk",
    "0005_audit_log",
    "0006_consents",
    "0007_statements",
]


def test_a_database_of_the_first_release_is_upgraded(
    db_path: Path, bank: Bank, clock: ManualClock
) -> None:
    _database_with_only_the_first_migration(db_path, clock)
    with Repository.open(db_path, key=TEST_KEY) as repo:
        names = [row["name"] for row in repo._rows("SELECT name FROM _sqlite_migrations")]
        assert names == [*FIRST_THREE, *LATER]
        record = repo.load("k1")
        assert record is not None
        (session,) = record.sessions
        assert session.time_frame_minutes == 60
        assert session.next_meeting is None
        assert session.end_note is None
        assert session.ended_at is not None
        assert record.actions == ()
        assert repo.integrity_check() == "ok"

        # The upgraded kartläggning goes on with the new features.
        interview = Interview(bank, record, repo, clock)
        clock.advance(days=7)
        interview.start_session(CASEWORKER, time_frame_minutes=30)
        action = interview.add_action("Boka tid", "Handläggaren", None)
        interview.end_session(clock.now.date(), "Kvar: allt annat.")
        reloaded = repo.load("k1")
        assert reloaded == interview.snapshot()
        assert reloaded is not None
        assert reloaded.actions == (action,)
    with Repository.open(db_path, key=TEST_KEY) as repo:
        again = [row["name"] for row in repo._rows("SELECT name FROM _sqlite_migrations")]
        assert again == [*FIRST_THREE, *LATER]


def test_a_read_only_first_release_database_is_not_upgraded(db_path: Path, clock: ManualClock) -> None:
    _database_with_only_the_first_migration(db_path, clock)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseReadOnly):
        Repository.open(db_path, key=TEST_KEY, read_only=True)
    assert db_path.read_bytes() == before
