"""The medgivande om informationsutbyte: which parties, which information, for what, and for how long.

A medgivande lifts secrecy so that the unit may exchange information about the participant with the
parties named in it. It is not the legal basis of the unit's own processing (that is its public task,
see :mod:`interview.privacy_notice`). A participant may have several; the newest is the one that
counts. A withdrawn medgivande is kept, with the day and the way the withdrawal was received.

Rules that hold for any record are checked when a :class:`Consent` is made and raise
:class:`ConsentError` (a Swedish message and the field to fix); rules that depend on today are
checked by :func:`check_new` and :func:`withdraw`. No textual import here.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from interview.engine import InterviewError
from interview.formatting import display_date
from interview.i18n import N_, _
from interview.languages import is_known
from interview.records import StoredText, new_id

CONSENT_TEXT_VERSION = "medgivande-2026-1"
"""The version of :data:`CONSENT_TEXT`; stored with every medgivande so it names what was shown."""

# The text is the record of what the participant agreed to, so it is always Swedish (a tolk or the
# caseworker explains it in the participant's language). Change it only together with the version.
CONSENT_TEXT = """\
Medgivande om informationsutbyte

Uppgifter om dig skyddas av sekretess. Med det här medgivandet låter du arbetsmarknadsenheten \
hämta och lämna uppgifter om dig hos de parter som står nedan. Det gäller bara de uppgifter, de \
parter och det syfte som står här.

Det är frivilligt. Du kan säga nej. Du får stöd från arbetsmarknadsenheten ändå. Men det kan ta \
längre tid, eftersom vi då inte kan prata direkt med de andra parterna. Du kan själv lämna \
uppgifter till dem.

Du kan ta tillbaka (återkalla) medgivandet när du vill. Säg det till din handläggare, muntligt \
eller skriftligt. Det gäller från den dagen. Uppgifter som redan har lämnats kan inte tas tillbaka.

Medgivandet gäller från och till de datum som står nedan, högst 12 månader.
"""

MAX_MONTHS = 12
"""The longest a medgivande may be valid."""
EXPIRES_SOON_DAYS = 30
"""A medgivande that ends within this many days is shown as going out soon."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConsentError(InterviewError):
    """A medgivande that cannot be stored as it is; ``str(error)`` says why, in Swedish.

    ``field`` names what to fix (``parties``, ``categories``, ``purpose``, ``valid_from``,
    ``valid_to``, ``signed_on``, ``voluntary``, ``language``, ``caseworker``, ``withdrawn_on``, or
    ``name-<party kind>``), so a form can put the cursor there.
    """

    def __init__(self, message: str, field: str = "") -> None:
        """Carry the Swedish message and the field."""
        super().__init__(message)
        self.field = field


class PartyKind(StrEnum):
    """Who information may be exchanged with."""

    ARBETSFORMEDLINGEN = "arbetsformedlingen"
    FORSAKRINGSKASSAN = "forsakringskassan"
    VARDENHET = "vardenhet"
    """A named health unit (the name is required)."""
    SOCIALTJANSTEN = "socialtjansten"
    """The social services' unit (its name is optional)."""
    ARBETSMARKNADSENHETEN = "arbetsmarknadsenheten"
    OTHER = "annan"
    """Another party (the name is required)."""

    @property
    def label(self) -> str:
        """The kind of party in the interface language."""
        return _(_PARTY_LABELS[self])

    @property
    def needs_name(self) -> bool:
        """True when the party must be named in free text."""
        return self in {PartyKind.VARDENHET, PartyKind.OTHER}

    @property
    def takes_name(self) -> bool:
        """True when a free-text name may be given."""
        return self in {PartyKind.VARDENHET, PartyKind.SOCIALTJANSTEN, PartyKind.OTHER}


_PARTY_LABELS = {
    PartyKind.ARBETSFORMEDLINGEN: N_("Arbetsförmedlingen"),
    PartyKind.FORSAKRINGSKASSAN: N_("Försäkringskassan"),
    PartyKind.VARDENHET: N_("Vårdenhet"),
    PartyKind.SOCIALTJANSTEN: N_("Socialtjänsten"),
    PartyKind.ARBETSMARKNADSENHETEN: N_("Arbetsmarknadsenheten"),
    PartyKind.OTHER: N_("Annan part"),
}


