"""The audit trail: who did what (create, change, tag, move, sign, export, erase …), and when.

Every entry names an action, the caseworker as entered, the moment, the subject (a kind and an id,
never a name) and a few details without personal content. Each entry carries the hash of the one
before it and its own hash over everything, so changing, removing or reordering any entry breaks the
chain from that entry on. The hash of the newest entry is the *chain head*; a signed sammanställning
prints the head at its signing, which fixes the whole log up to that moment.

A signed version is bound to its sign entry: the entry holds the SHA-256 of the signed row (content,
signatures, times), so a changed byte in a signed document is found too (see :func:`verify`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from interview.i18n import N_, _

GENESIS = "0" * 64
"""The "previous hash" of the first entry."""


class AuditAction(StrEnum):
    """What was done."""

    CREATE = "create"
    CHANGE = "change"
    TAG = "tag"
    SIGN = "sign"
    EXPORT = "export"
    ERASE = "erase"
    RETENTION = "retention"
    MOVE = "move"
    """A statement moved to another column of the karta."""
    REORDER = "reorder"
    """A statement moved up or down in its column."""
    REMOVE = "remove"
    """A statement taken off the karta (kept, with its history)."""

    @property
    def label(self) -> str:
        """The action in the interface language."""
        return _(_ACTION_LABELS[self])


_ACTION_LABELS = {
    AuditAction.CREATE: N_("skapade"),
    AuditAction.CHANGE: N_("ändrade"),
    AuditAction.TAG: N_("taggade"),
    AuditAction.SIGN: N_("undertecknade"),
    AuditAction.EXPORT: N_("exporterade"),
    AuditAction.ERASE: N_("raderade"),
    AuditAction.RETENTION: N_("gallrade"),
    AuditAction.MOVE: N_("flyttade till en annan kolumn"),
    AuditAction.REORDER: N_("ändrade ordningen på"),
    AuditAction.REMOVE: N_("tog bort"),
}


class AuditEvent(BaseModel):
    """One thing done, before it is placed in the chain."""

    model_config = ConfigDict(frozen=True)

    at: AwareDatetime
    actor: str = Field(max_length=200)
    """The caseworker's name as entered (or the computer account for a command)."""
    action: AuditAction
    subject: str = Field(max_length=200)
    """``kind:id`` (``participant:…``, ``answer:…``, ``draft:…``), never a name."""
    detail: dict[str, Any] = Field(default_factory=dict)
    """Facts without personal content: a version number, a tag, a format, a count, a hash."""


_KIND_LABELS = {
    "participant": N_("personen"),
    "kartlaggning": N_("kartläggningen"),
    "session": N_("ett samtal"),
    "answer": N_("ett svar"),
    "action": N_("en åtgärd"),
    "statement": N_("en formulering på kartan"),
    "draft": N_("sammanställningen"),
    "consent": N_("ett medgivande"),
    "database": N_("databasen"),
}


def subject_label(subject: str) -> str:
    """Return what an entry is about in words ("ett svar"), from its ``kind:id`` subject."""
    kind = subject.partition(":")[0]
    label = _KIND_LABELS.get(kind)
    return _(label) if label is not None else kind


