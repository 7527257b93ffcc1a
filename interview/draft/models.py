"""The sammanställning as data: a draft made of sections and sentences, each with its sources.

A :class:`Draft` is what the composer builds and every renderer (screen, HTML, PDF, DOCX, Markdown)
reads. Each :class:`Sentence` keeps :class:`SourceRef` references to what it was made from, and marks
which of its parts are the participant's own words, so those are quoted verbatim and never reworded.

A :class:`DraftVersion` is the stored state of one version: the caseworker's sections, the
participant's synpunkter, the status, and, once signed, the frozen content and its SHA-256.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from interview.i18n import N_, _
from interview.records import StoredText, new_id

MAX_SECTION_CHARS = 20_000
"""The longest text the caseworker may write in one of the assessment sections."""
MAX_SYNPUNKTER_CHARS = 20_000
"""The longest synpunkter text."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DraftStatus(StrEnum):
    """Where a version stands: utkast → granskad → genomläst med deltagaren → undertecknad."""

    UTKAST = "utkast"
    GRANSKAD = "granskad"
    GENOMLAST = "genomlast"
    UNDERTECKNAD = "undertecknad"

    @property
    def label(self) -> str:
        """The status as the caseworker reads it."""
        labels = {
            DraftStatus.UTKAST: _("utkast"),
            DraftStatus.GRANSKAD: _("granskad"),
            DraftStatus.GENOMLAST: _("genomläst med deltagaren"),
            DraftStatus.UNDERTECKNAD: _("undertecknad"),
        }
        return labels[self]


class RefKind(StrEnum):
    """What a reference points at."""

    PARTICIPANT = "participant"
    """The participant record (name, personnummer)."""
    KARTLAGGNING = "kartlaggning"
    """The kartläggning as a whole: its bank, and what it does not hold (an area never taken up)."""
    SETTINGS = "settings"
    """The unit's settings (its name)."""
    ANSWER = "answer"
    """An exchange (a question asked and answered or skipped)."""
    ACTION = "action"
    """An åtgärd."""
    SESSION = "session"
    """A session (its date, caseworker, tolk)."""
    VERSION = "version"
    """A field of the draft version itself (the caseworker's sections, synpunkter, signing)."""


class SourceRef(_Model):
    """Where a sentence comes from."""

    kind: RefKind
    id: str
    """The exchange, action or session id, or the version field's name."""
    seq: int | None = None
    """For answers: the exchange's number in the kartläggning (shown as "svar 12")."""
    revision: int | None = None
    """For answers: the text's revision the sentence quotes (1 = never edited)."""


class Span(_Model):
    """A piece of a sentence; ``own_words`` marks the participant's words, quoted verbatim."""

    text: str
    own_words: bool = False


class SentenceKind(StrEnum):
    """Who a sentence speaks for."""

    GENERATED = "generated"
    """Written by kartlagg from the records (plain Swedish, LIX ≤ 40)."""
    CASEWORKER = "caseworker"
    """The caseworker's own assessment text."""
    PARTICIPANT = "participant"
    """The participant's synpunkter, verbatim."""


class Sentence(_Model):
    """One sentence (or list item) of the draft with its sources."""

    spans: tuple[Span, ...]
    kind: SentenceKind = SentenceKind.GENERATED
    refs: tuple[SourceRef, ...] = ()

    @property
    def text(self) -> str:
        """The whole sentence as plain text."""
        return "".join(span.text for span in self.spans)

    @property
    def generated_text(self) -> str:
        """The sentence without the participant's own words (what the LIX rule applies to)."""
        return " ".join(span.text for span in self.spans if not span.own_words)


class Block(_Model):
    """A paragraph or a list under an optional subheading."""

    heading: str | None = None
    sentences: tuple[Sentence, ...]
    listed: bool = False
    """True when the sentences are list items rather than running text."""


class SectionKind(StrEnum):
    """The parts of a sammanställning, in the order they appear."""

    HEADING = "heading"
    AREA = "area"
    MOTIVATION = "motivation"
    ACTIONS = "actions"
    ASSESSMENT = "assessment"
    SYNPUNKTER = "synpunkter"
    READ_BACK = "read_back"
    SIGNATURES = "signatures"