class Direction(StrEnum):
    """Which way information may go between the unit and a party."""

    OBTAIN = "hamta"
    """The unit may obtain information from the party."""
    DISCLOSE = "lamna"
    """The unit may disclose information to the party."""
    BOTH = "bada"

    @property
    def label(self) -> str:
        """The direction in the interface language."""
        return _(_DIRECTION_LABELS[self])


_DIRECTION_LABELS = {
    Direction.OBTAIN: N_("får hämta uppgifter från"),
    Direction.DISCLOSE: N_("får lämna uppgifter till"),
    Direction.BOTH: N_("får hämta och lämna uppgifter"),
}


class Category(StrEnum):
    """A kind of information the medgivande covers."""

    IDENTITY = "identitet"
    SOCIAL = "social_situation"
    ECONOMY = "ekonomi"
    HEALTH = "halsa"
    MEDICINES = "lakemedel"
    EDUCATION = "utbildning"
    WORK_HISTORY = "arbetslivserfarenhet"
    SUPPORT = "pagaende_stod"

    @property
    def label(self) -> str:
        """The kind of information in the interface language."""
        return _(_CATEGORY_LABELS[self])


_CATEGORY_LABELS = {
    Category.IDENTITY: N_("Identitet och kontaktuppgifter"),
    Category.SOCIAL: N_("Social situation"),
    Category.ECONOMY: N_("Ekonomi"),
    Category.HEALTH: N_("Fysisk och psykisk hälsa, så långt det påverkar arbete"),
    Category.MEDICINES: N_("Läkemedel och beroendeframkallande medel"),
    Category.EDUCATION: N_("Utbildning"),
    Category.WORK_HISTORY: N_("Arbetslivserfarenhet"),
    Category.SUPPORT: N_("Pågående stöd och insatser"),
}


class WithdrawalChannel(StrEnum):
    """How a withdrawal was received."""

    MUNTLIGT = "muntligt"
    SKRIFTLIGT = "skriftligt"
    OMBUD = "ombud"

    @property
    def label(self) -> str:
        """The way in the interface language."""
        return _(_CHANNEL_LABELS[self])


_CHANNEL_LABELS = {
    WithdrawalChannel.MUNTLIGT: N_("muntligt"),
    WithdrawalChannel.SKRIFTLIGT: N_("skriftligt"),
    WithdrawalChannel.OMBUD: N_("via ombud"),
}


class Party(_Record):
    """One party information may be exchanged with, and which way."""

    kind: PartyKind
    name: StoredText | None = Field(default=None, max_length=200)
    """The health unit's or other party's name, or the social services' unit."""
    direction: Direction = Direction.BOTH

    @model_validator(mode="after")
    def _named(self) -> Party:
        name = (self.name or "").strip()
        if self.kind.needs_name and not name:
            if self.kind is PartyKind.VARDENHET:
                raise ConsentError(_("Skriv vårdenhetens namn."), f"name-{self.kind.value}")
            raise ConsentError(_("Skriv namnet på den andra parten."), f"name-{self.kind.value}")
        if not self.kind.takes_name and name:
            raise ConsentError(_("Den här parten har inget eget namn."), f"name-{self.kind.value}")
        return self

    @property
    def label(self) -> str:
        """The party as it is shown, e.g. "Försäkringskassan" or "Vårdcentralen Exempel"."""
        if self.kind.needs_name and self.name:
            return self.name.strip()
        if self.name and self.name.strip():
            return f"{self.kind.label} ({self.name.strip()})"
        return self.kind.label


class Withdrawal(_Record):
    """When and how a medgivande was withdrawn, and who wrote it down."""

    withdrawn_on: date
    how: WithdrawalChannel
    recorded_by: StoredText = Field(min_length=1, max_length=200)
    recorded_at: AwareDatetime


