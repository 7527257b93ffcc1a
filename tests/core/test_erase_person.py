"""``kartlagg radera``: one person removed for good at once, with a reason from a fixed list."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.engine import Interview
from interview.participants import new_participant
from interview.paths import Locations
from storage import Repository
from tests.cli_runner import Kartlagg, ScriptedPrompt
from tests.core.karta_canaries import STATEMENT_CANARIES, add_statement_canaries
from tests.draft.kartlaggning import (
    ARABIC_ANSWER,
    CASEWORKER,
    EDITED_TO,
    NAME,
    NUMBER,
    START,
    build_signed,
)
from tests.keys import TEST_KEY
from tests.storage.sqlcipher_pages import holds

OTHER_NAME = "Yusuf Kvarstår"
OTHER_NUMBER = "19851224-9809"
OTHER_ANSWER = "Jag kör truck sedan i våras."


@pytest.fixture
def stored(locations: Locations, bank: Bank) -> str:
    """Leila (signed version 1) and Yusuf (one answer); returns Leila's id."""
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        start = ManualClock(START)
        drafts = build_signed(repo, bank, start, date(2026, 10, 12))
        add_statement_canaries(repo, bank, start, drafts.record.kartlaggning.id)
        now = ManualClock(datetime.now(UTC))
        other = new_participant(OTHER_NAME, OTHER_NUMBER, now, CASEWORKER)
        repo.add_participant(other)
        interview = Interview.begin(bank, other, repo, now, CASEWORKER)
        interview.start_session(CASEWORKER)
        interview.answer(OTHER_ANSWER)
        return drafts.record.participant.id


def _names(locations: Locations) -> list[str]:
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        return sorted(participant.name for participant in repo.participants())


def test_the_person_is_removed_after_the_last_four_digits_and_only_the_reason_is_logged(
    kartlagg: Kartlagg,
    locations: Locations,
    stored: str,
    capsys: pytest.CaptureFixture[str],
    prompt: ScriptedPrompt,
) -> None:
    prompt.lines.append(NUMBER[-4:])
    for canary in (NAME, ARABIC_ANSWER, EDITED_TO, *STATEMENT_CANARIES):
        assert holds(locations.database, TEST_KEY, canary), canary
    assert kartlagg(["radera", NUMBER, "--skal", "dubblett", "--av", "Kim Exempelsson"]) == 0
    out = capsys.readouterr().out
    assert "19900101-****" in out
    assert "9802" not in out
    assert "Skäl: personen finns två gånger." in out
    assert "allmänna handlingar" in out  # a signed version: the archive rules are named
    assert prompt.line_questions == [
        "Skriv personnummrets fyra sista siffror för att ta bort allt om personen: "
    ]
    assert "Allt om personen är borttaget." in out

    assert _names(locations) == [OTHER_NAME]
    for canary in (NAME, ARABIC_ANSWER, EDITED_TO, *STATEMENT_CANARIES):
        assert not holds(locations.database, TEST_KEY, canary), canary
    assert holds(locations.database, TEST_KEY, OTHER_ANSWER)
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        assert repo.verify_audit().ok
        last = repo.audit_entries()[-1]
    assert (last.action, last.subject, last.actor) == (
        "erase",
        f"participant:{stored}",
        "Kim Exempelsson",
    )
    detail = json.loads(last.detail)
    assert detail["reason"] == "dubblett"
    assert len(detail["drafts"]) == 1
    assert "Leila" not in last.detail


def test_a_wrong_confirmation_removes_nothing(
    kartlagg: Kartlagg,
    locations: Locations,
    stored: str,
    capsys: pytest.CaptureFixture[str],
    prompt: ScriptedPrompt,
) -> None:
    prompt.lines.append("0000")
    assert kartlagg(["radera", NUMBER, "--skal", "misstag"]) == 0
    assert "Avbrutet. Inget har tagits bort." in capsys.readouterr().out
    assert _names(locations) == sorted([NAME, OTHER_NAME])


def test_a_reason_is_required_and_only_from_the_list(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as missing:
        kartlagg(["radera", NUMBER, "--ja"])
    assert missing.value.code == 2
    with pytest.raises(SystemExit) as free_text:
        kartlagg(["radera", NUMBER, "--ja", "--skal", "Leila ville det"])
    assert free_text.value.code == 2
    err = capsys.readouterr().err
    assert "de här argumenten behövs: --skal" in err
    assert "okänt val" in err
    assert _names(locations) == sorted([NAME, OTHER_NAME])


def test_the_app_must_be_closed(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Repository.open(locations.database, key=TEST_KEY):
        assert kartlagg(["radera", stored[:8], "--skal", "misstag", "--ja"]) == 1
    assert "kartlagg radera:" in capsys.readouterr().err
    assert _names(locations) == sorted([NAME, OTHER_NAME])
