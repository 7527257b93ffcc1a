"""Signing: a stable SHA-256, a version the database keeps frozen, a new version for changes."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.canonical import canonical_json, content_hash, read_frozen
from interview.draft.models import (
    Block,
    CaseworkerSections,
    Draft,
    DraftStatus,
    Section,
    SectionKind,
    Sentence,
    Span,
)
from interview.draft.workflow import DraftError, Drafts
from interview.engine import Interview
from interview.records import KartlaggningRecord
from storage import Repository, StorageError, driver
from storage.connection import connect
from storage.errors import SignedVersionFrozen
from tests.draft.conftest import UNIT
from tests.draft.kartlaggning import CASEWORKER, EDITED_TO, NAME
from tests.keys import TEST_KEY

SIGNED_ON = date(2026, 10, 12)
EXPECTED_CANONICAL = (
    '{"bank_title":"SASSAM","bank_version":"1","kartlaggning_id":"k1",'
    '"participant_name":"Leila Påhittad","personnummer_masked":"19900101-****",'
    '"sections":[{"blocks":[{"heading":null,"listed":false,"sentences":[{"kind":"generated",'
    '"refs":[],"spans":[{"own_words":false,"text":"Svar: "},{"own_words":true,"text":"ثلاث"}]}]}],'
    '"covered":true,"id":"a","kind":"area","note":null,"title":"Område"}],"signature":null,'
    '"status":"utkast","unit":"Enheten","version":1}'
)


def _sign(drafts: Drafts) -> None:
    drafts.save_sections(CaseworkerSections(assessment="Tydlig vilja att arbeta."), CASEWORKER)
    drafts.mark_reviewed(CASEWORKER)
    drafts.finish_read_back("Det stämmer.", CASEWORKER)
    drafts.sign(NAME, CASEWORKER, SIGNED_ON)


def test_the_canonical_form_of_a_fixed_draft_has_a_fixed_hash() -> None:
    """Pins the canonical form: key order, separators, UTF-8 text kept as written."""
    draft = Draft(
        kartlaggning_id="k1",
        version=1,
        status=DraftStatus.UTKAST,
        participant_name="Leila Påhittad",
        personnummer_masked="19900101-****",
        unit="Enheten",
        bank_title="SASSAM",
        bank_version="1",
        sections=(
            Section(
                id="a",
                kind=SectionKind.AREA,
                title="Område",
                blocks=(
                    Block(
                        sentences=(
                            Sentence(spans=(Span(text="Svar: "), Span(text="ثلاث", own_words=True))),
                        )
                    ),
                ),
            ),
        ),
    )
    content = canonical_json(draft)
    assert content == EXPECTED_CANONICAL
    assert canonical_json(read_frozen(content)) == content
    # `printf %s "$EXPECTED_CANONICAL" | sha256sum`, computed outside Python
    assert content_hash(content) == ("47e59d961eedf70eec2adc7a4806dc450e57f0db00bc429d8a5c82e686361436")


def test_signing_stores_the_hash_of_the_frozen_content(drafts: Drafts) -> None:
    _sign(drafts)
    signed = drafts.current
    assert signed.status is DraftStatus.UNDERTECKNAD
    assert signed.content is not None
    assert signed.sha256 == content_hash(signed.content)
    assert drafts.verify(signed)
    assert read_frozen(signed.content) == drafts.draft()
    assert canonical_json(drafts.draft()) == signed.content
    assert not drafts.changed_after_signing


def test_the_hash_is_the_same_in_another_process(
    drafts: Drafts, repo: Repository, db_path: Path, kartlaggning_id: str
) -> None:
    """A fresh interpreter (another hash seed) composes the signed version to the same bytes."""
    _sign(drafts)
    signed = drafts.current
    repo.close()
    script = f"""