class Consent(_Record):
    """One signed medgivande om informationsutbyte."""

    id: str = Field(default_factory=new_id)
    participant_id: str
    legal_representative: StoredText | None = Field(default=None, max_length=200)
    """The participant's legal representative (god man, förvaltare, vårdnadshavare), if any."""
    parties: tuple[Party, ...]
    categories: tuple[Category, ...]
    exclusions: StoredText | None = Field(default=None, max_length=2000)
    """Information that is explicitly *not* covered, in free text."""
    purpose: StoredText = Field(max_length=2000)
    valid_from: date
    valid_to: date
    """The last day the medgivande holds."""
    voluntary_explained: bool
    """The participant was told it is voluntary and what saying no means."""
    language: str | None = None
    """The language it was explained in (a tag of :mod:`interview.languages`); None: Swedish."""
    tolk: bool = False
    signed_on: date
    text_version: str = CONSENT_TEXT_VERSION
    created_at: AwareDatetime
    created_by: StoredText = Field(max_length=200)
    withdrawal: Withdrawal | None = None

    @model_validator(mode="after")
    def _holds(self) -> Consent:
        problem = _problem(self)
        if problem is not None:
            raise problem
        return self

    @property
    def parties_text(self) -> str:
        """The parties as a short list: "Arbetsförmedlingen, Försäkringskassan"."""
        return ", ".join(party.label for party in self.parties)


def latest_end(valid_from: date) -> date:
    """Return the last day a medgivande starting ``valid_from`` may hold (12 months on)."""
    return add_months(valid_from, MAX_MONTHS)


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved ``months`` on (the 31st becomes the last day of a shorter month)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _problem(consent: Consent) -> ConsentError | None:
    """Return the first rule ``consent`` breaks, in the order a form asks for the fields."""
    if not consent.parties:
        return ConsentError(_("Välj minst en part som uppgifter får utbytas med."), "parties")
    if len({(party.kind, (party.name or "").strip()) for party in consent.parties}) != len(
        consent.parties
    ):
        return ConsentError(_("Samma part står två gånger."), "parties")
    if not consent.categories:
        return ConsentError(_("Välj minst en sorts uppgifter."), "categories")
    if not consent.purpose.strip():
        return ConsentError(_("Skriv syftet med informationsutbytet."), "purpose")
    if consent.valid_from < consent.signed_on:
        return ConsentError(
            _("Medgivandet kan inte gälla från ett datum före underskriften."), "valid_from"
        )
    if consent.valid_to <= consent.valid_from:
        return ConsentError(_("Slutdatumet måste vara efter startdatumet."), "valid_to")
    if consent.valid_to > latest_end(consent.valid_from):
        return ConsentError(
            _("Ett medgivande får gälla högst 12 månader. Välj ett slutdatum senast {date}.").format(
                date=display_date(latest_end(consent.valid_from))
            ),
            "valid_to",
        )
    if not consent.voluntary_explained:
        return ConsentError(
            _("Bekräfta att du har berättat att medgivandet är frivilligt och vad ett nej betyder."),
            "voluntary",
        )
    if consent.language is not None and (consent.language == "sv" or not is_known(consent.language)):
        return ConsentError(_("Välj språket i listan."), "language")
    if not consent.created_by.strip():
        return ConsentError(_("Skriv handläggarens namn."), "caseworker")
    withdrawal = consent.withdrawal
    if withdrawal is not None and withdrawal.withdrawn_on < consent.signed_on:
        return ConsentError(
            _("Medgivandet kan inte återkallas före den dag det skrevs under ({date}).").format(
                date=display_date(consent.signed_on)
            ),
            "withdrawn_on",
        )
    return None


def check_new(consent: Consent, today: date) -> None:
    """Check what depends on ``today`` before a new medgivande is stored; raise :class:`ConsentError`."""
    if consent.signed_on > today:
        raise ConsentError(_("Underskriften kan inte vara daterad i framtiden."), "signed_on")
    if consent.valid_to < today:
        raise ConsentError(_("Slutdatumet har redan passerat."), "valid_to")


