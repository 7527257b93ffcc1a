"""The demo: three fictional participants for trying kartlagg without real data.

Everything here is invented. The personnummer use the 980–999 serial numbers kept for tests, and every
answer is written through the engine, exactly as in a real kartläggning: one participant is new, one is
halfway through (two sessions of 45 and 60 minutes, with tags, a probe, an own follow-up, an edited
answer, and a next meeting and a note at the end of each), and one has covered every area in four
sessions and agreed on three åtgärder.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import cycle
from typing import Protocol

from interview.banks.models import Bank, Register
from interview.clock import ManualClock
from interview.consent import Category, Consent, Direction, Party, PartyKind, add_months
from interview.engine import Interview
from interview.participants import new_participant
from interview.records import Participant, Tag
from interview.store import InterviewStore

DEMO_CASEWORKER = "Handläggare Demo"
NEW_PARTICIPANT = ("Sara Demosson", "19870614-9807")
HALFWAY_PARTICIPANT = ("Yusuf Exempel", "19920305-9804")
FINISHED_PARTICIPANT = ("Marja Provinen", "19650921-9801")

_ANSWERS: dict[str, tuple[str, ...]] = {
    "inledning": (
        "Det har varit en lugn morgon.",
        "Jag vill hitta ett jobb där jag kan vara med andra människor.",
    ),
    "kroppsfunktioner": (
        "Jag har ont i ryggen ibland, mest när jag sitter länge.",
        "Jag går promenader varje dag och cyklar på sommaren.",
        "Jag orkar en halv dag, sedan behöver jag vila.",
    ),
    "psykiska_funktioner": (
        "Det går upp och ner. Just nu mår jag ganska bra.",
        "Jag glömmer tider om jag inte skriver upp dem.",
    ),
    "stressreaktioner": (
        "När många pratar samtidigt blir jag stressad.",
        "Jag får ont i magen och sover dåligt.",
    ),
    "substansintag": ("Ja, det går bra.", "Jag tar en tablett mot blodtryck varje morgon."),
    "historik": (
        "Jag kom till Sverige för åtta år sedan och läste svenska på SFI.",
        "Jag har jobbat i kök och i en butik.",
    ),
    "ovrigt_individ": ("Jag är noggrann och tycker om ordning.",),
    "sociala_forhallanden": (
        "Jag bor med min fru och två barn i en trea.",
        "Pengarna räcker precis varje månad.",
    ),
    "arbetsforhallanden": ("Jag jobbade tre år på ett lager med att packa varor.",),
    "utbildning": ("Jag gick nio år i skolan och har truckkort.",),
    "fritidsintressen": ("Jag spelar fotboll med vänner på söndagar.",),
    "professionellt_natverk": ("Jag träffar en sjukgymnast och har kontakt med Arbetsförmedlingen.",),
    "ovrigt_omgivning": ("Jag åker buss, det tar fyrtio minuter till stan.",),
    "motivation": ("Jag vill jobba med logistik igen.", "Då har jag egna pengar."),
    "atgarder": ("Jag behöver prata med läkaren om ryggen först.",),
    "avslut": ("Vi har pratat om min rygg och om att jag vill jobba på lager.",),
}
_TAGS = (Tag.FAKTA, Tag.HINDER, Tag.RESURS)
HALFWAY_TIME_FRAMES = (45, 60)
_HALFWAY_NOTES = (
    "Vi fortsätter med psykiska funktioner nästa gång. Yusuf vill ha tolk igen.",
    "Kvar: resten av historik och omgivningen. Ta upp ryggen och sjukgymnasten igen.",
)
FINISHED_ACTIONS: tuple[tuple[str, str, int | None], ...] = (
    ("Boka tid hos studie- och yrkesvägledare", "Handläggaren", 14),
    ("Prata med läkaren om ryggen och hur mycket den tål", "Marja", 21),
    ("Ta reda på om truckkortet behöver förnyas", "Marja och handläggaren", None),
)
"""The demo åtgärder: what, who, and the number of days after the last session it is due (if at all)."""


def _answers_for(area_id: str) -> Iterator[str]:
    return cycle(_ANSWERS.get(area_id, ("Det vill jag berätta mer om en annan gång.",)))


def _answer_area(interview: Interview, clock: ManualClock, limit: int | None = None) -> None:
    """Answer the current area's opening questions (all, or ``limit`` of them) with demo answers."""
    texts = _answers_for(interview.current_area.id)
    tags = cycle(_TAGS)
    answered = 0
    while (current := interview.current) is not None and (limit is None or answered < limit):
        clock.advance(minutes=2)
        scale = current.question is not None and current.question.is_scale
        exchange = interview.answer("7, det är viktigt för mig." if scale else next(texts))
        if interview.current_area.group.has_probes:
            interview.tag(exchange.id, next(tags))
        answered += 1


