"""The records of a kartläggning: what is stored, loaded and handed between the layers.

These pydantic models are the boundary between the engine and storage: the engine creates them, the
storage layer writes and reads them, and nothing else needs to know how they are kept on disk.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated
from uuid import uuid4

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from interview.banks.models import Register
from interview.karta.models import Statement
from interview.text import clean_input

StoredText = Annotated[str, AfterValidator(clean_input)]


def new_id() -> str:
    """Return a new random id for a record."""
    return uuid4().hex


class Tag(StrEnum):
    """What an answer means in relation to working, as the participant decides."""

    HINDER = "hinder"
    RESURS = "resurs"
    FAKTA = "fakta"


class Source(StrEnum):
    """Where a question that was asked came from."""

    BANK = "bank"
    """A main (opening) question of the bank."""
    PROBE = "probe"
    """A hinder or resurs probe of the bank, picked after an answer."""
    OWN = "own"
    """A follow-up question the caseworker wrote."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Participant(_Record):
    """A person taking part in a kartläggning."""

    id: str = Field(default_factory=new_id)
    name: StoredText = Field(min_length=1, max_length=200)
    personnummer: str | None = Field(default=None, pattern=r"^[0-9]{12}$")
    """The validated 12-digit personnummer or samordningsnummer, if the person has one."""
    no_number_reason: StoredText | None = None
    """Why there is no number (for example a birth date and other details to avoid mix-ups)."""
    created_at: AwareDatetime
    created_by: StoredText


class Kartlaggning(_Record):
    """One kartläggning of a participant, over several sessions, using one bank."""

    id: str = Field(default_factory=new_id)
    participant_id: str
    bank_id: str
    created_at: AwareDatetime
    created_by: StoredText


class TolkMode(StrEnum):
    """How the tolk took part."""

    PA_PLATS = "pa_plats"
    TELEFON = "telefon"
    VIDEO = "video"


class TolkLevel(StrEnum):
    """The tolk's level of qualification (as booked)."""

    AUKTORISERAD = "auktoriserad"
    UTBILDAD = "utbildad"
    OVRIG = "ovrig"


class TolkRecord(_Record):
    """The tolk of one session, as ``languages.md`` asks: no name, the agency and booking instead."""

    language: str = Field(min_length=2, max_length=20)
    """The BCP 47 tag of the language interpreted (``ar``, ``prs`` …)."""
    dialect: StoredText | None = Field(default=None, max_length=100)
    """Free text, e.g. "syrisk" or "irakisk"."""
    mode: TolkMode = TolkMode.PA_PLATS
    level: TolkLevel = TolkLevel.AUKTORISERAD
    agency: StoredText | None = Field(default=None, max_length=200)
    booking_reference: StoredText | None = Field(default=None, max_length=100)


class Session(_Record):
    """One meeting of at most an hour."""

    id: str = Field(default_factory=new_id)
    kartlaggning_id: str
    number: int = Field(ge=1)
    started_at: AwareDatetime
    ended_at: AwareDatetime | None = None
    caseworker: StoredText
    reading_register: Register = Register.STANDARD
    language: str | None = Field(default=None, min_length=2, max_length=20)
    """The participant's reading language shown beside the Swedish (BCP 47); None: Swedish only."""
    tolk: bool = False
    tolk_record: TolkRecord | None = None
    """Who interpreted and how, when a tolk took part (older sessions have only ``tolk``)."""
    time_frame_minutes: int = Field(default=60, ge=5, le=60)
    """Today's planned length, told to the participant at the start."""
    next_meeting: date | None = None
    """When to meet next, set when the session ends."""
    end_note: StoredText | None = None
    """A short note at the end: what is left to talk about."""


class Revision(_Record):
    """An earlier text of an answer, kept when the answer was edited."""

    revision: int = Field(ge=1)
    text: StoredText
    saved_at: AwareDatetime
    saved_by: StoredText


class TagChange(_Record):
    """A tag set on an answer; the newest one counts, earlier ones stay as history."""

    tag: Tag | None
    set_at: AwareDatetime
    set_by: StoredText


class Exchange(_Record):
    """A question that was asked and what happened: an answer, or a skip."""

    id: str = Field(default_factory=new_id)
    kartlaggning_id: str
    session_id: str
    seq: int = Field(ge=1)
    """Order within the kartläggning (1, 2, 3 …)."""
    area_id: str
    question_id: str | None
    """The bank question's id; None for the caseworker's own follow-up."""
    source: Source
    question_text: StoredText
    """The wording as it was asked, in the register of the session."""
    parent_id: str | None = None
    """For probes and own follow-ups: the exchange they follow up."""
    asked_at: AwareDatetime
    skipped: bool = False
    answer: StoredText | None = None
    """The current text of the answer (None when skipped)."""
    revision: int = 1
    """1 for the first text; each edit adds one."""
    answered_at: AwareDatetime | None = None
    answered_by: StoredText | None = None
    """The caseworker who wrote the answer down (the participant's words)."""
    revisions: tuple[Revision, ...] = ()
    """Earlier texts of the answer, oldest first."""
    tags: tuple[TagChange, ...] = ()
    """Every tag set on the answer, oldest first."""

    @property
    def tag(self) -> Tag | None:
        """The answer's current tag."""
        return self.tags[-1].tag if self.tags else None


class PendingQuestion(_Record):
    """A probe or an own follow-up chosen but not yet answered."""

    source: Source
    area_id: str
    question_id: str | None
    text: StoredText
    parent_id: str | None


class Cursor(_Record):
    """Where the interview stands: the current area and a chosen follow-up, if any."""

    area_id: str
    pending: PendingQuestion | None = None
    updated_at: AwareDatetime


class Action(_Record):
    """An åtgärd: what must happen first, who is responsible, and by when."""

    id: str = Field(default_factory=new_id)
    kartlaggning_id: str
    position: int = Field(ge=1)
    """Order in the list of åtgärder (1 first); gaps are left where one was removed."""
    what: StoredText = Field(min_length=1, max_length=1000)
    who: StoredText = Field(min_length=1, max_length=200)
    due: date | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime
    updated_by: StoredText


class KartlaggningRecord(_Record):
    """Everything stored about one kartläggning, enough to rebuild the interview exactly."""

    participant: Participant
    kartlaggning: Kartlaggning
    sessions: tuple[Session, ...] = ()
    exchanges: tuple[Exchange, ...] = ()
    cursor: Cursor | None = None
    actions: tuple[Action, ...] = ()
    """The current åtgärder (removed ones are not included), by position."""
    statements: tuple[Statement, ...] = ()
    """Every statement of the karta in the order written, removed ones too, each with its history."""