import sys
from datetime import timezone
from interview.banks import BankLibrary
from interview.clock import ManualClock
from interview.draft.canonical import canonical_json, content_hash
from interview.draft.compose import compose
from interview.paths import Locations
from storage import Repository
from tests.keys import TEST_KEY
bank = BankLibrary.discover([Locations.for_user().shipped_banks]).get("sassam")
with Repository.open(__import__("pathlib").Path(sys.argv[1]), key=TEST_KEY, read_only=True) as repo:
    record = repo.load({kartlaggning_id!r})
    version = repo.draft_versions({kartlaggning_id!r})[-1]
    print(content_hash(canonical_json(compose(record, bank, version, unit={UNIT!r}, zone=timezone.utc))))
"""
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", script, str(db_path)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert result.stdout.strip() == signed.sha256


def test_the_repository_refuses_to_change_a_signed_version(
    drafts: Drafts, repo: Repository, kartlaggning_id: str
) -> None:
    _sign(drafts)
    signed = drafts.current
    with pytest.raises(SignedVersionFrozen):
        repo.update_draft_version(signed.model_copy(update={"synpunkter": "Ändrat i efterhand."}))
    assert repo.draft_versions(kartlaggning_id) == [signed]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE draft_versions SET synpunkter = 'ändrat'",
        "UPDATE draft_versions SET content = content || ' '",
        "UPDATE draft_versions SET status = 'utkast', sha256 = NULL",
        "DELETE FROM draft_versions",
    ],
)
def test_raw_sql_cannot_change_or_delete_a_signed_version(
    drafts: Drafts, repo: Repository, db_path: Path, kartlaggning_id: str, statement: str
) -> None:
    _sign(drafts)
    signed = drafts.current
    repo.close()
    connection = connect(db_path, key=TEST_KEY)
    try:
        with pytest.raises(driver.IntegrityError, match="signed draft version is frozen"):
            connection.execute(statement)
        connection.rollback()
    finally:
        connection.close()
    with Repository.open(db_path, key=TEST_KEY, read_only=True) as again:
        assert again.draft_versions(kartlaggning_id) == [signed]


def test_a_tampered_content_is_detected(
    drafts: Drafts, repo: Repository, db_path: Path, kartlaggning_id: str
) -> None:
    """Someone who drops the trigger can change the bytes, but the hash no longer matches."""
    _sign(drafts)
    repo.close()
    connection = connect(db_path, key=TEST_KEY)
    connection.execute("DROP TRIGGER signed_draft_versions_are_frozen")
    connection.execute("UPDATE draft_versions SET content = replace(content, 'knät', 'ryggen')")
    connection.commit()
    connection.close()
    with Repository.open(db_path, key=TEST_KEY, read_only=True) as again:
        (tampered,) = again.draft_versions(kartlaggning_id)
    assert not Drafts.verify(tampered)


def test_a_change_after_signing_makes_version_2_as_utkast(
    drafts: Drafts, repo: Repository, kartlaggning_id: str
) -> None:
    _sign(drafts)
    first = drafts.current
    second = drafts.save_sections(CaseworkerSections(assessment="Ny bedömning."), CASEWORKER)
    assert (second.version, second.status) == (2, DraftStatus.UTKAST)
    assert second.id != first.id
    stored = repo.draft_versions(kartlaggning_id)
    assert [(v.version, v.status) for v in stored] == [
        (1, DraftStatus.UNDERTECKNAD),
        (2, DraftStatus.UTKAST),
    ]
    assert stored[0] == first
    # the earlier version stays readable, exactly as signed
    assert drafts.draft(first).section("assessment").sentences[0].text == ("Tydlig vilja att arbeta.")
    assert drafts.draft().section("assessment").sentences[0].text == "Ny bedömning."
    assert drafts.verify(stored[0])


def test_an_answer_edited_after_signing_is_noticed_and_the_signed_text_stays(
    drafts: Drafts,
    repo: Repository,
    bank: Bank,
    draft_clock: ManualClock,
    record: KartlaggningRecord,
    kartlaggning_id: str,
) -> None:
    _sign(drafts)
    signed = drafts.current
    interview = Interview(bank, record, repo, draft_clock)
    edited = next(e for e in record.exchanges if e.answer == EDITED_TO)
    draft_clock.advance(days=3)
    interview.start_session(CASEWORKER)
    interview.edit(edited.id, "Knät är bättre nu.")
    reloaded = repo.load(kartlaggning_id)
    assert reloaded is not None
    later = Drafts(reloaded, bank, repo, draft_clock, unit=UNIT)
    assert later.changed_after_signing
    listing = {row.kartlaggning_id: row for row in repo.draft_listing()}
    assert listing[kartlaggning_id].changed_after_signing
    assert EDITED_TO in canonical_json(later.draft(signed))
    new = later.new_version(CASEWORKER)
    assert (new.version, new.status) == (2, DraftStatus.UTKAST)
    assert "Knät är bättre nu." in canonical_json(later.draft())


def test_steps_out_of_order_are_refused_in_swedish(drafts: Drafts) -> None:
    with pytest.raises(DraftError, match="Läs igenom texten"):
        drafts.sign(NAME, CASEWORKER, SIGNED_ON)
    with pytest.raises(DraftError, match="Granska texten"):
        drafts.finish_read_back("", CASEWORKER)
    drafts.mark_reviewed(CASEWORKER)
    with pytest.raises(DraftError, match="redan granskad"):
        drafts.mark_reviewed(CASEWORKER)
    drafts.finish_read_back("", CASEWORKER)
    with pytest.raises(DraftError, match="deltagarens namn"):
        drafts.sign("  ", CASEWORKER, SIGNED_ON)
    drafts.sign(NAME, CASEWORKER, SIGNED_ON)
    with pytest.raises(DraftError, match="redan underskriven"):
        drafts.sign(NAME, CASEWORKER, SIGNED_ON)


def test_editing_a_reviewed_text_sends_it_back_to_utkast(drafts: Drafts) -> None:
    drafts.mark_reviewed(CASEWORKER)
    drafts.finish_read_back("Bra.", CASEWORKER)
    changed = drafts.save_sections(CaseworkerSections(assessment="Ändrad."), CASEWORKER)
    assert changed.status is DraftStatus.UTKAST
    assert changed.reviewed_at is None
    assert changed.read_back_at is None
    assert changed.synpunkter == "Bra."


def test_a_failed_save_changes_nothing(
    drafts: Drafts, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts.mark_reviewed(CASEWORKER)
    before = drafts.current

    def fail(*_args: object) -> None:
        raise StorageError("Disken är full.")

    monkeypatch.setattr(repo, "update_draft_version", fail)
    with pytest.raises(StorageError):
        drafts.finish_read_back("Mina synpunkter.", CASEWORKER)
    assert drafts.current == before


def test_a_signed_version_is_not_marked_reviewed_again(drafts: Drafts) -> None:
    _sign(drafts)
    with pytest.raises(DraftError, match="Gör en ny version"):
        drafts.mark_reviewed(CASEWORKER)
    assert [v.version for v in drafts.versions] == [1]


def test_a_signing_date_after_today_is_refused(drafts: Drafts, draft_clock: ManualClock) -> None:
    drafts.mark_reviewed(CASEWORKER)
    drafts.finish_read_back("", CASEWORKER)
    tomorrow = draft_clock().date() + timedelta(days=1)
    with pytest.raises(DraftError, match="senare än i dag"):
        drafts.sign(NAME, CASEWORKER, tomorrow)
    assert drafts.current.status is DraftStatus.GENOMLAST


def test_too_long_texts_get_a_swedish_message(drafts: Drafts) -> None:
    long = "ord " * 6000
    with pytest.raises(DraftError, match=r"^Rehabiliteringsförslag är för lång"):
        drafts.save_sections(CaseworkerSections(rehabilitation=long), CASEWORKER)
    drafts.mark_reviewed(CASEWORKER)
    with pytest.raises(DraftError, match="för långa"):
        drafts.save_synpunkter(long, CASEWORKER)
    assert drafts.current.synpunkter is None