def _in_days(clock: ManualClock, days: int) -> date:
    return (clock() + timedelta(days=days)).astimezone().date()


class DemoStore(InterviewStore, Protocol):
    """The writes the demo needs: the interview's, and the medgivanden."""

    def add_consent(self, consent: Consent) -> None:
        """Store a signed medgivande."""


def demo_consent(participant: Participant, clock: ManualClock, *, tolk: bool) -> Consent:
    """Return a medgivande signed at intake: Arbetsförmedlingen both ways, Försäkringskassan one."""
    today = clock().astimezone().date()
    return Consent(
        participant_id=participant.id,
        parties=(
            Party(kind=PartyKind.ARBETSFORMEDLINGEN, direction=Direction.BOTH),
            Party(kind=PartyKind.FORSAKRINGSKASSAN, direction=Direction.OBTAIN),
        ),
        categories=(Category.IDENTITY, Category.SOCIAL, Category.WORK_HISTORY, Category.EDUCATION),
        exclusions="Inget om hälsa eller läkemedel.",
        purpose="Planera stödet till arbete eller studier tillsammans.",
        valid_from=today,
        valid_to=add_months(today, 12) - timedelta(days=1),
        voluntary_explained=True,
        language="ar" if tolk else None,
        tolk=tolk,
        signed_on=today,
        created_at=clock(),
        created_by=DEMO_CASEWORKER,
    )


def seed_demo(store: DemoStore, bank: Bank, clock: ManualClock) -> None:
    """Write the three demo participants, their medgivanden and kartläggningar into ``store``.

    The new participant has no medgivande yet, so the overview shows what that looks like.
    """
    new = new_participant(*NEW_PARTICIPANT, clock, DEMO_CASEWORKER)
    store.add_participant(new)

    halfway = new_participant(*HALFWAY_PARTICIPANT, clock, DEMO_CASEWORKER)
    store.add_participant(halfway)
    store.add_consent(demo_consent(halfway, clock, tolk=True))
    interview = Interview.begin(bank, halfway, store, clock, DEMO_CASEWORKER)
    first_frame, second_frame = HALFWAY_TIME_FRAMES
    interview.start_session(
        DEMO_CASEWORKER, Register.LATTLAST, tolk=True, time_frame_minutes=first_frame
    )
    _answer_area(interview, clock)
    interview.next_area()
    first = interview.answer("Jag har ont i ryggen ibland, mest när jag sitter länge.")
    interview.tag(first.id, Tag.HINDER)
    probe = interview.offered_probes()[0]
    interview.ask_probe(probe.id)
    clock.advance(minutes=3)
    interview.answer("Jag kan inte sitta vid en dator en hel dag.")
    interview.ask_own("Vad säger din sjukgymnast om det?")
    clock.advance(minutes=2)
    own = interview.answer("Hon säger att jag ska resa mig ofta.")
    interview.tag(own.id, Tag.RESURS)
    _answer_area(interview, clock)
    interview.end_session(_in_days(clock, 7), _HALFWAY_NOTES[0])
    clock.advance(days=7)
    interview.start_session(
        DEMO_CASEWORKER, Register.LATTLAST, tolk=True, time_frame_minutes=second_frame
    )
    interview.edit(first.id, "Jag har ont i ryggen ibland, mest på morgonen och när jag sitter länge.")
    for _ in range(3):
        interview.next_area()
        _answer_area(interview, clock)
    interview.next_area()
    _answer_area(interview, clock, limit=1)
    interview.end_session(_in_days(clock, 7), _HALFWAY_NOTES[1])

    clock.advance(days=1)
    finished = new_participant(*FINISHED_PARTICIPANT, clock, DEMO_CASEWORKER)
    store.add_participant(finished)
    store.add_consent(demo_consent(finished, clock, tolk=False))
    interview = Interview.begin(bank, finished, store, clock, DEMO_CASEWORKER)
    areas_per_session = -(-len(bank.areas) // 4)
    for number in range(4):
        interview.start_session(DEMO_CASEWORKER)
        for index in range(areas_per_session):
            if (number or index) and interview.next_area() is None:
                break
            _answer_area(interview, clock)
        last = number == 3
        if last:
            for what, who, days in FINISHED_ACTIONS:
                clock.advance(minutes=1)
                interview.add_action(what, who, _in_days(clock, days) if days else None)
        note = "Kartläggningen är klar. Nästa gång följer vi upp åtgärderna." if last else None
        interview.end_session(_in_days(clock, 7), note)
        clock.advance(days=7)
