"""A whole fictional kartläggning for the sammanställning's tests and benchmarks.

Leila Påhittad (invented; the personnummer uses a test serial) meets her caseworker five times. Every
area of the SASSAM bank is taken up except substansintag, whose questions are all skipped. One answer
is in Arabic, one is edited in a later session, answers are tagged hinder and resurs, a probe and an
own follow-up are asked, the motivation area has both scales, and two åtgärder are agreed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

from interview.banks.models import Bank
from interview.clock import ManualClock
from interview.draft.models import CaseworkerSections
from interview.draft.workflow import Drafts
from interview.engine import Interview
from interview.participants import new_participant
from interview.records import Exchange, Tag
from interview.store import InterviewStore
from storage import Repository

START = datetime(2026, 9, 7, 8, 0, tzinfo=UTC)
NAME = "Leila Påhittad"
NUMBER = "19900101-9802"
CASEWORKER = "Handläggare Kim Exempelsson"
ARABIC_ANSWER = "عملت في مطبخ مطعم لمدة ثلاث سنوات"
EDITED_FROM = "Jag har ont i knät."
EDITED_TO = "Jag har ont i knät när jag går i trappor."
SKIPPED_AREA = "substansintag"
ASSESSMENT = "Vill arbeta i kök."

ANSWERS: dict[str, tuple[str, ...]] = {
    "inledning": (
        "Bra, jag tog bussen hit.",
        "Ja, det låter bra.",
        "Okej, en timme passar mig.",
        "Det är skönt att veta.",
        "Ja, jag vill läsa på skärmen.",
        "Jag vill veta vad jag kan jobba med.",
        "Inga frågor just nu.",
    ),
    "kroppsfunktioner": (
        EDITED_FROM,
        "Jag har astma men den är lugn med medicin.",
        "Jag orkar gå långt och tycker om att vara ute.",
        "Jag sover bra och äter frukost varje dag.",
    ),
    "psykiska_funktioner": (
        "Jag mår bra nu, men vintern är tung.",
        "Jag är glad och tycker om att hjälpa andra.",
        "Det går bra att komma ihåg saker om jag skriver listor.",
        "Jag ringer min syster när det är tungt.",
    ),
    "stressreaktioner": (
        "Jag blir stressad när någon skriker.",
        "Jag får hjärtklappning och vill gå därifrån.",
        "Jag andas lugnt och tar en promenad.",
    ),
    "historik": (
        ARABIC_ANSWER,
        "Jag gick sex år i skolan i Syrien.",
        "Jag kom till Sverige 2019 med mina barn.",
    ),
    "ovrigt_individ": (
        "Jag är noggrann och kommer alltid i tid.",
        "Jag lagar gärna mat åt många.",
        "Nej, inget mer.",
    ),
    "sociala_forhallanden": (
        "Jag bor med mina två barn i en lägenhet.",
        "Barnen går i skolan och på fritids.",
        "Pengarna räcker nästan hela månaden.",
        "Min syster bor nära och hjälper mig.",
    ),
    "arbetsforhallanden": (
        "Jag har jobbat i kök och som städare.",
        "Det bästa var att laga mat tillsammans med andra.",
        "Det var svårt när jag inte förstod instruktionerna.",
        "Jag vill jobba i ett storkök.",
    ),
    "utbildning": (
        "Jag läser svenska på SFI, kurs C.",
        "Jag lär mig bäst när någon visar mig.",
        "Jag vill gå en kurs i livsmedelshygien.",
    ),
    "fritidsintressen": (
        "Jag bakar och går i parken med barnen.",
        "Jag sjunger i en kör på söndagar.",
        "Det ger mig glädje och nya vänner.",
    ),
    "professionellt_natverk": (
        "Jag har kontakt med vårdcentralen för astman.",
        "Arbetsförmedlingen ringer mig ibland.",
        "Det fungerar bra.",
    ),
    "ovrigt_omgivning": (
        "Jag åker buss, det tar tjugo minuter.",
        "Barnen behöver hämtas klockan fem.",
        "Nej.",
    ),
    "motivation": (
        "Jag vill jobba i ett storkök inom ett år.",
        "Jag har ett jobb och egna pengar.",
        "Jag blir stolt och får träffa fler människor.",
        "Jag får mindre tid hemma.",
        "Barnen ser att mamma jobbar.",
        "Barnen måste vara på fritids längre.",
        "8, det är mycket viktigt för mig.",
        "Jag vill klara mig själv.",
        "Ett praktikställe att börja på.",
        "6, jag tror att jag klarar det.",
        "Jag har jobbat i kök förut.",
        "Bättre svenska.",
    ),
    "atgarder": (
        "Jag behöver en praktikplats i ett kök.",
        "Jag kan öva svenska varje dag.",
        "Hjälp att hitta en praktik.",
        "Arbetsförmedlingen och SFI.",
        "Vi skriver det i planen.",
    ),
    "avslut": (
        "Vi har pratat om mitt jobb i kök och mina barn.",
        "Ja.",
        "Ja, det stämmer.",
        "Nej, det är bra så.",
        "Tack.",
    ),
}

TAGS: dict[str, tuple[Tag | None, ...]] = {
    "kroppsfunktioner": (Tag.HINDER, Tag.FAKTA, Tag.RESURS, Tag.RESURS),
    "psykiska_funktioner": (Tag.HINDER, Tag.RESURS, Tag.RESURS, Tag.RESURS),
    "stressreaktioner": (Tag.HINDER, Tag.HINDER, Tag.RESURS),
    "historik": (Tag.RESURS, Tag.FAKTA, None),
    "ovrigt_individ": (Tag.RESURS, Tag.RESURS, None),
    "sociala_forhallanden": (Tag.FAKTA, Tag.FAKTA, Tag.HINDER, Tag.RESURS),
    "arbetsforhallanden": (Tag.RESURS, Tag.RESURS, Tag.HINDER, Tag.FAKTA),
    "utbildning": (Tag.HINDER, Tag.RESURS, Tag.FAKTA),
    "fritidsintressen": (Tag.RESURS, Tag.RESURS, Tag.RESURS),
    "professionellt_natverk": (Tag.RESURS, Tag.FAKTA, None),
    "ovrigt_omgivning": (Tag.RESURS, Tag.HINDER, None),
}

SESSIONS: tuple[tuple[bool, tuple[str, ...]], ...] = (
    (True, ("inledning", "kroppsfunktioner")),
    (True, ("psykiska_funktioner", "stressreaktioner", SKIPPED_AREA)),
    (False, ("historik", "ovrigt_individ", "sociala_forhallanden")),
    (False, ("arbetsforhallanden", "utbildning", "fritidsintressen", "professionellt_natverk")),
    (False, ("ovrigt_omgivning", "motivation", "atgarder", "avslut")),
)
"""Each session: whether a tolk took part, and the areas taken up."""

ACTIONS: tuple[tuple[str, str, date | None], ...] = (
    ("Söka praktik i ett storkök", "Handläggaren och Leila", date(2026, 10, 30)),
    ("Boka tid för kurs i livsmedelshygien", "Leila", None),
)
PROBE_ANSWER = "Jag kan inte stå stilla länge."
OWN_QUESTION = "Vad säger läkaren om knät?"
OWN_ANSWER = "Läkaren säger att jag ska träna benen."


def _answer_area(interview: Interview, clock: ManualClock, answers: Iterator[str]) -> list[Exchange]:
    area_id = interview.current_area.id
    tags = iter(TAGS.get(area_id, ()))
    given = []
    while interview.current is not None:
        clock.advance(minutes=1)
        if area_id == SKIPPED_AREA:
            interview.skip()
            continue
        exchange = interview.answer(next(answers))
        tag = next(tags, None)
        if tag is not None:
            exchange = interview.tag(exchange.id, tag)
        given.append(exchange)
    return given


def build_kartlaggning(store: InterviewStore, bank: Bank, clock: ManualClock) -> str:
    """Write Leila's kartläggning into ``store`` and return its id (the clock ends after session 5)."""
    participant = new_participant(NAME, NUMBER, clock, CASEWORKER)
    store.add_participant(participant)
    interview = Interview.begin(bank, participant, store, clock, CASEWORKER)
    edited: Exchange | None = None
    for number, (tolk, area_ids) in enumerate(SESSIONS, start=1):
        interview.start_session(CASEWORKER, tolk=tolk)
        for area_id in area_ids:
            interview.jump(area_id)
            given = _answer_area(interview, clock, iter(ANSWERS.get(area_id, ())))
            if area_id == "kroppsfunktioner":
                edited = given[0]
                probe = interview.offered_probes()[0]
                interview.ask_probe(probe.id)
                clock.advance(minutes=1)
                answered = interview.answer(PROBE_ANSWER)
                interview.tag(answered.id, Tag.HINDER)
                interview.ask_own(OWN_QUESTION)
                clock.advance(minutes=1)
                interview.answer(OWN_ANSWER)
            if area_id == "atgarder":
                for what, who, due in ACTIONS:
                    clock.advance(minutes=1)
                    interview.add_action(what, who, due)
        if number == 3 and edited is not None:
            clock.advance(minutes=1)
            interview.edit(edited.id, EDITED_TO)
        clock.advance(minutes=5)
        interview.end_session()
        clock.advance(days=7)
    return interview.snapshot().kartlaggning.id


def build_signed(repo: Repository, bank: Bank, clock: ManualClock, signed_on: date) -> Drafts:
    """Write Leila's kartläggning, then review, read back and sign version 1; return its drafts."""
    record = repo.load(build_kartlaggning(repo, bank, clock))
    assert record is not None
    drafts = Drafts(record, bank, repo, clock, unit="Enheten")
    drafts.save_sections(CaseworkerSections(assessment=ASSESSMENT), CASEWORKER)
    drafts.mark_reviewed(CASEWORKER)
    drafts.finish_read_back("Det stämmer.", CASEWORKER)
    drafts.sign(NAME, CASEWORKER, signed_on)
    return drafts
