"""The audit trail: every write in a hash chain, any changed byte found, the head on the signed text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from interview.audit import AuditAction, SignedRow, StoredEntry, check_signed, verify, walk
from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.models import DraftVersion
from interview.paths import Locations
from storage import Repository, audit_log
from storage.connection import connect
from tests.cli_runner import Kartlagg
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

SIGNED_ON = date(2026, 10, 12)


@pytest.fixture
def signed(locations: Locations, bank: Bank) -> DraftVersion:
    """Leila's kartläggning in the unit's database, version 1 signed (the newest entry)."""
    with Repository.open(locations.database, key=TEST_KEY) as repo:
        return build_signed(repo, bank, ManualClock(START), SIGNED_ON).current


@pytest.fixture
def stored(locations: Locations, signed: DraftVersion) -> tuple[list[StoredEntry], list[SignedRow]]:
    """The audit log and the signed rows, as stored."""
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        return repo.audit_entries(), audit_log.signed_rows(repo._db)


def test_every_kind_of_write_is_recorded_by_whom_and_the_chain_holds(
    locations: Locations, signed: DraftVersion
) -> None:
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        entries = repo.audit_entries()
        verdict = repo.verify_audit()
    assert verdict.ok, verdict
    assert verdict.signed == 1
    kinds = {(entry.action, entry.subject.partition(":")[0]) for entry in entries}
    for expected in [
        ("create", "participant"),
        ("create", "kartlaggning"),
        ("create", "session"),
        ("create", "answer"),
        ("change", "answer"),  # the answer edited in a later session
        ("tag", "answer"),
        ("create", "action"),
        ("create", "draft"),
        ("change", "draft"),
        ("sign", "draft"),
    ]:
        assert expected in kinds, expected
    assert {entry.actor for entry in entries} == {CASEWORKER}
    assert [entry.seq for entry in entries] == list(range(1, len(entries) + 1))
    assert entries[-1].action == AuditAction.SIGN
    assert signed.audit_head == entries[-1].hash == verdict.head


def test_no_entry_holds_the_participants_personal_content(
    stored: tuple[list[StoredEntry], list[SignedRow]],
) -> None:
    entries, _rows = stored
    text = json.dumps([entry.model_dump() for entry in entries], ensure_ascii=False)
    for canary in (NAME, "Leila", "Påhittad", NUMBER, NUMBER.replace("-", ""), ARABIC_ANSWER, EDITED_TO):
        assert canary not in text


def _changed(text: str, position: int) -> str:
    """``text`` with the character at ``position`` replaced by another one."""
    old = text[position]
    new = "0" if old != "0" else "1"
    return text[:position] + new + text[position + 1 :]


@pytest.mark.slow
def test_changing_any_single_character_of_any_audit_row_is_found_at_that_row(
    stored: tuple[list[StoredEntry], list[SignedRow]],
) -> None:
    entries, rows = stored
    assert verify(entries, rows).ok
    checked = 0
    for index, entry in enumerate(entries):
        for column in ("at", "actor", "action", "subject", "detail", "prev_hash", "hash"):
            value = getattr(entry, column)
            for position in range(len(value)):
                tampered = entry.model_copy(update={column: _changed(value, position)})
                verdict = verify([*entries[:index], tampered, *entries[index + 1 :]], rows)
                assert verdict.broken_seq == entry.seq, (entry.seq, column, position)
                checked += 1
        renumbered = entry.model_copy(update={"seq": entry.seq + 1})
        assert verify([*entries[:index], renumbered, *entries[index + 1 :]], rows).broken_seq == (
            entry.seq
        )
    assert checked > 10_000


def test_a_removed_or_moved_entry_is_found(
    stored: tuple[list[StoredEntry], list[SignedRow]],
) -> None:
    entries, rows = stored
    # named by the place where the chain first breaks: the sixth
    assert verify([*entries[:5], *entries[6:]], rows).broken_seq == 6
    swapped = [*entries[:5], entries[6], entries[5], *entries[7:]]
    assert verify(swapped, rows).broken_seq == 6
    # the last entry gone: the chain up to it holds, but the signed version has lost its entry
    verdict = verify(entries[:-1], rows)
    assert not verdict.ok
    assert verdict.broken_draft == rows[0].draft_id


@pytest.mark.slow
def test_changing_any_single_character_of_a_signed_version_is_found(
    locations: Locations, signed: DraftVersion
) -> None:
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        entries = repo.audit_entries()
        (row,) = repo._rows(
            f"SELECT {', '.join(audit_log.DRAFT_ROW_COLUMNS)}, audit_head FROM draft_versions "
            "WHERE status = 'undertecknad'"
        )
    head = row.pop("audit_head")

    def signed_row(columns: dict[str, object]) -> SignedRow:
        return SignedRow(
            draft_id=str(columns["id"]),
            content=str(columns["content"]),
            sha256=str(columns["sha256"]),
            row_sha256=audit_log.signed_row_hash(columns),
            audit_head=head,
        )

    chain = walk(entries)  # the log is not changed here: read it once, then each version against it
    assert verify(entries, [signed_row(row)]).ok
    assert check_signed(chain, [signed_row(row)]).ok
    checked = 0
    for column, value in row.items():
        if column == "id":
            continue  # another id is another (unsigned) version: see the missing-version test
        text = str(value) if value is not None else ""
        for position in range(len(text)):
            tampered = {**row, column: _changed(text, position)}
            verdict = check_signed(chain, [signed_row(tampered)])
            assert not verdict.ok, (column, position)
            assert verdict.broken_draft == row["id"]
            checked += 1
    assert checked > 5_000
    other_head = SignedRow(**{**signed_row(row).model_dump(), "audit_head": entries[-2].hash})
    assert not verify(entries, [other_head]).ok


def _tamper(database: Path, *statements: str) -> None:
    """Change the database as someone with the passphrase and no regard for the triggers would."""
    connection = connect(database, key=TEST_KEY)
    try:
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def test_audit_verify_says_the_chain_holds_and_prints_the_head(
    kartlagg: Kartlagg, locations: Locations, signed: DraftVersion, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kartlagg(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "Granskningsloggen stämmer" in out
    assert f"Kedjehuvud: {signed.audit_head}" in out


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (
            [
                "DROP TRIGGER audit_log_is_append_only",
                "UPDATE audit_log SET actor = 'Någon Annan' WHERE seq = 7",
            ],
            "från post 7: posten är ändrad",
        ),
        (
            [
                "DROP TRIGGER audit_log_is_kept",
                "DELETE FROM audit_log WHERE seq = 12",
            ],
            "från post 12: en post saknas",
        ),
        (
            [
                "DROP TRIGGER signed_draft_versions_are_frozen",
                "UPDATE draft_versions SET signed_on = '2026-10-13' WHERE status = 'undertecknad'",
            ],
            "har ändrats efter underskriften",
        ),
        (
            [
                "DROP TRIGGER signed_draft_versions_are_frozen",
                "UPDATE draft_versions SET content = replace(content, 'knät', 'ryggen') "
                "WHERE status = 'undertecknad'",
            ],
            "stämmer inte med sin kontrollsumma",
        ),
        (
            [
                "DROP TRIGGER signed_draft_versions_are_frozen",
                "UPDATE draft_versions SET status = 'utkast' WHERE status = 'undertecknad'",
            ],
            "saknas i databasen",
        ),
    ],
)
def test_audit_verify_names_what_was_changed_behind_its_back(
    kartlagg: Kartlagg,
    locations: Locations,
    signed: DraftVersion,
    capsys: pytest.CaptureFixture[str],
    statements: list[str],
    expected: str,
) -> None:
    _tamper(locations.database, *statements)
    assert kartlagg(["audit", "verify"]) == 1
    assert expected in capsys.readouterr().out


def test_the_signed_document_prints_the_chain_head_at_signing(
    kartlagg: Kartlagg, locations: Locations, signed: DraftVersion, tmp_path: Path
) -> None:
    target = tmp_path / "signed.md"
    assert kartlagg(["export", signed.kartlaggning_id[:8], "--format", "md", "--out", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert f"Granskningsloggens kedjehuvud vid underskriften: {signed.audit_head}" in text
    assert f"Kontrollsumma (SHA-256): {signed.sha256}" in text


def test_exports_are_recorded_with_who_and_never_a_path(
    kartlagg: Kartlagg, locations: Locations, signed: DraftVersion, tmp_path: Path
) -> None:
    folder = tmp_path / "Leila Påhittad"  # a folder named after someone stays out of the log
    folder.mkdir()
    assert kartlagg(["export", signed.kartlaggning_id[:8], "--format", "html", "--out", str(folder),
                     "--av", "Kim Exempelsson"]) == 0  # fmt: skip
    assert kartlagg(["export-person", NUMBER, "--out", str(folder), "--av", "Kim Exempelsson"]) == 0
    with Repository.open(locations.database, key=TEST_KEY, read_only=True) as repo:
        *_, draft_export, person_export = repo.audit_entries()
        assert repo.verify_audit().ok
    assert (draft_export.action, draft_export.actor) == ("export", "Kim Exempelsson")
    assert draft_export.subject == f"draft:{signed.id}"
    assert json.loads(draft_export.detail) == {"format": "html", "signed": True, "version": 1}
    assert person_export.action == "export"
    assert person_export.subject.startswith("participant:")
    assert "Leila" not in draft_export.detail + person_export.detail


def test_audit_show_lists_the_newest_entries_without_names_of_participants(
    kartlagg: Kartlagg, locations: Locations, signed: DraftVersion, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kartlagg(["audit", "show", "--antal", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert "undertecknade sammanställningen" in lines[-1]
    assert CASEWORKER in lines[-1]
    assert not any("Leila" in line for line in lines)


def test_the_log_cannot_be_changed_through_sql_while_its_triggers_stand(
    kartlagg: Kartlagg, locations: Locations, signed: DraftVersion
) -> None:
    from storage import driver

    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(driver.IntegrityError, match="audit log cannot be changed"):
            _tamper(locations.database, statement)
    assert kartlagg(["audit", "verify"]) == 0
