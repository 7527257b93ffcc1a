"""The demo data: three fictional participants in three states, written through the engine."""

from __future__ import annotations

from datetime import timedelta

from interview.banks import Bank
from interview.clock import ManualClock
from interview.demo import (
    FINISHED_PARTICIPANT,
    HALFWAY_PARTICIPANT,
    NEW_PARTICIPANT,
    seed_demo,
)
from interview.engine import Interview
from interview.records import Source, Tag
from storage import Repository


def _interview(repo: Repository, bank: Bank, clock: ManualClock, name: str) -> Interview | None:
    person = next(p for p in repo.participants() if p.name == name)
    kartlaggningar = repo.kartlaggningar(person.id)
    if not kartlaggningar:
        return None
    record = repo.load(kartlaggningar[0].id)
    assert record is not None
    return Interview(bank, record, repo, clock)


def test_demo_has_a_new_a_halfway_and_a_finished_participant(repo: Repository, bank: Bank) -> None:
    clock = ManualClock()
    seed_demo(repo, bank, clock)
    assert sorted(p.name for p in repo.participants()) == sorted(
        [NEW_PARTICIPANT[0], HALFWAY_PARTICIPANT[0], FINISHED_PARTICIPANT[0]]
    )
    assert _interview(repo, bank, clock, NEW_PARTICIPANT[0]) is None

    halfway = _interview(repo, bank, clock, HALFWAY_PARTICIPANT[0])
    assert halfway is not None
    assert len(halfway.sessions) == 2
    assert halfway.session is None
    coverage = {area.area_id: area for area in halfway.coverage()}
    assert coverage["kroppsfunktioner"].complete
    assert not coverage["historik"].complete
    assert not coverage["motivation"].started
    sources = {exchange.source for exchange in halfway.exchanges}
    assert sources == {Source.BANK, Source.PROBE, Source.OWN}
    assert any(exchange.revisions for exchange in halfway.exchanges)
    assert {Tag.HINDER, Tag.RESURS, Tag.FAKTA} <= {exchange.tag for exchange in halfway.exchanges}
    assert halfway.current is not None

    finished = _interview(repo, bank, clock, FINISHED_PARTICIPANT[0])
    assert finished is not None
    assert len(finished.sessions) == 4
    assert all(area.complete for area in finished.coverage())
    assert finished.current_area.id == bank.areas[-1].id
    # The method: a session never lasts longer than one hour.
    for session in (*halfway.sessions, *finished.sessions):
        assert session.ended_at is not None
        assert session.ended_at - session.started_at <= timedelta(hours=1)
