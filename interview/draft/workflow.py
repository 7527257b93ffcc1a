"""The versions of one sammanställning and the steps between them.

utkast → granskad → genomläst med deltagaren → undertecknad. Each step is written through a
:class:`DraftStore` first and kept in memory only after the store has committed it. Signing freezes
the version: its composed draft is stored as canonical JSON with its SHA-256, and the database refuses
any later change to it. A change after signing makes a new version, which starts as an utkast.
"""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Protocol

from interview.banks.models import Bank
from interview.clock import Clock
from interview.draft.canonical import canonical_json, content_hash, read_frozen
from interview.draft.compose import compose
from interview.draft.models import (
    ASSESSMENT_FIELDS,
    MAX_SECTION_CHARS,
    MAX_SYNPUNKTER_CHARS,
    CaseworkerSections,
    Draft,
    DraftStatus,
    DraftVersion,
    Signature,
)
from interview.errors import UserError
from interview.i18n import _
from interview.records import KartlaggningRecord
from interview.text import clean_input

MAX_NAME_CHARS = 200


class DraftError(UserError):
    """A step that cannot be taken now; ``str(error)`` tells the user why, in Swedish."""


class DraftStore(Protocol):
    """Durable reads and writes of draft versions; each write is one committed transaction."""

    def draft_versions(self, kartlaggning_id: str) -> list[DraftVersion]:
        """Return the stored versions, oldest first."""

    def add_draft_version(self, version: DraftVersion) -> None:
        """Store a new version."""

    def update_draft_version(self, version: DraftVersion) -> DraftVersion:
        """Replace a stored version that is not signed; return it as stored (with the chain head)."""


