"""The demo data: three fictional participants in three states, written through the engine."""

from __future__ import annotations

from datetime import timedelta

from interview.banks import Bank
from interview.clock import ManualClock
from interview.demo import (
    FINISHED_ACTIONS,
    FINISHED_PARTICIPANT,
    HALFWAY_PARTICIPANT,
    HALFWAY_TIME_FRAMES,
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


def test_demo_sessions_have_time_frames_next_meetings_and_notes(repo: Repository, bank: Bank) -> None:
    clock = ManualClock()
    seed_demo(repo, bank, clock)
    halfway = _interview(repo, bank, clock, HALFWAY_PARTICIPANT[0])
    assert halfway is not None
    assert tuple(s.time_frame_minutes for s in halfway.sessions) == HALFWAY_TIME_FRAMES
    first, second = halfway.sessions
    assert first.next_meeting is not None
    assert first.next_meeting == second.started_at.date()
    for session in halfway.sessions:
        assert session.end_note
        assert session.next_meeting is not None
        assert session.ended_at is not None
        assert session.next_meeting > session.ended_at.date()
        # Each session keeps to the time frame told at its start.
        assert session.ended_at - session.started_at <= timedelta(minutes=session.time_frame_minutes)
    recap = halfway.recap()
    assert recap is not None
    assert recap.session == second
    assert recap.next_question is not None
    assert not halfway.actions
    assert halfway.motivation().importance is None


def test_the_finished_demo_has_three_actions_and_scale_answers(repo: Repository, bank: Bank) -> None:
    clock = ManualClock()
    seed_demo(repo, bank, clock)
    finished = _interview(repo, bank, clock, FINISHED_PARTICIPANT[0])
    assert finished is not None
    actions = finished.actions
    assert len(actions) == 3
    assert [(a.what, a.who) for a in actions] == [(what, who) for what, who, _days in FINISHED_ACTIONS]
    assert [a.position for a in actions] == [1, 2, 3]
    last = finished.sessions[-1]
    assert last.ended_at is not None
    assert all(last.started_at <= a.created_at <= last.ended_at for a in actions)
    assert any(a.due is not None for a in actions)
    assert all(a.due is None or a.due > last.started_at.date() for a in actions)
    motivation = finished.motivation()
    assert motivation.importance == 7
    assert motivation.confidence == 7
    assert all(motivation.latest(role) is not None for role in motivation.question_ids)
    assert last.end_note


def test_the_demo_shows_a_valid_medgivande_and_a_missing_one(repo: Repository, bank: Bank) -> None:
    from interview.consent import ConsentStatus, consent_status, current

    clock = ManualClock()
    seed_demo(repo, bank, clock)
    today = clock().astimezone().date()
    by_name = {p.name: p for p in repo.participants()}
    statuses = {
        name: consent_status(current(repo.consents(by_name[name].id)), today)
        for name in (NEW_PARTICIPANT[0], HALFWAY_PARTICIPANT[0], FINISHED_PARTICIPANT[0])
    }
    assert statuses == {
        NEW_PARTICIPANT[0]: ConsentStatus.NONE,
        HALFWAY_PARTICIPANT[0]: ConsentStatus.VALID,
        FINISHED_PARTICIPANT[0]: ConsentStatus.VALID,
    }
    assert repo.verify_audit().ok
