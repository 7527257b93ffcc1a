"""Storage of the karta's statements: history, triggers, any text, and the migration from tags.

The migration test builds a database as the previous release left it (tags, re-tags, an edited
answer, a long answer and a signed sammanställning), upgrades it, and checks that every current tag
became one statement, that nothing else changed, and that the audit log and the signed version hold.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview.audit import StoredEntry
from interview.banks import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.karta import MAX_STATEMENT_CHARS, Column, KartaError, StatementChange
from interview.paths import Locations
from interview.records import KartlaggningRecord, Participant, Tag
from interview.text import clean_input
from storage import DatabaseReadOnly, Repository, driver
from storage.schema import MIGRATION_ACTOR, known_migrations
from tests.cli_runner import Kartlagg, ScriptedPrompt
from tests.draft.kartlaggning import START, build_signed
from tests.keys import TEST_KEY

BLNS = json.loads((Path(__file__).resolve().parents[1] / "data" / "blns.json").read_text("utf-8"))
AREA = "fritidsintressen"


def _reloaded(interview: Interview, repo: Repository) -> Interview:
    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    return Interview(interview.bank, record, repo, ManualClock(record.kartlaggning.created_at))


# --------------------------------------------------------------------------------- tables


def _keep_current_state(repo: Repository) -> None:
    """Copy every statement's current state into its history, as a change does first."""
    repo._db.execute(
        "INSERT INTO statement_revisions SELECT id, revision, change, karta_column, text, "
        "position, updated_at, updated_by FROM statements"
    )


def test_history_is_kept_in_its_own_table_and_cannot_be_rewritten(
    interview: Interview, repo: Repository
) -> None:
    statement = interview.add_statement(AREA, Column.RESURS, "Spelar fotboll varje vecka")
    interview.edit_statement(statement.id, "Spelar fotboll två gånger i veckan")
    interview.move_statement(statement.id, Column.FAKTA)
    rows = repo._rows(
        "SELECT revision, change, karta_column, text FROM statement_revisions "
        "WHERE statement_id = ? ORDER BY revision",
        (statement.id,),
    )
    assert rows == [
        {
            "revision": 1,
            "change": "created",
            "karta_column": "resurs",
            "text": "Spelar fotboll varje vecka",
        },
        {
            "revision": 2,
            "change": "edited",
            "karta_column": "resurs",
            "text": "Spelar fotboll två gånger i veckan",
        },
    ]
    with pytest.raises(driver.IntegrityError, match="cannot be changed"):
        repo._db.execute("UPDATE statement_revisions SET text = 'ändrat'")
    with pytest.raises(driver.IntegrityError, match="earlier state kept"):
        repo._db.execute("UPDATE statements SET text = 'ändrat utan historik'")
    _keep_current_state(repo)  # as a change must; the origin is refused still
    with pytest.raises(driver.IntegrityError, match="keeps its origin"):
        repo._db.execute("UPDATE statements SET sources = '[]', revision = revision + 1")
    repo._db.execute("DELETE FROM statement_revisions WHERE revision = 3")
    interview.remove_statement(statement.id)
    _keep_current_state(repo)
    with pytest.raises(driver.IntegrityError, match="removed statement"):
        repo._db.execute("UPDATE statements SET text = 'tillbaka', revision = revision + 1")
    repo._db.execute("DELETE FROM statement_revisions WHERE revision = 4")
    assert _reloaded(interview, repo).snapshot() == interview.snapshot()


def test_a_read_only_database_refuses_statements(
    db_path: Path, bank: Bank, participant: Participant, clock: ManualClock
) -> None:
    with Repository.open(db_path, key=TEST_KEY) as repo:
        repo.add_participant(participant)
        interview = Interview.begin(bank, participant, repo, clock, "Handläggaren")
        statement = interview.add_statement(AREA, Column.HINDER, "Tränar sent på kvällarna")
    with Repository.open(db_path, key=TEST_KEY, read_only=True) as repo:
        record = repo.load(interview.kartlaggning.id)
        assert record is not None
        reader = Interview(bank, record, repo, clock)
        with pytest.raises(DatabaseReadOnly):
            reader.add_statement(AREA, Column.FAKTA, "Något nytt")
        with pytest.raises(DatabaseReadOnly):
            reader.remove_statement(statement.id)
        assert reader.statements == (statement,)


def test_every_naughty_string_is_stored_verbatim_or_refused_in_swedish(
    interview: Interview, repo: Repository
) -> None:
    made = []
    for text in BLNS:
        try:
            made.append(interview.add_statement(AREA, Column.FAKTA, text))
        except KartaError as error:
            cleaned = clean_input(text)
            assert not cleaned.strip() or len(cleaned) > MAX_STATEMENT_CHARS, repr(text)
            assert str(error)
    assert len(made) > len(BLNS) / 2
    stored = _reloaded(interview, repo).statements
    assert [s.text for s in stored] == [s.text for s in made]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec=None), min_size=1, max_size=320))
def test_any_unicode_statement_survives(interview: Interview, repo: Repository, text: str) -> None:
    cleaned = clean_input(text)
    try:
        statement = interview.add_statement(AREA, Column.HINDER, text)
    except KartaError:
        assert not cleaned.strip() or len(cleaned) > MAX_STATEMENT_CHARS
        return
    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    [stored] = [s for s in record.statements if s.id == statement.id]
    assert stored.text == cleaned


# --------------------------------------------------------------------------------- migration

