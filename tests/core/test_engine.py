"""Unit tests of the interview engine, over a real repository on a temporary database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from interview.banks import Bank, Register
from interview.banks.models import SASSAM_AREAS, QuestionKind
from interview.clock import ManualClock
from interview.engine import ClockState, Interview, InterviewError
from interview.records import Participant, Source, Tag
from interview.store import StoreError
from storage import Repository
from tests.conftest import CASEWORKER


def reload(interview: Interview, repo: Repository, clock: ManualClock) -> Interview:
    """Rebuild the interview from what storage holds, as a restarted app would."""
    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    return Interview(interview.bank, record, repo, clock)


def answer_area(interview: Interview) -> None:
    """Answer every remaining opening question of the current area."""
    while (current := interview.current) is not None:
        interview.answer("7" if current.question and current.question.is_scale else "Ett svar.")


def test_walks_every_area_in_the_methods_order(interview: Interview, bank: Bank) -> None:
    visited = [interview.current_area.id]
    while True:
        answer_area(interview)
        following = interview.next_area()
        if following is None:
            break
        visited.append(following.id)
    assert visited == [area_id for area_id, _group in SASSAM_AREAS]
    assert interview.current_area.id == "avslut"
    assert interview.current is None
    assert all(coverage.complete for coverage in interview.coverage())
    opening_count = sum(len(area.openings) for area in bank.areas)
    assert len(interview.exchanges) == opening_count


def test_current_question_follows_the_bank_and_the_register(
    bank: Bank, repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    repo.add_participant(participant)
    interview = Interview.begin(bank, participant, repo, clock, CASEWORKER)
    interview.start_session(CASEWORKER, Register.LATTLAST)
    first = bank.areas[0].openings[0]
    current = interview.current
    assert current is not None
    assert current.question == first
    assert current.text == first.lattlast
    exchange = interview.answer("Bra, tack.")
    assert exchange.question_text == first.lattlast
    assert exchange.question_id == first.id
    assert exchange.source is Source.BANK
    assert exchange.answered_by == CASEWORKER


def test_probes_are_offered_after_an_answer_and_ordered_by_its_tag(interview: Interview) -> None:
    interview.jump("kroppsfunktioner")
    assert interview.offered_probes() == ()
    exchange = interview.answer("Jag har ont i ryggen.")
    offered = interview.offered_probes()
    area = interview.current_area
    assert {probe.id for probe in offered} == {probe.id for probe in area.probes}
    assert offered[0].kind is QuestionKind.HINDER

    interview.tag(exchange.id, Tag.RESURS)
    assert interview.offered_probes()[0].kind is QuestionKind.RESURS
    interview.tag(exchange.id, Tag.HINDER)
    offered = interview.offered_probes()
    assert offered[0].kind is QuestionKind.HINDER

    chosen = offered[0]
    current = interview.ask_probe(chosen.id)
    assert current.source is Source.PROBE
    assert current.text == chosen.standard
    probe_answer = interview.answer("Jag kan inte lyfta tungt.")
    assert probe_answer.parent_id == exchange.id
    assert probe_answer.question_id == chosen.id
    remaining = {probe.id for probe in interview.offered_probes()}
    assert chosen.id not in remaining
    assert len(remaining) == len(area.probes) - 1
    # The bank's next opening question comes back once the probe is answered.
    following = interview.current
    assert following is not None
    assert following.source is Source.BANK
    assert following.question == area.openings[1]


def test_probes_belong_to_factor_areas_only(interview: Interview) -> None:
    interview.answer("Det går bra.")
    assert interview.current_area.id == "inledning"
    assert interview.offered_probes() == ()
    with pytest.raises(InterviewError):
        interview.ask_probe("kropp.hinder.arbete")


def test_own_follow_up_question(interview: Interview) -> None:
    interview.jump("arbetsforhallanden")
    first = interview.answer("Jag jobbade i ett lager.")
    current = interview.ask_own("  Hur länge jobbade du där?  ")
    assert current.source is Source.OWN
    assert current.text == "Hur länge jobbade du där?"
    exchange = interview.answer("I fem år.")
    assert exchange.source is Source.OWN
    assert exchange.question_id is None
    assert exchange.question_text == "Hur länge jobbade du där?"
    assert exchange.parent_id == first.id
    with pytest.raises(InterviewError, match="följdfrågan"):
        interview.ask_own("   ")


def test_skip_records_a_bank_question_and_drops_a_follow_up(interview: Interview) -> None:
    interview.jump("historik")
    skipped = interview.skip()
    assert skipped is not None
    assert skipped.skipped
    assert skipped.answer is None
    coverage = {area.area_id: area for area in interview.coverage()}["historik"]
    assert coverage.skipped == 1
    assert coverage.asked == 1
    assert coverage.answered == 0
    interview.answer("Jag kom till Sverige 2015.")
    interview.ask_own("Hur var det?")
    assert interview.skip() is None
    current = interview.current
    assert current is not None
    assert current.source is Source.BANK
    with pytest.raises(InterviewError, match="inget svar"):
        interview.tag(skipped.id, Tag.FAKTA)


def test_edit_keeps_the_earlier_text_as_a_revision(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    exchange = interview.answer("Första versionen.")
    clock.advance(minutes=3)
    edited = interview.edit(exchange.id, "Andra versionen.")
    clock.advance(minutes=3)
    edited = interview.edit(exchange.id, "Tredje versionen.")
    assert edited.answer == "Tredje versionen."
    assert edited.revision == 3
    assert [revision.text for revision in edited.revisions] == [
        "Första versionen.",
        "Andra versionen.",
    ]
    assert [revision.revision for revision in edited.revisions] == [1, 2]
    stored = reload(interview, repo, clock).exchange(exchange.id)
    assert stored == edited
    # The same text again is not a new revision.
    assert interview.edit(exchange.id, "Tredje versionen.").revision == 3


def test_tags_are_changeable_and_keep_their_history(interview: Interview) -> None:
    exchange = interview.answer("Jag röker när jag är stressad.")
    interview.tag(exchange.id, Tag.RESURS)
    interview.tag(exchange.id, Tag.HINDER)
    updated = interview.tag(exchange.id, None)
    assert updated.tag is None
    assert [change.tag for change in updated.tags] == [Tag.RESURS, Tag.HINDER, None]


def test_coverage_counts_tags_per_area(interview: Interview) -> None:
    interview.jump("kroppsfunktioner")
    first = interview.answer("Ont i knät.")
    second = interview.answer("Jag promenerar varje dag.")
    third = interview.answer("Jag sover dåligt.")
    interview.tag(first.id, Tag.HINDER)
    interview.tag(second.id, Tag.RESURS)
    interview.tag(third.id, Tag.FAKTA)
    coverage = {area.area_id: area for area in interview.coverage()}
    body = coverage["kroppsfunktioner"]
    assert (body.hinder, body.resurs, body.fakta, body.untagged) == (1, 1, 1, 0)
    assert body.asked == 3
    assert body.started
    assert not body.complete
    assert not coverage["historik"].started


def test_jump_and_next_area(interview: Interview) -> None:
    assert interview.jump("motivation").id == "motivation"
    assert interview.current_area.id == "motivation"
    following = interview.next_area()
    assert following is not None
    assert following.id == "atgarder"
    with pytest.raises(InterviewError, match="finns inte"):
        interview.jump("no_such_area")
    interview.jump("avslut")
    assert interview.next_area() is None
    assert interview.current_area.id == "avslut"


def test_session_clock_warns_at_50_and_60_minutes(interview: Interview, clock: ManualClock) -> None:
    first = interview.session_clock()
    assert first is not None
    assert first.state is ClockState.RUNNING
    clock.advance(minutes=49, seconds=59)
    state = interview.session_clock()
    assert state is not None
    assert state.state is ClockState.RUNNING
    clock.advance(seconds=1)
    state = interview.session_clock()
    assert state is not None
    assert state.state is ClockState.WARNING
    assert state.elapsed == timedelta(minutes=50)
    clock.advance(minutes=10)
    state = interview.session_clock()
    assert state is not None
    assert state.state is ClockState.LIMIT
    # Nobody is cut off: answering still works after the hour.
    clock.advance(minutes=15)
    assert interview.answer("Vi tar det sista nu.").answer == "Vi tar det sista nu."


def test_sessions_start_and_end(interview: Interview, clock: ManualClock) -> None:
    with pytest.raises(InterviewError, match="pågår redan"):
        interview.start_session(CASEWORKER)
    clock.advance(minutes=45)
    ended = interview.end_session()
    assert ended.ended_at == clock.now
    assert interview.session is None
    assert interview.session_clock() is None
    with pytest.raises(InterviewError, match="Starta ett samtal"):
        interview.answer("Ett svar utan samtal.")
    second = interview.start_session("Handläggare Bo Exempel", Register.LATTLAST, tolk=True)
    assert second.number == 2
    assert second.tolk
    assert interview.register is Register.LATTLAST


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_answers_are_refused(interview: Interview, text: str) -> None:
    with pytest.raises(InterviewError, match="tomt"):
        interview.answer(text)
    assert interview.exchanges == ()


def test_scale_answers_need_a_number_from_0_to_10(interview: Interview) -> None:
    interview.jump("motivation")
    while (current := interview.current) is not None and not (
        current.question and current.question.role == "importance"
    ):
        interview.answer("Ett svar.")
    with pytest.raises(InterviewError, match="0 till 10"):
        interview.answer("ganska viktigt")
    with pytest.raises(InterviewError, match="0 till 10"):
        interview.answer("11")
    assert interview.answer("8, det är viktigt").answer == "8, det är viktigt"


def test_answers_are_stored_verbatim(interview: Interview, repo: Repository, clock: ManualClock) -> None:
    text = "[b]x[/b] [@click=app.quit] \x1b[31mröd\x1b[0m\r\nrad två\ttab " + "å" * 10_000
    exchange = interview.answer(text)
    expected = text.replace("\r\n", "\n")
    assert exchange.answer == expected
    assert reload(interview, repo, clock).exchange(exchange.id).answer == expected


def test_lone_surrogates_are_replaced_not_lost(interview: Interview) -> None:
    exchange = interview.answer("före \ud800 efter")
    assert exchange.answer == "före \ufffd efter"


def test_too_long_answers_are_refused_with_a_message(interview: Interview) -> None:
    with pytest.raises(InterviewError, match="för långt"):
        interview.answer("a" * 1_000_001)
    assert interview.exchanges == ()


def test_resume_rebuilds_the_same_state(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    interview.answer("Bra.")
    interview.jump("kroppsfunktioner")
    first = interview.answer("Ont i ryggen.")
    interview.tag(first.id, Tag.HINDER)
    interview.ask_probe(interview.offered_probes()[0].id)
    interview.answer("Jag kan inte bära.")
    interview.edit(first.id, "Ont i ryggen, mest på morgonen.")
    interview.skip()
    interview.ask_own("Vad säger din läkare?")
    clock.advance(minutes=20)

    resumed = reload(interview, repo, clock)
    assert resumed.snapshot() == interview.snapshot()
    assert resumed.current == interview.current
    assert resumed.current_area == interview.current_area
    assert resumed.offered_probes() == interview.offered_probes()
    assert resumed.coverage() == interview.coverage()
    assert resumed.session_clock() == interview.session_clock()
    # The resumed interview goes on where the first one stopped.
    exchange = resumed.answer("Han säger att jag ska röra på mig.")
    assert exchange.source is Source.OWN
    assert exchange.question_text == "Vad säger din läkare?"


def test_resume_after_ending_and_a_new_session(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    interview.jump("utbildning")
    interview.answer("Jag gick nio år i skolan.")
    interview.end_session()
    clock.advance(days=7)
    resumed = reload(interview, repo, clock)
    assert resumed.session is None
    assert resumed.current_area.id == "utbildning"
    resumed.start_session(CASEWORKER)
    current = resumed.current
    assert current is not None
    assert current.question == resumed.current_area.openings[1]
    assert resumed.sessions[-1].number == 2


def test_a_failed_save_changes_nothing(interview: Interview, repo: Repository) -> None:
    before = interview.snapshot()
    repo.close()  # every write now fails at the database
    with pytest.raises(StoreError, match="finns kvar"):
        interview.answer("Det här svaret kan inte sparas.")
    assert interview.snapshot() == before
