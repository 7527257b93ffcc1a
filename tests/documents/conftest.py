"""A small fictional kartläggning composed into a signed draft, for every renderer's tests.

Written through the engine on a temporary database, exactly as the app would: answers in Swedish
(with å ä ö), Arabic and Tigrinya, one hostile text, tags, an untouched area, and åtgärder. The
person, the caseworker and every answer are invented; the personnummer uses a 980–999 test serial.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.compose import compose
from interview.draft.models import (
    CaseworkerSections,
    Draft,
    DraftStatus,
    DraftVersion,
    Signature,
)
from interview.engine import Interview
from interview.participants import new_participant
from interview.records import KartlaggningRecord, Tag
from storage import Repository

PARTICIPANT_NAME = "Leyla Provdotter"
PERSONNUMMER = "19870614-9807"
CASEWORKER = "Handläggare Tove Påhittad"
UNIT = "Arbetsmarknadsenheten Exempelby"

ARABIC = "أعمل في مطبخ منذ ثلاث سنوات"
TIGRINYA = "ኣብ ኩሽና ሰሪሐ እየ"
SWEDISH = "Jag tycker om att gå långa promenader på ön, även när det är kallt och blåsigt."
HOSTILE = "<script>alert(1)</script> [b]x[/b] # rubrik \x1b[31mröd\x1b[0m &amp; `kod` [a](b)"
"""Markup of every kind, an escape sequence and an entity: each document must show it as text."""
UKRAINIAN = "Я працювала продавчинею два роки."
SYNPUNKTER = "Det stämmer. Skriv gärna att jag vill börja på förmiddagar.\n\n*Tack* för i dag."
ASSESSMENT = "Leyla har lång erfarenhet av köksarbete.\n\nHon behöver stöd med svenska i skrift."
REHABILITATION = "Arbetsträning i ett storkök, fyra timmar om dagen."

ANSWERS: tuple[tuple[str, str, Tag | None], ...] = (
    ("kroppsfunktioner", SWEDISH, Tag.RESURS),
    ("kroppsfunktioner", "Ryggen värker när jag står länge.", Tag.HINDER),
    ("historik", ARABIC, Tag.RESURS),
    ("arbetsforhallanden", TIGRINYA, Tag.FAKTA),
    ("utbildning", HOSTILE, None),
    ("sociala_forhallanden", UKRAINIAN, Tag.FAKTA),
)
"""The answers written: area, text, tag."""

ACTIONS: tuple[tuple[str, str], ...] = (
    ("Boka ett besök på ett storkök", "Handläggaren"),
    ("Anmäla sig till SFI på kvällstid", "Leyla"),
)
"""The åtgärder: what and who."""

SIGNED_ON = date(2026, 2, 3)
SHA256 = "3f5a" * 16
"""A made-up checksum in the form the signed version stores."""


@dataclass(frozen=True)
class Written:
    """The composed draft and what it was made from."""

    draft: Draft
    version: DraftVersion
    record: KartlaggningRecord


@pytest.fixture
def written(bank: Bank, repo: Repository, clock: ManualClock) -> Written:
    """A signed draft of a fictional kartläggning over two sessions."""
    participant = new_participant(PARTICIPANT_NAME, PERSONNUMMER, clock, CASEWORKER)
    repo.add_participant(participant)
    interview = Interview.begin(bank, participant, repo, clock, CASEWORKER)
    interview.start_session(CASEWORKER, tolk=True)
    for index, (area_id, text, tag) in enumerate(ANSWERS):
        if index == 3:
            interview.end_session(None, "Vi fortsätter med omgivningen.")
            clock.advance(days=7)
            interview.start_session(CASEWORKER)
        interview.jump(area_id)
        clock.advance(minutes=2)
        exchange = interview.answer(text)
        if tag is not None:
            interview.tag(exchange.id, tag)
    interview.jump("atgarder")
    for what, who in ACTIONS:
        interview.add_action(what, who, None)
    interview.end_session(None, None)

    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    moment = datetime(2026, 2, 3, 10, 0, tzinfo=UTC)
    version = DraftVersion(
        kartlaggning_id=interview.kartlaggning.id,
        version=2,
        status=DraftStatus.UNDERTECKNAD,
        sections=CaseworkerSections(assessment=ASSESSMENT, rehabilitation=REHABILITATION),
        synpunkter=SYNPUNKTER,
        created_at=moment,
        updated_at=moment,
        updated_by=CASEWORKER,
        read_back_at=moment,
        read_back_by=CASEWORKER,
        signed_at=moment,
        signature=Signature(participant=PARTICIPANT_NAME, caseworker=CASEWORKER, signed_on=SIGNED_ON),
        sha256=SHA256,
    )
    draft = compose(record, bank, version, unit=UNIT, zone=UTC)
    return Written(draft=draft, version=version, record=record)


@pytest.fixture
def draft(written: Written) -> Draft:
    """The composed, signed draft."""
    return written.draft


Recompose = Callable[..., Draft]
"""Compose the same kartläggning again with some fields of the version changed."""


@pytest.fixture
def recompose(written: Written, bank: Bank) -> Recompose:
    """Return a function composing the draft again with ``DraftVersion`` fields replaced."""

    def again(**changes: object) -> Draft:
        version = written.version.model_copy(update=changes)
        return compose(written.record, bank, version, unit=UNIT, zone=UTC)

    return again


@pytest.fixture
def unsigned_draft(recompose: Recompose) -> Draft:
    """The same draft before signing: no signature, status utkast."""
    return recompose(status=DraftStatus.UTKAST, signature=None, signed_at=None, sha256=None)