class Section(_Model):
    """One titled part of the draft."""

    id: str
    """Stable within a draft: the area id for areas, the kind otherwise."""
    kind: SectionKind
    title: str
    note: str | None = None
    """A line under the title, e.g. that this is the caseworker's assessment."""
    blocks: tuple[Block, ...]
    covered: bool = True
    """False for an area that was not talked about."""

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence of the section, in order."""
        return tuple(sentence for block in self.blocks for sentence in block.sentences)


class Signature(_Model):
    """Who signed a version and when."""

    participant: StoredText = Field(min_length=1, max_length=200)
    caseworker: StoredText = Field(min_length=1, max_length=200)
    signed_on: date
    """The date both signed."""


class Draft(_Model):
    """A composed sammanställning: the header facts and the sections, in order."""

    kartlaggning_id: str
    version: int = Field(ge=1)
    status: DraftStatus
    participant_name: str
    personnummer_masked: str
    unit: str
    bank_title: str
    bank_version: str
    sections: tuple[Section, ...]
    signature: Signature | None = None

    def section(self, section_id: str) -> Section:
        """Return the section ``section_id``; ``KeyError`` if there is none."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


class CaseworkerSections(_Model):
    """The three sections only the caseworker writes."""

    assessment: StoredText = ""
    """Sammanfattning och bedömning."""
    rehabilitation: StoredText = ""
    """Rehabiliteringsförslag."""
    other_actions: StoredText = ""
    """Förslag på övriga åtgärder.

    The length of each (at most ``MAX_SECTION_CHARS``) is checked by the workflow, which says so in
    Swedish, so that the text typed is never refused before it can be kept in the box.
    """


ASSESSMENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("assessment", N_("Sammanfattning och bedömning")),
    ("rehabilitation", N_("Rehabiliteringsförslag")),
    ("other_actions", N_("Förslag på övriga åtgärder")),
)
"""The caseworker's three sections: the field of :class:`CaseworkerSections` and its heading
(marked for translation; pass it through ``_`` where it is shown)."""


class DraftVersion(_Model):
    """One stored version of a kartläggning's sammanställning."""

    id: str = Field(default_factory=new_id)
    kartlaggning_id: str
    version: int = Field(ge=1)
    status: DraftStatus = DraftStatus.UTKAST
    sections: CaseworkerSections = CaseworkerSections()
    synpunkter: StoredText | None = None
    """The participant's comments, typed at the read-back (None before it)."""
    created_at: AwareDatetime
    updated_at: AwareDatetime
    updated_by: StoredText
    reviewed_at: AwareDatetime | None = None
    reviewed_by: StoredText | None = None
    read_back_at: AwareDatetime | None = None
    read_back_by: StoredText | None = None
    signed_at: AwareDatetime | None = None
    signature: Signature | None = None
    content: str | None = None
    """The canonical JSON of the signed draft (set at signing, never changed)."""
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    """The SHA-256 of ``content`` (set at signing)."""
    audit_head: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    """The audit log's chain head at signing (the hash of the sign entry; set by the store)."""

    @property
    def signed(self) -> bool:
        """True once the version is signed and frozen."""
        return self.status is DraftStatus.UNDERTECKNAD


class DraftListing(_Model):
    """One kartläggning in the caseworker's list of sammanställningar."""

    kartlaggning_id: str
    participant_id: str
    participant_name: str
    personnummer: str | None
    started_at: AwareDatetime
    """When the kartläggning was created."""
    answers: int
    """Answers given so far."""
    version: int | None
    """The latest stored version (None before anything was written, i.e. version 1 unsaved)."""
    status: DraftStatus
    updated_at: AwareDatetime | None
    """When the latest version last changed."""
    signed_at: AwareDatetime | None
    records_changed_at: AwareDatetime | None
    """The last change to the answers, tags or åtgärder."""

    @property
    def changed_after_signing(self) -> bool:
        """True when the latest version is signed but the answers changed afterwards."""
        return (
            self.signed_at is not None
            and self.records_changed_at is not None
            and self.records_changed_at > self.signed_at
        )
