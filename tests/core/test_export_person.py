"""``kartlagg export-person``: everything stored about one fictional person, as JSON and HTML."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from interview.banks import Bank
from interview.catalogs import use_interface_language
from interview.cli.export_person import gather
from interview.clock import ManualClock
from interview.draft.workflow import Drafts
from interview.engine import Interview
from interview.i18n import _
from interview.karta import Column
from interview.paths import Locations
from interview.person_export import PersonExport, render_person_html
from storage import Repository
from tests.cli_runner import Kartlagg, ScriptedPrompt
from tests.draft.kartlaggning import (
    ARABIC_ANSWER,
    CASEWORKER,
    EDITED_FROM,
    EDITED_TO,
    NAME,
    NUMBER,
    START,
    build_kartlaggning,
)
from tests.keys import TEST_KEY

HOSTILE = "<script>alert(1)</script> & \x1b[31mröd"
STATEMENT_FROM = "Ont i knät i trappor"
STATEMENT_TO = "Går gärna men inte i trappor"
REMOVED_STATEMENT = "Spelar fiol i en orkester"


@pytest.fixture
def stored(locations: Locations, bank: Bank) -> str:
    """Leila's whole kartläggning, one answer hostile, version 1 signed; returns the kartläggning id."""
    clock = ManualClock(START)
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        kartlaggning_id = build_kartlaggning(repo, bank, clock)
        record = repo.load(kartlaggning_id)
        assert record is not None
        first = record.exchanges[0]
        repo.revise_answer(first.id, HOSTILE, first.revision + 1, clock(), CASEWORKER)
        record = repo.load(kartlaggning_id)
        assert record is not None
        drafts = Drafts(record, bank, repo, clock, unit="Enheten")
        drafts.mark_reviewed(CASEWORKER)
        drafts.finish_read_back("Jag håller med.", CASEWORKER)
        drafts.sign(NAME, CASEWORKER, date(2026, 10, 12))
        record = repo.load(kartlaggning_id)
        assert record is not None
        interview = Interview(bank, record, repo, clock)
        answer = next(exchange for exchange in record.exchanges if exchange.answer)
        kept = interview.add_statement("kroppsfunktioner", Column.HINDER, STATEMENT_FROM, [answer.id])
        interview.edit_statement(kept.id, STATEMENT_TO)
        interview.move_statement(kept.id, Column.RESURS)
        gone = interview.add_statement("fritidsintressen", Column.FAKTA, REMOVED_STATEMENT)
        interview.remove_statement(gone.id)
    return kartlaggning_id


def test_everything_about_the_person_is_in_both_files(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kartlagg(["export-person", NUMBER]) == 0
    lines = capsys.readouterr().out.splitlines()
    paths = [Path(line.split(": ", 1)[1]) for line in lines]
    assert [path.suffix for path in paths] == [".json", ".html"]
    for path in paths:
        assert path.parent == locations.exports
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert "Leila" not in path.name and NUMBER[:8] not in path.name

    exported = PersonExport.model_validate_json(paths[0].read_text(encoding="utf-8"))
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        record = repo.load(stored)
        versions = repo.draft_versions(stored)
    assert record is not None
    assert exported.participant == record.participant
    [item] = exported.kartlaggningar
    assert item.record == record  # every session, answer, earlier text, tag and åtgärd
    assert item.draft_versions == tuple(versions)
    assert item.draft_versions[0].sha256 is not None
    assert item.record.exchanges[0].answer == HOSTILE  # the JSON keeps the text exactly as typed

    # the audit log's entries about anything of hers, all of them, and nothing else
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        every_entry = repo.audit_entries()
    about_her = [entry for entry in every_entry if entry.action != "export"]
    assert exported.audit == tuple(about_her)
    assert {entry.action for entry in exported.audit} >= {
        "create",
        "change",
        "tag",
        "sign",
        "move",
        "remove",
    }
    assert len(item.record.statements) == 2  # the removed one too, with its history
    assert item.record.statements[0].revisions[0].text == STATEMENT_FROM
    assert every_entry[-1].action == "export"  # this very extract, written after it was made

    raw = json.loads(paths[0].read_text(encoding="utf-8"))
    assert raw["format_version"] == 1
    page = paths[1].read_text(encoding="utf-8")
    assert "Vem som har gjort vad (granskningsloggen)" in page
    assert f"{CASEWORKER} undertecknade sammanställningen" in page
    for text in (
        NAME,
        ARABIC_ANSWER,
        EDITED_TO,
        EDITED_FROM,
        "Jag håller med.",
        STATEMENT_FROM,
        STATEMENT_TO,
        REMOVED_STATEMENT,
        "utan källa",
        "borttagen",
        f"{CASEWORKER} tog bort en formulering på kartan",
    ):
        assert text in page, text
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\x1b" not in page and "␛[31mröd" in page  # data, escaped, control codes made visible


def test_a_person_is_found_by_id_and_an_unknown_one_is_told_plainly(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        [person] = repo.participants()
    assert kartlagg(["export-person", person.id[:6]]) == 0
    capsys.readouterr()
    assert kartlagg(["export-person", "19900101-9810"]) == 1
    assert capsys.readouterr().err == "kartlagg export-person: ingen person har det personnumret.\n"
    assert kartlagg(["export-person", "abc"]) == 1
    assert "minst 4 tecken" in capsys.readouterr().err


def test_it_works_while_the_app_holds_the_database(
    kartlagg: Kartlagg, locations: Locations, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Repository.open(locations.database, key=TEST_KEY):  # as the app would
        assert kartlagg(["export-person", NUMBER]) == 0
    assert "person-" in capsys.readouterr().out


def test_no_database_yet(
    kartlagg: Kartlagg, locations: Locations, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kartlagg(["export-person", NUMBER]) == 1
    assert "det finns ingen databas ännu" in capsys.readouterr().err


def test_the_extract_is_swedish_whatever_the_interface_language(
    locations: Locations, stored: str
) -> None:
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        [person] = repo.participants()
        export = gather(repo, person, datetime.now(UTC))
    use_interface_language("en")
    try:
        assert _("Spara svar") != "Spara svar"
        page = render_person_html(export)
    finally:
        use_interface_language("sv")
    assert "Allt som finns sparat om" in page and "Frågor och svar" in page
    assert "undertecknad" in page


def test_the_extract_and_its_audit_entry_carry_the_commands_time(
    locations: Locations, stored: str, prompt: ScriptedPrompt, capsys: pytest.CaptureFixture[str]
) -> None:
    moment = datetime(2027, 1, 4, 10, 30, tzinfo=UTC)
    assert Kartlagg(locations, prompt, ManualClock(moment))(["export-person", NUMBER]) == 0
    json_path = Path(capsys.readouterr().out.splitlines()[0].split(": ", 1)[1])
    assert PersonExport.model_validate_json(json_path.read_text("utf-8")).generated_at == moment
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        last = repo.audit_entries()[-1]
    assert (last.action, datetime.fromisoformat(last.at)) == ("export", moment)