def canonical(value: Mapping[str, Any]) -> str:
    """Return ``value`` as canonical JSON (sorted keys, compact, UTF-8 kept as it is)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(
    *, seq: int, at: str, actor: str, action: str, subject: str, detail: str, prev_hash: str
) -> str:
    """Return the SHA-256 of one entry's stored fields and the hash before it (all as stored text)."""
    body = canonical(
        {
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "subject": subject,
            "detail": detail,
            "prev": prev_hash,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def moment_text(at: datetime) -> str:
    """Return the stored form of an entry's time."""
    return at.isoformat()


class StoredEntry(BaseModel):
    """One row of the audit table exactly as stored (text, so that any changed byte counts)."""

    model_config = ConfigDict(frozen=True)

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    detail: str
    prev_hash: str
    hash: str

    def expected_hash(self) -> str:
        """Return the hash this row must have."""
        return entry_hash(
            seq=self.seq,
            at=self.at,
            actor=self.actor,
            action=self.action,
            subject=self.subject,
            detail=self.detail,
            prev_hash=self.prev_hash,
        )


class SignedRow(BaseModel):
    """A signed version as stored: its id, its content hash column, and the hash of the whole row."""

    model_config = ConfigDict(frozen=True)

    draft_id: str
    content: str
    sha256: str
    row_sha256: str
    """SHA-256 of every stored column of the row but the chain head (see :func:`row_hash`)."""
    audit_head: str | None


def row_hash(columns: Mapping[str, Any]) -> str:
    """Return the SHA-256 of a stored row's columns (canonical JSON)."""
    return hashlib.sha256(canonical(dict(columns)).encode("utf-8")).hexdigest()


class Verdict(BaseModel):
    """The result of :func:`verify`."""

    model_config = ConfigDict(frozen=True)

    entries: int
    signed: int
    head: str
    broken_seq: int | None = None
    """The first entry that does not hold (None when the chain holds)."""
    broken_draft: str | None = None
    """A signed version that does not match its sign entry (None when all match)."""
    reason: str | None = None
    """Why, in the interface language."""

    @property
    def ok(self) -> bool:
        """True when the chain and every signed version hold."""
        return self.reason is None


_BROKEN_HASH = N_("posten är ändrad (dess hash stämmer inte)")
_BROKEN_LINK = N_("kedjan är bruten (posten pekar inte på posten före)")
_BROKEN_SEQ = N_("en post saknas eller har flyttats (numret följer inte på det förra)")
_BROKEN_DETAIL = N_("posten går inte att läsa")


class Chain(BaseModel):
    """What reading the log from its first entry found: how far it holds, and its sign entries."""

    model_config = ConfigDict(frozen=True)

    entries: int
    head: str
    signs: dict[str, tuple[str, str]]
    """Each signed version's id → the row hash its sign entry holds, and that entry's hash."""
    erased: frozenset[str]
    """Signed versions removed by an erase entry (gallring)."""
    broken: Verdict | None = None
    """The first entry that does not hold (None when the whole chain holds)."""


def walk(entries: Iterable[StoredEntry]) -> Chain:
    """Read the chain from the first entry; stop at the first entry that does not hold."""
    prev = GENESIS
    count = 0
    signs: dict[str, tuple[str, str]] = {}
    erased: set[str] = set()
    for expected_seq, entry in enumerate(entries, start=1):
        count = expected_seq
        reason = None
        if entry.seq != expected_seq:
            reason = _BROKEN_SEQ
        elif entry.prev_hash != prev:
            reason = _BROKEN_LINK
        elif entry.hash != entry.expected_hash():
            reason = _BROKEN_HASH
        detail: Any = None
        if reason is None:
            try:
                detail = json.loads(entry.detail)
            except ValueError:
                reason = _BROKEN_DETAIL
        if reason is not None:  # named by its place: a renumbered entry has lost its own number
            broken = Verdict(entries=count, signed=0, head=prev, broken_seq=count, reason=_(reason))
            return Chain(entries=count, head=prev, signs=signs, erased=frozenset(erased), broken=broken)
        kind, _sep, subject_id = entry.subject.partition(":")
        if isinstance(detail, dict):
            if entry.action == AuditAction.SIGN and kind == "draft":
                signs[subject_id] = (str(detail.get("row_sha256", "")), entry.hash)
            if entry.action == AuditAction.ERASE:
                erased.update(str(item) for item in detail.get("drafts", ()))
        prev = entry.hash
    return Chain(entries=count, head=prev, signs=signs, erased=frozenset(erased))


def check_signed(chain: Chain, signed: Iterable[SignedRow]) -> Verdict:
    """Check every signed version against its sign entry in ``chain`` (a chain that holds)."""
    checked = 0
    seen: set[str] = set()
    for row in signed:
        checked += 1
        seen.add(row.draft_id)
        problem = _signed_problem(row, chain.signs.get(row.draft_id))
        if problem is not None:
            return Verdict(
                entries=chain.entries,
                signed=checked,
                head=chain.head,
                broken_draft=row.draft_id,
                reason=problem,
            )
    missing = sorted(set(chain.signs) - seen - chain.erased)
    if missing:
        return Verdict(
            entries=chain.entries,
            signed=checked,
            head=chain.head,
            broken_draft=missing[0],
            reason=_("en underskriven version saknas i databasen fast den inte har raderats"),
        )
    return Verdict(entries=chain.entries, signed=checked, head=chain.head)


def verify(entries: Iterable[StoredEntry], signed: Iterable[SignedRow]) -> Verdict:
    """Check the chain from the first entry, then every signed version against its sign entry."""
    chain = walk(entries)
    return chain.broken if chain.broken is not None else check_signed(chain, signed)


def _signed_problem(row: SignedRow, recorded: tuple[str, str] | None) -> str | None:
    """Return why ``row`` does not match its sign entry (``recorded``: row hash, entry hash)."""
    if hashlib.sha256(row.content.encode("utf-8")).hexdigest() != row.sha256:
        return _("den underskrivna texten stämmer inte med sin kontrollsumma")
    if recorded is None:
        return _("den underskrivna versionen saknar sin post i loggen")
    row_sha256, entry_hash_at_signing = recorded
    if row_sha256 != row.row_sha256:
        return _("den underskrivna versionen har ändrats efter underskriften")
    if row.audit_head != entry_hash_at_signing:
        return _("kedjehuvudet som skrevs ut vid underskriften stämmer inte med loggen")
    return None