def withdraw(
    consent: Consent,
    withdrawn_on: date,
    how: WithdrawalChannel,
    *,
    by: str,
    at: datetime,
    today: date,
) -> Consent:
    """Return ``consent`` withdrawn on ``withdrawn_on``; refused when it already is, or in the future."""
    if consent.withdrawal is not None:
        raise ConsentError(already_withdrawn(consent.withdrawal.withdrawn_on), "withdrawn_on")
    if withdrawn_on > today:
        raise ConsentError(_("Återkallelsen kan inte vara daterad i framtiden."), "withdrawn_on")
    if not by.strip():
        raise ConsentError(_("Skriv handläggarens namn."), "caseworker")
    withdrawal = Withdrawal(withdrawn_on=withdrawn_on, how=how, recorded_by=by, recorded_at=at)
    return Consent.model_validate({**consent.model_dump(), "withdrawal": withdrawal})


def already_withdrawn(withdrawn_on: date | None) -> str:
    """Return the message for a second withdrawal."""
    if withdrawn_on is None:
        return _("Medgivandet är redan återkallat. Det går inte att återkalla det igen.")
    return _("Medgivandet återkallades redan {date}. Det går inte att återkalla det igen.").format(
        date=display_date(withdrawn_on)
    )


def current(consents: list[Consent] | tuple[Consent, ...]) -> Consent | None:
    """Return the medgivande that counts: the newest one (None if there is none)."""
    return consents[-1] if consents else None


class ConsentStatus(StrEnum):
    """Where the medgivande that counts stands today."""

    NONE = "none"
    VALID = "valid"
    EXPIRES_SOON = "expires_soon"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    NOT_YET_VALID = "not_yet_valid"

    @property
    def label(self) -> str:
        """A short Swedish word for the status."""
        return _(_STATUS_LABELS[self])

    @property
    def warning(self) -> bool:
        """True when no information may be exchanged: shown as a warning."""
        return self in {ConsentStatus.NONE, ConsentStatus.EXPIRED, ConsentStatus.WITHDRAWN}


_STATUS_LABELS = {
    ConsentStatus.NONE: N_("inget medgivande"),
    ConsentStatus.VALID: N_("gäller"),
    ConsentStatus.EXPIRES_SOON: N_("går snart ut"),
    ConsentStatus.EXPIRED: N_("utgånget"),
    ConsentStatus.WITHDRAWN: N_("återkallat"),
    ConsentStatus.NOT_YET_VALID: N_("gäller inte ännu"),
}


def consent_status(consent: Consent | None, today: date) -> ConsentStatus:
    """Return where ``consent`` stands on ``today`` (``valid_to`` is the last day it holds)."""
    if consent is None:
        return ConsentStatus.NONE
    if consent.withdrawal is not None:
        return ConsentStatus.WITHDRAWN
    if today < consent.valid_from:
        return ConsentStatus.NOT_YET_VALID
    if today > consent.valid_to:
        return ConsentStatus.EXPIRED
    if consent.valid_to - today <= timedelta(days=EXPIRES_SOON_DAYS):
        return ConsentStatus.EXPIRES_SOON
    return ConsentStatus.VALID


def consent_line(consent: Consent | None, today: date) -> str:
    """Return the medgivande at a glance, for the overview."""
    status = consent_status(consent, today)
    if consent is None or status is ConsentStatus.NONE:
        return _("Inget medgivande registrerat")
    parties = consent.parties_text
    if status is ConsentStatus.WITHDRAWN and consent.withdrawal is not None:
        return _("Medgivande: ÅTERKALLAT {date}").format(
            date=display_date(consent.withdrawal.withdrawn_on)
        )
    if status is ConsentStatus.EXPIRED:
        return _("Medgivande: UTGÅNGET {date}").format(date=display_date(consent.valid_to))
    if status is ConsentStatus.NOT_YET_VALID:
        return _("Medgivande: gäller från {date} ({parties})").format(
            date=display_date(consent.valid_from), parties=parties
        )
    if status is ConsentStatus.EXPIRES_SOON:
        return _("Medgivande: går snart ut, gäller till {date} ({parties})").format(
            date=display_date(consent.valid_to), parties=parties
        )
    return _("Medgivande: gäller till {date} ({parties})").format(
        date=display_date(consent.valid_to), parties=parties
    )