class Drafts:
    """The sammanställning of one kartläggning: its versions, and the steps that change them."""

    def __init__(
        self,
        record: KartlaggningRecord,
        bank: Bank,
        store: DraftStore,
        clock: Clock,
        *,
        unit: str,
        zone: tzinfo | None = None,
    ) -> None:
        """Read the stored versions of ``record``'s sammanställning from ``store``."""
        self.record = record
        self.bank = bank
        self.unit = unit
        self.zone = zone
        self._store = store
        self._clock = clock
        self._versions = list(store.draft_versions(record.kartlaggning.id))

    # ----------------------------------------------------------------------------- reading

    @property
    def versions(self) -> tuple[DraftVersion, ...]:
        """The stored versions, oldest first."""
        return tuple(self._versions)

    @property
    def current(self) -> DraftVersion:
        """The latest version (an unsaved, empty version 1 before anything was written)."""
        if self._versions:
            return self._versions[-1]
        now = self._clock()
        return DraftVersion(
            kartlaggning_id=self.record.kartlaggning.id,
            version=1,
            created_at=now,
            updated_at=now,
            updated_by="",
        )

    def draft(self, version: DraftVersion | None = None) -> Draft:
        """Return the draft of ``version`` (the current one by default).

        A signed version gives exactly what was signed (its frozen content); an unsigned one is
        composed from the answers as they are now.
        """
        chosen = version or self.current
        if chosen.signed and chosen.content is not None:
            return read_frozen(chosen.content)
        return self._compose(chosen)

    def _compose(self, version: DraftVersion) -> Draft:
        return compose(self.record, self.bank, version, unit=self.unit, zone=self.zone)

    @staticmethod
    def verify(version: DraftVersion) -> bool:
        """Tell whether a signed version's content still matches its stored SHA-256."""
        if version.content is None or version.sha256 is None:
            return False
        return content_hash(version.content) == version.sha256

    @property
    def changed_after_signing(self) -> bool:
        """True when the current version is signed but the answers now say something else."""
        current = self.current
        if not current.signed:
            return False
        return canonical_json(self._compose(current)) != current.content

    # ----------------------------------------------------------------------------- steps

    def _save(self, updated: DraftVersion) -> DraftVersion:
        stored = any(version.id == updated.id for version in self._versions)
        if stored:
            updated = self._store.update_draft_version(updated)
            self._versions = [updated if v.id == updated.id else v for v in self._versions]
        else:
            self._store.add_draft_version(updated)
            self._versions.append(updated)
        return updated

    def _editable(self) -> DraftVersion:
        """Return the version to change: the current one, or a new one after a signed version."""
        current = self.current
        if not current.signed:
            return current
        now = self._clock()
        return DraftVersion(
            kartlaggning_id=current.kartlaggning_id,
            version=current.version + 1,
            sections=current.sections,
            created_at=now,
            updated_at=now,
            updated_by=current.updated_by,
        )

    def new_version(self, by: str) -> DraftVersion:
        """Start a new version after a signed one (for answers changed after signing)."""
        if not self.current.signed:
            raise DraftError(_("Den senaste versionen är inte underskriven. Ändra i den i stället."))
        base = self._editable()
        return self._save(base.model_copy(update={"updated_by": _author(by)}))

    def save_sections(self, sections: CaseworkerSections, by: str) -> DraftVersion:
        """Store the caseworker's three sections.

        A change sends the version back to utkast, since what was reviewed and read is no longer
        what it says; after a signed version the change makes a new version.
        """
        cleaned = CaseworkerSections(
            **{
                field: _section(getattr(sections, field), heading)
                for field, heading in ASSESSMENT_FIELDS
            }
        )
        base = self._editable()
        if cleaned == base.sections and not base.signed and base in self._versions:
            return base
        now = self._clock()
        return self._save(
            base.model_copy(
                update={
                    "sections": cleaned,
                    "status": DraftStatus.UTKAST,
                    "updated_at": now,
                    "updated_by": _author(by),
                    "reviewed_at": None,
                    "reviewed_by": None,
                    "read_back_at": None,
                    "read_back_by": None,
                }
            )
        )

    def mark_reviewed(self, by: str) -> DraftVersion:
        """Mark the draft as reviewed by the caseworker (utkast → granskad)."""
        base = self.current
        if base.signed:
            raise DraftError(_("Versionen är underskriven. Gör en ny version om något ska ändras."))
        if base.status is not DraftStatus.UTKAST:
            raise DraftError(_("Versionen är redan granskad."))
        now = self._clock()
        author = _author(by)
        return self._save(
            base.model_copy(
                update={
                    "status": DraftStatus.GRANSKAD,
                    "updated_at": now,
                    "updated_by": author,
                    "reviewed_at": now,
                    "reviewed_by": author,
                }
            )
        )

    def save_synpunkter(self, text: str, by: str) -> DraftVersion:
        """Store the participant's synpunkter as typed so far during the read-back."""
        current = self.current
        if current.status not in {DraftStatus.GRANSKAD, DraftStatus.GENOMLAST}:
            raise DraftError(_("Synpunkter skrivs när den granskade texten läses igenom."))
        return self._save(
            current.model_copy(
                update={
                    "synpunkter": _synpunkter(text),
                    "updated_at": self._clock(),
                    "updated_by": _author(by),
                }
            )
        )

    def finish_read_back(self, synpunkter: str, by: str) -> DraftVersion:
        """Record that the text was read through with the participant (granskad → genomläst)."""
        current = self.current
        if current.status not in {DraftStatus.GRANSKAD, DraftStatus.GENOMLAST}:
            raise DraftError(_("Granska texten innan den läses igenom med deltagaren."))
        now = self._clock()
        author = _author(by)
        return self._save(
            current.model_copy(
                update={
                    "status": DraftStatus.GENOMLAST,
                    "synpunkter": _synpunkter(synpunkter),
                    "updated_at": now,
                    "updated_by": author,
                    "read_back_at": now,
                    "read_back_by": author,
                }
            )
        )

    def sign(self, participant: str, caseworker: str, signed_on: date) -> DraftVersion:
        """Sign the version that was read through: freeze it and store its SHA-256."""
        current = self.current
        if current.status is DraftStatus.UNDERTECKNAD:
            raise DraftError(_("Versionen är redan underskriven."))
        if current.status is not DraftStatus.GENOMLAST:
            raise DraftError(_("Läs igenom texten med deltagaren innan den skrivs under."))
        if signed_on > self._clock().astimezone(self.zone).date():
            raise DraftError(_("Datumet för underskriften kan inte vara senare än i dag."))
        signature = Signature(
            participant=_name(participant, _("Skriv deltagarens namn.")),
            caseworker=_name(caseworker, _("Skriv handläggarens namn.")),
            signed_on=signed_on,
        )
        now = self._clock()
        signed = current.model_copy(
            update={
                "status": DraftStatus.UNDERTECKNAD,
                "signature": signature,
                "signed_at": now,
                "updated_at": now,
                "updated_by": signature.caseworker,
            }
        )
        content = canonical_json(self._compose(signed))
        return self._save(
            signed.model_copy(update={"content": content, "sha256": content_hash(content)})
        )


def _author(by: str) -> str:
    return clean_input(by).strip()[:MAX_NAME_CHARS]


def _name(text: str, missing: str) -> str:
    cleaned = " ".join(clean_input(text).split())
    if not cleaned:
        raise DraftError(missing)
    if len(cleaned) > MAX_NAME_CHARS:
        raise DraftError(_("Namnet är för långt (högst {limit} tecken).").format(limit=MAX_NAME_CHARS))
    return cleaned


def _limited(text: str, limit: int, too_long: str, **names: str) -> str:
    """Return ``text`` cleaned; a DraftError with ``too_long`` ({count}, {limit}) when over ``limit``."""
    cleaned = clean_input(text).strip()
    if len(cleaned) > limit:
        raise DraftError(too_long.format(count=len(cleaned), limit=limit, **names))
    return cleaned


def _section(text: str, heading: str) -> str:
    too_long = _("{heading} är för lång ({count} tecken, högst {limit}).")
    return _limited(text, MAX_SECTION_CHARS, too_long, heading=_(heading))


def _synpunkter(text: str) -> str:
    return _limited(
        text,
        MAX_SYNPUNKTER_CHARS,
        _("Synpunkterna är för långa ({count} tecken, högst {limit})."),
    )
