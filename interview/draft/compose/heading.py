"""The heading of the sammanställning: the participant, the sessions, the caseworkers and the tolk."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from interview.banks.models import Bank
from interview.draft.compose.sentences import (
    local_day,
    masked_number,
    plain,
    session_ref,
    version_ref,
    whole_ref,
)
from interview.draft.models import Block, DraftVersion, RefKind, Section, SectionKind, SourceRef
from interview.i18n import N_, _, ngettext
from interview.languages import is_known, language
from interview.records import KartlaggningRecord, Session, TolkLevel, TolkMode


def heading_section(
    record: KartlaggningRecord, bank: Bank, version: DraftVersion, unit: str, zone: tzinfo | None
) -> Section:
    """Return the heading: participant, masked personnummer, unit, sessions, caseworkers, tolk, bank."""
    participant = record.participant
    person = SourceRef(kind=RefKind.PARTICIPANT, id=participant.id)
    sessions = sorted(record.sessions, key=lambda session: session.number)
    items = [
        plain(_("Deltagare: {name}").format(name=participant.name), person),
        plain(
            _("Personnummer: {number}").format(number=masked_number(participant)),
            person,
        ),
        plain(_("Enhet: {unit}").format(unit=unit), SourceRef(kind=RefKind.SETTINGS, id="unit")),
    ]
    if sessions:
        dates = ", ".join(
            _("samtal {number} den {day}").format(
                number=session.number, day=local_day(session.started_at, zone)
            )
            for session in sessions
        )
        items.append(
            plain(_("Samtal: {dates}.").format(dates=dates), *(session_ref(s) for s in sessions))
        )
        caseworkers = list(dict.fromkeys(session.caseworker for session in sessions))
        items.append(
            plain(
                ngettext("Handläggare: {names}", "Handläggare: {names}", len(caseworkers)).format(
                    names=", ".join(caseworkers)
                ),
                *(session_ref(s) for s in sessions),
            )
        )
        items.extend(
            plain(_tolk_sentence(session), session_ref(session))
            for session in sessions
            if session.tolk_record is not None
        )
        with_tolk = [s for s in sessions if s.tolk and s.tolk_record is None]
        if with_tolk:
            numbers = _joined([str(session.number) for session in with_tolk])
            items.append(
                plain(
                    ngettext(
                        "Tolk var med vid samtal {numbers}.",
                        "Tolk var med vid samtalen {numbers}.",
                        len(with_tolk),
                    ).format(numbers=numbers),
                    *(session_ref(s) for s in with_tolk),
                )
            )
    else:
        items.append(plain(_("Inga samtal har hållits ännu."), whole_ref(record)))
    items.append(
        plain(
            _("Frågebank: {title}, version {version}.").format(title=bank.title, version=bank.version),
            whole_ref(record),
        )
    )
    items.append(
        plain(
            _("Version {version} ({status}).").format(
                version=version.version, status=version.status.label
            ),
            version_ref("status"),
        )
    )
    return Section(
        id="heading",
        kind=SectionKind.HEADING,
        title=_("Sammanställning av kartläggning"),
        blocks=(Block(sentences=tuple(items), listed=True),),
    )


_TOLK_MODES = {
    TolkMode.PA_PLATS: N_("på plats"),
    TolkMode.TELEFON: N_("via telefon"),
    TolkMode.VIDEO: N_("via video"),
}
_TOLK_LEVELS = {
    TolkLevel.AUKTORISERAD: N_("auktoriserad tolk"),
    TolkLevel.UTBILDAD: N_("utbildad tolk"),
    TolkLevel.OVRIG: N_("tolk utan auktorisation eller tolkutbildning"),
}


def tolk_noun(tag: str) -> str:
    """Return the Swedish word for a tolk of a language: arabisktolk, tigrinjatolk, daritolk.

    A name of more than one word (kurdiska (sorani)) gives "tolk på kurdiska (sorani)".
    """
    name = language(tag).name if is_known(tag) else tag
    if " " in name or "(" in name:
        return _("tolk på {language}").format(language=name)
    if name.endswith("ska"):
        return name[:-1] + "tolk"
    return name + "tolk"


def _tolk_sentence(session: Session) -> str:
    """Return "Samtal 1 hölls med arabisktolk (syrisk dialekt) på plats; auktoriserad tolk …"."""
    record = session.tolk_record
    assert record is not None
    noun = tolk_noun(record.language)
    if record.dialect:
        noun += " " + _("({dialect})").format(dialect=record.dialect)
    sentence = _("Samtal {number} hölls med {tolk} {mode}; {level}").format(
        number=session.number,
        tolk=noun,
        mode=_(_TOLK_MODES[record.mode]),
        level=_(_TOLK_LEVELS[record.level]),
    )
    if record.agency:
        sentence += " " + _("från {agency}").format(agency=record.agency)
    if record.booking_reference:
        sentence += ", " + _("bokning {reference}").format(reference=record.booking_reference)
    return sentence + "."


def _joined(items: Sequence[str]) -> str:
    """``1``, ``1 och 2``, ``1, 2 och 3``."""
    if len(items) <= 1:
        return "".join(items)
    return _("{first} och {last}").format(first=", ".join(items[:-1]), last=items[-1])
