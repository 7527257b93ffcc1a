"""The small pieces every section is made of: sentences and the references that tie them to records.

Every sentence the composer writes carries :class:`~interview.draft.models.SourceRef` references to the
records it was made from; the participant's words are quoted verbatim and marked as their own.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from interview.dates import format_date
from interview.draft.models import RefKind, Sentence, SourceRef, Span
from interview.i18n import _
from interview.personnummer import IdentityNumber
from interview.records import Exchange, KartlaggningRecord, Participant, Session


def first_name(participant: Participant) -> str:
    """Return the name used in running text ("Sara berättar …")."""
    return participant.name.split()[0]


def genitive(name: str) -> str:
    """Return the Swedish genitive of a name: "Leilas", but "Jonas" and "Alex" as they are."""
    return name if name[-1:].casefold() in {"s", "x", "z"} else f"{name}s"


def masked_number(participant: Participant) -> str:
    """Return the personnummer as printed (last four digits hidden), or a dash."""
    if participant.personnummer is None:
        return "–"
    return IdentityNumber(participant.personnummer).masked()


def local_day(moment: datetime, zone: tzinfo | None) -> str:
    """Return the local date of ``moment`` in ``zone``, as printed."""
    return format_date(moment.astimezone(zone).date())


def answer_ref(exchange: Exchange) -> SourceRef:
    """Return the reference to ``exchange``'s answer (its revision included)."""
    return SourceRef(kind=RefKind.ANSWER, id=exchange.id, seq=exchange.seq, revision=exchange.revision)


def session_ref(session: Session) -> SourceRef:
    """Return the reference to ``session``."""
    return SourceRef(kind=RefKind.SESSION, id=session.id)


def version_ref(field: str) -> SourceRef:
    """Return the reference to ``field`` of the draft version."""
    return SourceRef(kind=RefKind.VERSION, id=field)


def whole_ref(record: KartlaggningRecord) -> SourceRef:
    """Return the reference to the whole kartläggning (for what no single record says)."""
    return SourceRef(kind=RefKind.KARTLAGGNING, id=record.kartlaggning.id)


def plain(text: str, *refs: SourceRef) -> Sentence:
    """Return a sentence of kartlagg's own ``text``, referring to ``refs``."""
    return Sentence(spans=(Span(text=text),), refs=refs)


def quoted(exchange: Exchange, name: str) -> Sentence:
    """``På frågan ”…” berättar Sara: ”…”`` with the answer verbatim."""
    if exchange.question_text.rstrip().endswith("?"):
        lead = _("På frågan ”{question}” berättar {name}: ”").format(
            question=exchange.question_text, name=name
        )
    else:
        # Said aloud but not a question ("Vi har en timme i dag."): no "På frågan".
        lead = _("Efter ”{statement}” berättar {name}: ”").format(
            statement=exchange.question_text, name=name
        )
    return Sentence(
        spans=(
            Span(text=lead),
            Span(text=exchange.answer or "", own_words=True),
            Span(text="”"),
        ),
        refs=(answer_ref(exchange),),
    )


def split_paragraphs(text: str) -> list[str]:
    """Split a free text into its paragraphs (blank lines between), keeping each one verbatim."""
    parts: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            parts.append("\n".join(current))
            current = []
    if current:
        parts.append("\n".join(current))
    return parts
