"""``kartlagg gallra``: a dry run first, then removal for good; only audit entries stay behind."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.demo import demo_consent
from interview.engine import Interview
from interview.participants import new_participant
from interview.paths import Locations
from interview.retention import Candidate, cutoff, due
from storage import Repository
from tests.cli_runner import Kartlagg, ScriptedPrompt
from tests.core.karta_canaries import STATEMENT_CANARIES, add_statement_canaries
from tests.draft.kartlaggning import (
    ARABIC_ANSWER,
    ASSESSMENT,
    CASEWORKER,
    EDITED_FROM,
    EDITED_TO,
    NAME,
    NUMBER,
    build_signed,
)
from tests.keys import TEST_KEY
from tests.storage.sqlcipher_pages import holds

LONG_AGO = datetime(2020, 3, 2, 8, 0, tzinfo=UTC)
RECENT_NAME = "Yusuf Nyligen"
RECENT_NUMBER = "19851224-9809"
RECENT_ANSWER = "Jag kör truck sedan i våras."
CONSENT_PURPOSE = "Samordna stödet med Kanarievikens vårdcentral."
CANARIES = (
    CONSENT_PURPOSE,
    NAME,
    NUMBER.replace("-", ""),
    ARABIC_ANSWER,
    EDITED_FROM,
    EDITED_TO,
    ASSESSMENT,
    *STATEMENT_CANARIES,
)


@pytest.fixture
def stored(locations: Locations, bank: Bank) -> str:
    """Leila, all of whose records are from 2020 (signed), and Yusuf, who answered today."""
    clock = ManualClock(LONG_AGO)
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        record = build_signed(repo, bank, clock, LONG_AGO.date()).record
        add_statement_canaries(repo, bank, clock, record.kartlaggning.id)
        repo.add_consent(demo_consent(record.participant, clock, tolk=False))
        repo.add_consent(
            demo_consent(record.participant, clock, tolk=True).model_copy(
                update={"purpose": CONSENT_PURPOSE}
            )
        )
        now = ManualClock(datetime.now(UTC))
        recent = new_participant(RECENT_NAME, RECENT_NUMBER, now, CASEWORKER)
        repo.add_participant(recent)
        interview = Interview.begin(bank, recent, repo, now, CASEWORKER)
        interview.start_session(CASEWORKER)
        interview.answer(RECENT_ANSWER)
        assert record.participant.id != recent.id
        return record.participant.id


def _rule(locations: Locations, months: int) -> None:
    locations.config_file.parent.mkdir(parents=True, exist_ok=True)
    locations.config_file.write_text(f"retention_months = {months}\n", encoding="utf-8")


def _names(locations: Locations) -> list[str]:
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        return [participant.name for participant in repo.participants()]


def test_due_takes_whole_calendar_months() -> None:
    now = datetime(2027, 3, 31, 12, 0, tzinfo=UTC)
    assert cutoff(now, 1) == datetime(2027, 2, 28, 12, 0, tzinfo=UTC)
    assert cutoff(now, 24) == datetime(2025, 3, 31, 12, 0, tzinfo=UTC)

    def person(last: datetime) -> Candidate:
        return Candidate(
            participant_id=str(last.year),
            name="Påhittad",
            personnummer=None,
            last_activity=last,
            kartlaggningar=1,
            signed=0,
        )

    people = [person(datetime(2025, 3, 31, 12, 0, tzinfo=UTC)), person(datetime(2024, 1, 1, tzinfo=UTC))]
    assert [p.participant_id for p in due(people, now, 24)] == ["2024"]


def test_without_a_rule_nothing_is_removed_and_the_user_is_told_what_to_set(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kartlagg(["gallra", "--ja"]) == 1
    assert "retention_months = 24" in capsys.readouterr().err
    assert sorted(_names(locations)) == [NAME, RECENT_NAME]


def test_the_dry_run_lists_who_would_go_and_changes_nothing(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _rule(locations, 24)
    before = locations.database.read_bytes()
    assert kartlagg(["gallra", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert stored[:8] in out
    assert NAME in out
    assert "19900101-****" in out
    assert "9802" not in out
    assert RECENT_NAME not in out
    assert "1 person skulle tas bort. Inget har ändrats (--dry-run)." in out
    assert locations.database.read_bytes() == before
    assert sorted(_names(locations)) == [NAME, RECENT_NAME]


def test_the_run_asks_for_the_word_and_stops_on_anything_else(
    kartlagg: Kartlagg,
    locations: Locations,
    stored: str,
    capsys: pytest.CaptureFixture[str],
    prompt: ScriptedPrompt,
) -> None:
    _rule(locations, 24)
    prompt.lines.append("ja")
    assert kartlagg(["gallra"]) == 0
    assert prompt.line_questions == ["Skriv GALLRA för att ta bort allt om 1 person för alltid: "]
    assert "Avbrutet. Inget har tagits bort." in capsys.readouterr().out
    assert sorted(_names(locations)) == [NAME, RECENT_NAME]


def test_the_run_removes_the_person_for_good_and_leaves_audit_rows_without_personal_content(
    kartlagg: Kartlagg,
    locations: Locations,
    stored: str,
    capsys: pytest.CaptureFixture[str],
    prompt: ScriptedPrompt,
) -> None:
    _rule(locations, 24)
    database = locations.database
    # the check can fail: before the run every canary is on some decrypted page of the file
    for canary in CANARIES:
        assert holds(database, TEST_KEY, canary), canary
    prompt.lines.append("GALLRA")
    assert kartlagg(["gallra", "--av", "Kim Exempelsson"]) == 0
    assert "1 person är borttagen för alltid." in capsys.readouterr().out

    assert _names(locations) == [RECENT_NAME]
    for canary in CANARIES:
        assert not holds(database, TEST_KEY, canary), canary
    assert holds(database, TEST_KEY, RECENT_ANSWER)  # the other person's answer is still there
    wal = Path(f"{database}-wal")
    assert not wal.exists() or wal.stat().st_size == 0

    with Repository.open(database, key=TEST_KEY, read_only=True) as repo:
        assert repo.verify_audit().ok  # the erased signed version is accounted for
        *_, erase, retention = repo.audit_entries()
        assert repo.retention_candidates()[0].name == RECENT_NAME
    assert (erase.action, erase.subject, erase.actor) == (
        "erase",
        f"participant:{stored}",
        "Kim Exempelsson",
    )
    detail = json.loads(erase.detail)
    assert detail["reason"] == "gallring"
    assert detail["kartlaggningar"] == 1
    assert len(detail["drafts"]) == 1
    assert retention.action == "retention"
    assert json.loads(retention.detail)["participants"] == 1
    assert json.loads(retention.detail)["retention_months"] == 24
    logged = erase.model_dump_json() + retention.model_dump_json()
    for canary in (*CANARIES, "Leila", "Påhittad"):
        assert canary not in logged


def test_the_run_needs_the_app_closed(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _rule(locations, 24)
    with Repository.open(locations.database, key=TEST_KEY):
        assert kartlagg(["gallra", "--ja"]) == 1
    assert "kartlagg gallra:" in capsys.readouterr().err
    assert sorted(_names(locations)) == [NAME, RECENT_NAME]


def test_a_signed_version_cannot_be_deleted_outside_gallring(
    kartlagg: Kartlagg, locations: Locations, stored: str
) -> None:
    from storage import driver
    from storage.connection import connect

    connection = connect(locations.database, key=TEST_KEY)
    try:
        with pytest.raises(driver.IntegrityError, match="frozen"):
            connection.execute("DELETE FROM draft_versions WHERE status = 'undertecknad'")
    finally:
        connection.close()
    _rule(locations, 24)
    assert kartlagg(["gallra", "--ja"]) == 0
    connection = connect(locations.database, key=TEST_KEY)
    try:  # the trigger is back after the run
        triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    finally:
        connection.close()
    assert ("signed_draft_versions_are_kept",) in triggers


def test_nobody_due_is_said_plainly(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _rule(locations, 1200)
    assert kartlagg(["gallra", "--ja"]) == 0
    assert "Ingen person har nått gallringsgränsen" in capsys.readouterr().out
    assert date.today().year >= 2026


def test_the_rule_is_measured_from_the_commands_clock(
    locations: Locations,
    stored: str,
    prompt: ScriptedPrompt,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _rule(locations, 24)
    # a year after Leila's records, nobody has reached the rule; by the real clock she has
    soon_after = Kartlagg(locations, prompt, ManualClock(LONG_AGO.replace(year=2021)))
    assert soon_after(["gallra", "--dry-run"]) == 0
    assert "Ingen person har nått gallringsgränsen" in capsys.readouterr().out
    assert Kartlagg(locations, prompt)(["gallra", "--dry-run"]) == 0
    assert "1 person skulle tas bort" in capsys.readouterr().out
