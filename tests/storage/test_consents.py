"""Storing medgivanden: round trip, withdrawal once, the audit entries, and the database's own guards."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from interview.clock import ManualClock
from interview.consent import (
    CONSENT_TEXT_VERSION,
    Category,
    Consent,
    Direction,
    Party,
    PartyKind,
    WithdrawalChannel,
)
from interview.records import Participant
from storage import Repository, StorageError, driver
from storage.schema import known_migrations
from tests.conftest import CASEWORKER


def stored_consent(repo: Repository, participant: Participant, clock: ManualClock) -> Consent:
    """Store Amina and one medgivande for her (hostile-looking text kept as typed)."""
    repo.add_participant(participant)
    today = clock().date()
    consent = Consent(
        participant_id=participant.id,
        legal_representative="God man Greta Påhittad",
        parties=(
            Party(kind=PartyKind.ARBETSFORMEDLINGEN, direction=Direction.BOTH),
            Party(
                kind=PartyKind.VARDENHET, name="Vårdcentralen [b]Exempel[/b]", direction=Direction.OBTAIN
            ),
        ),
        categories=(Category.IDENTITY, Category.HEALTH),
        exclusions="Inget om missbruk",
        purpose="Planera stöd mot arbete",
        valid_from=today,
        valid_to=today + timedelta(days=300),
        voluntary_explained=True,
        language="ar",
        tolk=True,
        signed_on=today,
        created_at=clock(),
        created_by=CASEWORKER,
    )
    repo.add_consent(consent)
    return consent


def test_a_medgivande_is_stored_and_read_back_as_it_was(
    repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    assert "0006_consents" in known_migrations()
    consent = stored_consent(repo, participant, clock)
    assert repo.consents(participant.id) == [consent]
    assert repo.consents("someone-else") == []
    clock.advance(days=1)
    newer = consent.model_copy(update={"id": "newer", "created_at": clock(), "exclusions": None})
    repo.add_consent(newer)
    assert [item.id for item in repo.consents(participant.id)] == [consent.id, "newer"]


def test_withdrawal_keeps_the_record_and_happens_once(
    repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    consent = stored_consent(repo, participant, clock)
    clock.advance(days=10)
    repo.withdraw_consent(
        consent.id, clock().date(), WithdrawalChannel.SKRIFTLIGT, "Handläggare Hugo Exempel", clock()
    )
    [withdrawn] = repo.consents(participant.id)
    assert withdrawn.withdrawal is not None
    assert withdrawn.withdrawal.withdrawn_on == clock().date()
    assert withdrawn.withdrawal.how is WithdrawalChannel.SKRIFTLIGT
    assert withdrawn.withdrawal.recorded_by == "Handläggare Hugo Exempel"
    assert withdrawn.model_copy(update={"withdrawal": None}) == consent  # the rest is unchanged
    before = len(repo.audit_entries())
    with pytest.raises(StorageError, match="Det går inte att återkalla det igen"):
        repo.withdraw_consent(
            consent.id, clock().date(), WithdrawalChannel.MUNTLIGT, CASEWORKER, clock()
        )
    assert repo.consents(participant.id) == [withdrawn]
    assert len(repo.audit_entries()) == before  # a refused write leaves no entry
    with pytest.raises(StorageError, match="finns inte"):
        repo.withdraw_consent("missing", clock().date(), WithdrawalChannel.MUNTLIGT, CASEWORKER, clock())


def test_every_write_has_an_audit_entry_without_personal_content(
    repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    consent = stored_consent(repo, participant, clock)
    repo.withdraw_consent(consent.id, clock().date(), WithdrawalChannel.MUNTLIGT, CASEWORKER, clock())
    entries = [entry for entry in repo.audit_entries() if entry.subject == f"consent:{consent.id}"]
    assert [entry.action for entry in entries] == ["create", "change"]
    assert all(entry.actor == CASEWORKER for entry in entries)
    assert json.loads(entries[0].detail) == {
        "participant": participant.id,
        "text_version": CONSENT_TEXT_VERSION,
    }
    assert json.loads(entries[1].detail) == {"withdrawn": True, "how": "muntligt"}
    for entry in entries:
        for personal in ("Vårdcentralen", "missbruk", "Greta", "Amina", "arbete"):
            assert personal not in entry.detail
    assert repo.verify_audit().ok


def refusal(repo: Repository, sql: str, params: tuple[object, ...]) -> str:
    """Run ``sql`` as a repository write; return the database's own reason for refusing it.

    The write must fail with a :class:`StorageError` over an ``IntegrityError`` (a trigger or a CHECK):
    a misspelled column fails differently (no such column) and so fails the test.
    """
    with pytest.raises(StorageError) as refused, repo._write() as db:
        db.execute(sql, params)
    cause = refused.value.__context__
    assert isinstance(cause, driver.IntegrityError), cause
    return str(cause)


def test_the_database_refuses_to_change_a_medgivande(
    repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    consent = stored_consent(repo, participant, clock)
    changed = "a consent cannot be changed, only withdrawn"
    sql = "UPDATE consents SET purpose = 'annat' WHERE id = ?"
    assert refusal(repo, sql, (consent.id,)) == changed
    sql = "UPDATE consents SET valid_to = '2099-01-01' WHERE id = ?"
    assert refusal(repo, sql, (consent.id,)) == changed
    repo.withdraw_consent(consent.id, clock().date(), WithdrawalChannel.MUNTLIGT, CASEWORKER, clock())
    sql = (
        "UPDATE consents SET withdrawn_on = NULL, withdrawn_how = NULL, "
        "withdrawn_by = NULL, withdrawn_at = NULL WHERE id = ?"
    )
    assert refusal(repo, sql, (consent.id,)) == "a consent is withdrawn only once"
    assert repo.consents(participant.id)[0].withdrawal is not None


def test_the_database_checks_what_the_model_checks(
    repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    consent = stored_consent(repo, participant, clock)
    row = dict(next(iter(repo._db.query("SELECT * FROM consents"))))
    for column, value in [
        ("voluntary_explained", 0),
        ("parties", "[]"),
        ("valid_to", date(2020, 1, 1).isoformat()),
        ("withdrawn_on", "2030-01-01"),  # without how, by and when
    ]:
        broken = {**row, "id": f"broken-{column}", column: value}
        names = ", ".join(broken)
        marks = ", ".join("?" for _ in broken)
        reason = refusal(
            repo, f"INSERT INTO consents ({names}) VALUES ({marks})", tuple(broken.values())
        )
        assert reason.startswith("CHECK constraint failed"), reason
        assert column in reason, reason  # the check on this column, not another one
    assert [item.id for item in repo.consents(participant.id)] == [consent.id]