LONG_ANSWER = "Jag spelar schack i en klubb och leder juniorträningen på lördagar. " * 8


@pytest.fixture
def locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Locations:
    """The user's folders, inside this test's own temporary folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return Locations.for_user()


class Before(NamedTuple):
    """What the previous release's database held, read before the upgrade."""

    record: KartlaggningRecord
    signed_rows: list[dict[str, Any]]
    audit: list[StoredEntry]


def _previous_release(locations: Locations, bank: Bank) -> Before:
    """Build a signed, tagged and re-tagged kartläggning, then take the schema back to 0006."""
    clock = ManualClock(START)
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        kartlaggning_id = build_signed(repo, bank, clock, date(2026, 10, 12)).record.kartlaggning.id
        record = repo.load(kartlaggning_id)
        assert record is not None
        interview = Interview(bank, record, repo, clock)
        tagged = [exchange for exchange in interview.exchanges if exchange.tag is not None]
        assert len(tagged) >= 3
        interview.start_session("Handläggare Ny Kollega")
        clock.advance(minutes=1)
        interview.tag(tagged[0].id, Tag.RESURS)  # re-tagged: hinder → resurs
        interview.edit(tagged[0].id, "Jag cyklar till jobbet, det ger mig ork.")  # the text now
        interview.tag(tagged[1].id, None)  # the newest tag is "none": no statement
        interview.tag(tagged[2].id, None)
        clock.advance(minutes=1)
        interview.tag(tagged[2].id, Tag.FAKTA)  # none, then fakta
        interview.jump(AREA)
        interview.ask_own("Berätta om schacket.")
        long = interview.answer(LONG_ANSWER)
        interview.tag(long.id, Tag.RESURS)
        interview.end_session()
        before = repo.load(kartlaggning_id)
        assert before is not None
        assert before.statements == ()  # tags alone make no statements
        signed_rows = repo._rows("SELECT * FROM draft_versions WHERE status = 'undertecknad'")
        assert len(signed_rows) == 1
        # the previous release had neither table nor migration record
        repo._db.execute("DROP TABLE statement_revisions")
        repo._db.execute("DROP TABLE statements")
        repo._db.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_statements'")
        assert "statements" not in repo._db.table_names()
        return Before(before, signed_rows, repo.audit_entries())


def test_every_current_tag_becomes_one_statement_and_nothing_is_lost(
    locations: Locations, bank: Bank
) -> None:
    before = _previous_release(locations, bank)
    kartlaggning_id = before.record.kartlaggning.id
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        migrated = repo.load(kartlaggning_id)
        assert migrated is not None
        # answers, their earlier texts, tag history, sessions, åtgärder: all as they were
        assert migrated.model_copy(update={"statements": ()}) == before.record
        current = [exchange for exchange in migrated.exchanges if exchange.tag is not None]
        by_source = {statement.sources: statement for statement in migrated.statements}
        assert len(migrated.statements) == len(current) == len(by_source)
        for exchange in current:
            statement = by_source[(exchange.id,)]
            assert statement.column.value == exchange.tag.value  # type: ignore[union-attr]
            assert statement.text == exchange.answer
            assert statement.area_id == exchange.area_id
            assert statement.created_at == exchange.tags[-1].set_at
            assert statement.created_by == exchange.tags[-1].set_by
            assert statement.change is StatementChange.CREATED
        none_now = [e for e in migrated.exchanges if e.tags and e.tag is None]
        assert none_now
        assert all((e.id,) not in by_source for e in none_now)
        assert any(len(e.tags) > 1 for e in current)  # a re-tagged answer is among them
        assert any(len(statement.text) > MAX_STATEMENT_CHARS for statement in migrated.statements)
        assert any(statement.text.startswith("Jag cyklar") for statement in migrated.statements)
        for area_id in {s.area_id for s in migrated.statements}:
            for column in Column:
                positions = [
                    s.position
                    for s in migrated.statements
                    if s.area_id == area_id and s.column is column
                ]
                assert positions == list(range(1, len(positions) + 1))

        # the signed version is exactly as signed, and the log holds with one entry per statement
        signed_rows = repo._rows("SELECT * FROM draft_versions WHERE status = 'undertecknad'")
        assert signed_rows == before.signed_rows
        verdict = repo.verify_audit()
        assert verdict.ok
        assert verdict.signed == 1
        entries = repo.audit_entries()
        assert entries[: len(before.audit)] == before.audit
        added = entries[len(before.audit) :]
        assert [(e.action, e.actor) for e in added] == [("create", MIGRATION_ACTOR)] * len(current)
        assert {e.subject for e in added} == {f"statement:{s.id}" for s in migrated.statements}
        assert all('"from":"tag"' in e.detail for e in added)

        # the engine takes it from there: probes follow the statements, changes keep history
        interview = Interview(bank, migrated, repo, ManualClock(START))
        long = next(s for s in interview.statements if len(s.text) > MAX_STATEMENT_CHARS)
        interview.move_statement(long.id, Column.HINDER)
        assert interview.statement(long.id).revisions[0].text == LONG_ANSWER
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        names = [row["name"] for row in repo._rows("SELECT name FROM _sqlite_migrations")]
        assert names.count("0007_statements") == 1
        again = repo.load(kartlaggning_id)
        assert again is not None
        assert len(again.statements) == len(current)
    assert "0007_statements" in known_migrations()
    kartlagg = Kartlagg(locations, ScriptedPrompt(default=TEST_KEY))
    assert kartlagg(["audit", "verify"]) == 0
