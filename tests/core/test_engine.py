"""Unit tests of the interview engine, over a real repository on a temporary database."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from interview.banks import Bank, Register
from interview.banks.models import MOTIVATION_ROLES, SASSAM_AREAS, QuestionKind
from interview.clock import ManualClock
from interview.engine import (
    MAX_ACTION_CHARS,
    MAX_NOTE_CHARS,
    MAX_RESPONSIBLE_CHARS,
    ClockState,
    Interview,
    InterviewError,
)
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


# --------------------------------------------------------------------------------- time frame and end


def test_a_session_has_a_time_frame(
    bank: Bank, repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    repo.add_participant(participant)
    interview = Interview.begin(bank, participant, repo, clock, CASEWORKER)
    assert interview.start_session(CASEWORKER).time_frame_minutes == 60
    interview.end_session()
    session = interview.start_session(CASEWORKER, time_frame_minutes=45)
    assert session.time_frame_minutes == 45
    interview.end_session()
    assert interview.start_session(CASEWORKER, time_frame_minutes=5).time_frame_minutes == 5
    resumed = reload(interview, repo, clock)
    assert [s.time_frame_minutes for s in resumed.sessions] == [60, 45, 5]


@pytest.mark.parametrize("minutes", [0, 4, 61, 90, -30])
def test_a_time_frame_outside_5_to_60_minutes_is_refused(
    bank: Bank, repo: Repository, participant: Participant, clock: ManualClock, minutes: int
) -> None:
    repo.add_participant(participant)
    interview = Interview.begin(bank, participant, repo, clock, CASEWORKER)
    with pytest.raises(InterviewError, match=r"högst 60 minuter\. Välj mellan 5 och 60"):
        interview.start_session(CASEWORKER, time_frame_minutes=minutes)
    assert interview.sessions == ()
    assert reload(interview, repo, clock).sessions == ()


def test_end_session_stores_the_next_meeting_and_a_note(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    clock.advance(minutes=40)
    ended = interview.end_session(date(2026, 1, 19), "  Kvar: historik och omgivningen.\r\n  ")
    assert ended.ended_at == clock.now
    assert ended.next_meeting == date(2026, 1, 19)
    assert ended.end_note == "Kvar: historik och omgivningen."
    assert interview.sessions[-1] == ended
    assert reload(interview, repo, clock).sessions[-1] == ended


@pytest.mark.parametrize("note", [None, "", "   \n\t "])
def test_an_empty_end_note_is_no_note(interview: Interview, note: str | None) -> None:
    ended = interview.end_session(note=note)
    assert ended.end_note is None
    assert ended.next_meeting is None


def test_the_next_meeting_can_be_today_but_not_earlier(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    today = clock.now.astimezone().date()
    with pytest.raises(InterviewError, match="före i dag"):
        interview.end_session(today - timedelta(days=1), "En anteckning.")
    assert interview.session is not None
    assert reload(interview, repo, clock).session is not None
    assert interview.end_session(today).next_meeting == today


def test_a_too_long_end_note_is_refused(interview: Interview) -> None:
    with pytest.raises(InterviewError, match="Anteckningen är för lång"):
        interview.end_session(note="x" * (MAX_NOTE_CHARS + 1))
    assert interview.session is not None
    assert interview.end_session(note="x" * MAX_NOTE_CHARS).end_note == "x" * MAX_NOTE_CHARS


def test_end_session_needs_an_open_session(interview: Interview) -> None:
    interview.end_session()
    with pytest.raises(InterviewError, match="Starta ett samtal"):
        interview.end_session(note="Igen.")


def test_a_failed_end_changes_nothing(interview: Interview, repo: Repository) -> None:
    before = interview.snapshot()
    repo.close()
    with pytest.raises(StoreError):
        interview.end_session(None, "Det här sparas inte.")
    assert interview.snapshot() == before
    assert interview.session is not None


# --------------------------------------------------------------------------------- åtgärder


def test_add_update_and_remove_actions(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    assert not interview.actions
    first = interview.add_action("  Boka tid hos studie- och yrkesvägledare ", " Handläggaren ", None)
    clock.advance(minutes=1)
    second = interview.add_action("Prata med läkaren", "Amina", date(2026, 2, 1))
    assert (first.position, second.position) == (1, 2)
    assert first.what == "Boka tid hos studie- och yrkesvägledare"
    assert first.who == "Handläggaren"
    assert first.updated_by == CASEWORKER
    assert first.created_at == first.updated_at
    assert second.due == date(2026, 2, 1)
    assert list(interview.actions) == [first, second]

    clock.advance(minutes=1)
    updated = interview.update_action(first.id, "Boka tid hos SYV", "Handläggaren", date(2026, 3, 1))
    assert updated.id == first.id
    assert updated.position == 1
    assert updated.created_at == first.created_at
    assert updated.updated_at == clock.now
    assert updated.due == date(2026, 3, 1)
    assert list(interview.actions) == [updated, second]
    # The same values again are no change.
    clock.advance(minutes=1)
    assert interview.update_action(first.id, "Boka tid hos SYV ", "Handläggaren", date(2026, 3, 1)) == (
        updated
    )

    interview.remove_action(updated.id)
    assert list(interview.actions) == [second]
    third = interview.add_action("Söka jobb på lager", "Amina", None)
    assert third.position == 3
    assert list(interview.actions) == [second, third]
    resumed = reload(interview, repo, clock)
    assert resumed.actions == interview.actions
    assert resumed.snapshot() == interview.snapshot()


@pytest.mark.parametrize(
    ("what", "who", "message"),
    [
        ("", "Handläggaren", "Skriv vad som ska göras."),
        ("  \n ", "Handläggaren", "Skriv vad som ska göras."),
        ("Boka tid", "", "Skriv vem som är ansvarig."),
        ("Boka tid", "   ", "Skriv vem som är ansvarig."),
        ("x" * (MAX_ACTION_CHARS + 1), "Handläggaren", "Åtgärden är för lång"),
        ("Boka tid", "x" * (MAX_RESPONSIBLE_CHARS + 1), "för långt"),
    ],
)
def test_actions_are_validated(interview: Interview, what: str, who: str, message: str) -> None:
    with pytest.raises(InterviewError, match=re.escape(message)):
        interview.add_action(what, who, None)
    assert not interview.actions
    action = interview.add_action("Boka tid", "Handläggaren", None)
    with pytest.raises(InterviewError, match=re.escape(message)):
        interview.update_action(action.id, what, who, None)
    assert interview.actions == (action,)


def test_the_longest_allowed_action(interview: Interview, repo: Repository, clock: ManualClock) -> None:
    action = interview.add_action("x" * MAX_ACTION_CHARS, "y" * MAX_RESPONSIBLE_CHARS, None)
    assert reload(interview, repo, clock).actions == (action,)


def test_an_unknown_action_is_refused(interview: Interview) -> None:
    with pytest.raises(InterviewError, match="Åtgärden finns inte"):
        interview.update_action("no-such-id", "Boka tid", "Handläggaren", None)
    with pytest.raises(InterviewError, match="Åtgärden finns inte"):
        interview.remove_action("no-such-id")
    action = interview.add_action("Boka tid", "Handläggaren", None)
    interview.remove_action(action.id)
    with pytest.raises(InterviewError, match="Åtgärden finns inte"):
        interview.remove_action(action.id)
    with pytest.raises(InterviewError, match="Åtgärden finns inte"):
        interview.action(action.id)


def test_actions_need_no_open_session(
    bank: Bank, repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    repo.add_participant(participant)
    interview = Interview.begin(bank, participant, repo, clock, "Handläggare Kim Skapare")
    before_any = interview.add_action("Läsa igenom kartläggningen", "Handläggaren", None)
    assert before_any.updated_by == "Handläggare Kim Skapare"
    interview.start_session("Handläggare Bo Exempel")
    interview.end_session()
    clock.advance(days=3)
    # At review, after the session: the author is the last session's caseworker.
    updated = interview.update_action(before_any.id, "Läsa igenom allt", "Handläggaren", None)
    assert updated.updated_by == "Handläggare Bo Exempel"
    interview.remove_action(updated.id)
    assert reload(interview, repo, clock).actions == ()


def test_a_failed_action_save_changes_nothing(interview: Interview, repo: Repository) -> None:
    kept = interview.add_action("Boka tid", "Handläggaren", None)
    before = interview.snapshot()
    repo.close()
    with pytest.raises(StoreError, match="finns kvar"):
        interview.add_action("Kan inte sparas", "Handläggaren", None)
    assert interview.snapshot() == before
    with pytest.raises(StoreError):
        interview.update_action(kept.id, "Ändrad", "Handläggaren", None)
    assert interview.actions == (kept,)
    with pytest.raises(StoreError):
        interview.remove_action(kept.id)
    assert interview.actions == (kept,)
    assert interview.snapshot() == before


# --------------------------------------------------------------------------------- ask_bank


def test_ask_bank_re_asks_a_skipped_question_from_another_area(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    interview.jump("historik")
    skipped = interview.skip()
    assert skipped is not None
    interview.jump("utbildning")
    current = interview.ask_bank(skipped.question_id or "")
    assert interview.current_area.id == "historik"
    assert current.source is Source.BANK
    assert current.question is not None
    assert current.question.id == skipped.question_id
    assert current.parent_id is None
    assert current.text == current.question.standard
    assert reload(interview, repo, clock).current == current

    exchange = interview.answer("Jag kom till Sverige 2015.")
    assert exchange.source is Source.BANK
    assert exchange.question_id == skipped.question_id
    assert exchange.area_id == "historik"
    assert exchange.parent_id is None
    coverage = {area.area_id: area for area in interview.coverage()}["historik"]
    assert (coverage.asked, coverage.answered, coverage.skipped) == (1, 1, 1)
    # Then the area goes on with its next opening question.
    following = interview.current
    assert following is not None
    assert following.question == interview.current_area.openings[1]


def test_ask_bank_of_an_answered_opening_adds_another_answer(interview: Interview) -> None:
    first = interview.answer("Bra, tack.")
    interview.jump("motivation")
    interview.ask_bank(first.question_id or "")
    again = interview.answer("Ännu bättre nu.")
    assert again.id != first.id
    answers = [e for e in interview.exchanges if e.question_id == first.question_id]
    assert answers == [first, again]
    coverage = {area.area_id: area for area in interview.coverage()}["inledning"]
    assert (coverage.asked, coverage.answered) == (1, 2)


def test_skipping_a_re_asked_question_drops_it(interview: Interview) -> None:
    first = interview.answer("Bra, tack.")
    interview.ask_bank(first.question_id or "")
    assert interview.skip() is None
    assert interview.exchanges == (first,)
    current = interview.current
    assert current is not None
    assert current.question == interview.current_area.openings[1]


def test_ask_bank_of_a_question_not_yet_asked_can_be_skipped(interview: Interview) -> None:
    later = interview.bank.area("utbildning").openings[1]
    current = interview.ask_bank(later.id)
    assert current.question == later
    skipped = interview.skip()
    assert skipped is not None
    assert skipped.skipped
    assert skipped.question_id == later.id
    coverage = {area.area_id: area for area in interview.coverage()}["utbildning"]
    assert (coverage.asked, coverage.skipped) == (1, 1)
    # The area's own order picks up at the first question not asked.
    following = interview.current
    assert following is not None
    assert following.question == interview.bank.area("utbildning").openings[0]


def test_ask_bank_of_a_probe_follows_up_the_latest_answer_in_its_area(interview: Interview) -> None:
    area = interview.bank.area("kroppsfunktioner")
    probe = area.probes[0]
    current = interview.ask_bank(probe.id)
    assert current.source is Source.PROBE
    assert current.parent_id is None
    answer = interview.answer("Det går inte att lyfta.")
    assert answer.source is Source.PROBE
    assert answer.parent_id is None

    opening = interview.answer("Jag har ont i knät.")
    interview.ask_own("Hur länge har du haft ont?")
    interview.answer("Ett år.")
    interview.jump("historik")
    interview.answer("Jag har bott här i tio år.")
    current = interview.ask_bank(area.probes[1].id)
    assert interview.current_area.id == "kroppsfunktioner"
    assert current.parent_id == opening.id
    assert interview.answer("Jag kan gå en kilometer.").parent_id == opening.id


def test_ask_bank_uses_the_register(
    bank: Bank, repo: Repository, participant: Participant, clock: ManualClock
) -> None:
    repo.add_participant(participant)
    interview = Interview.begin(bank, participant, repo, clock, CASEWORKER)
    interview.start_session(CASEWORKER, Register.LATTLAST)
    question = bank.area("motivation").openings[0]
    assert interview.ask_bank(question.id).text == question.lattlast


def test_ask_bank_refuses_unknown_ids_and_needs_a_session(interview: Interview) -> None:
    before = interview.snapshot()
    with pytest.raises(InterviewError, match="finns inte i frågebanken"):
        interview.ask_bank("no.such.question")
    assert interview.snapshot() == before
    interview.end_session()
    with pytest.raises(InterviewError, match="Starta ett samtal"):
        interview.ask_bank(interview.bank.areas[0].openings[0].id)


# --------------------------------------------------------------------------------- motivation


def test_motivation_before_any_answer(interview: Interview) -> None:
    motivation = interview.motivation()
    assert set(motivation.answers) == set(MOTIVATION_ROLES)
    assert all(answers == () for answers in motivation.answers.values())
    assert set(motivation.question_ids) == set(MOTIVATION_ROLES)
    for role, question_id in motivation.question_ids.items():
        assert interview.bank.question(question_id)[1].role == role
    assert motivation.importance is None
    assert motivation.confidence is None
    assert motivation.latest("goal") is None
    assert motivation.latest("no_such_role") is None


def test_motivation_collects_answers_and_follow_ups_by_role(interview: Interview) -> None:
    ids = interview.motivation().question_ids
    interview.ask_bank(ids["goal"])
    goal = interview.answer("Jag vill jobba med logistik.")
    interview.ask_own("Vad lockar dig med logistik?")
    follow_up = interview.answer("Ordning och reda.")
    interview.ask_bank(ids["good_for_me"])
    assert interview.skip() is not None  # skipped: not an answer
    interview.ask_bank(ids["importance"])
    first_scale = interview.answer("6, ganska viktigt")
    interview.ask_bank(ids["confidence"])
    interview.answer("3")
    interview.ask_bank(ids["importance"])
    second_scale = interview.answer(" 9 nu när vi pratat")
    interview.jump("historik")
    interview.answer("Jag har jobbat på lager.")

    motivation = interview.motivation()
    assert motivation.answers["goal"] == (goal, follow_up)
    assert motivation.latest("goal") == goal
    assert motivation.answers["good_for_me"] == ()
    assert motivation.answers["importance"] == (first_scale, second_scale)
    assert motivation.latest("importance") == second_scale
    assert motivation.importance == 9
    assert motivation.confidence == 3
    assert motivation.answers["importance_why"] == ()
    in_roles = {e.id for answers in motivation.answers.values() for e in answers}
    assert len(in_roles) == 5


def test_motivation_scale_follows_an_edit(interview: Interview) -> None:
    ids = interview.motivation().question_ids
    interview.ask_bank(ids["importance"])
    scale = interview.answer("10")
    assert interview.motivation().importance == 10
    interview.edit(scale.id, "0, inte alls")
    assert interview.motivation().importance == 0


# --------------------------------------------------------------------------------- recap


def test_recap_of_the_last_ended_session(
    interview: Interview, repo: Repository, clock: ManualClock
) -> None:
    assert interview.recap() is None
    interview.jump("kroppsfunktioner")
    first = interview.answer("Ont i ryggen.")
    interview.tag(first.id, Tag.HINDER)
    second = interview.answer("Jag promenerar.")
    interview.tag(second.id, Tag.RESURS)
    interview.skip()
    interview.jump("inledning")
    interview.answer("Bra.")
    interview.jump("utbildning")
    ended = interview.end_session(date(2026, 1, 19), "Kvar: utbildning.")

    recap = interview.recap()
    assert recap is not None
    assert recap.session == ended
    assert recap.areas == ("inledning", "kroppsfunktioner")
    assert (recap.answered, recap.hinder, recap.resurs) == (3, 1, 1)
    assert recap.next_area_id == "utbildning"
    assert recap.next_question == interview.bank.area("utbildning").openings[0].standard
    assert reload(interview, repo, clock).recap() == recap

    # While the next session runs, the recap is still of the last ended one.
    clock.advance(days=7)
    interview.start_session(CASEWORKER, Register.LATTLAST)
    interview.answer("Nio år i skolan.")
    recap = interview.recap()
    assert recap is not None
    assert recap.session == ended
    assert recap.next_question == interview.bank.area("utbildning").openings[1].lattlast
    interview.end_session()
    recap = interview.recap()
    assert recap is not None
    assert recap.session.number == 2
    assert recap.areas == ("utbildning",)
    assert (recap.answered, recap.hinder, recap.resurs) == (1, 0, 0)


def test_recap_when_the_area_is_done(interview: Interview) -> None:
    interview.jump("avslut")
    answer_area(interview)
    interview.end_session()
    recap = interview.recap()
    assert recap is not None
    assert recap.next_area_id == "avslut"
    assert recap.next_question is None


@pytest.mark.parametrize(
    ("frame", "warning", "limit"), [(60, 50, 60), (45, 36, 45), (30, 24, 30), (5, 4, 5)]
)
def test_session_clock_follows_todays_time_frame(
    interview: Interview, clock: ManualClock, frame: int, warning: int, limit: int
) -> None:
    interview.end_session()
    interview.start_session("Handläggare Test", time_frame_minutes=frame)
    clock.advance(minutes=warning, seconds=-1)
    assert (state := interview.session_clock()) is not None
    assert state.state is ClockState.RUNNING
    clock.advance(seconds=1)
    assert (state := interview.session_clock()) is not None
    assert state.state is ClockState.WARNING
    clock.advance(minutes=limit - warning)
    assert (state := interview.session_clock()) is not None
    assert state.state is ClockState.LIMIT
