"""The composer: a kartläggning's records in, a Swedish draft sammanställning out.

A pure function: no UI, no SQL, no clock. Every sentence it writes carries references to the records
it was made from. The participant's words are quoted verbatim and attributed; everything kartlagg
writes around them is short, plain Swedish (LIX ≤ 40, tested). Areas that were not talked about are
listed as such, never dropped, and nothing is stated that no record supports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo

from interview.banks.models import Area, AreaGroup, Bank
from interview.dates import format_date
from interview.draft.models import (
    ASSESSMENT_FIELDS,
    Block,
    Draft,
    DraftStatus,
    DraftVersion,
    RefKind,
    Section,
    SectionKind,
    Sentence,
    SentenceKind,
    SourceRef,
    Span,
)
from interview.engine import motivation_of
from interview.i18n import N_, _, ngettext, record_in_swedish
from interview.languages import is_known, language
from interview.personnummer import IdentityNumber
from interview.records import (
    Action,
    Exchange,
    KartlaggningRecord,
    Participant,
    Session,
    Tag,
    TolkLevel,
    TolkMode,
)

MOTIVATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("good_for_me", N_("Det här blir bättre för {name}")),
    ("less_good_for_me", N_("Det här kan bli svårare för {name}")),
    ("good_for_others", N_("Det här blir bättre för andra")),
    ("less_good_for_others", N_("Det här kan bli svårare för andra")),
)
"""The four fields of the motivationskors: the role and the heading (translated when used)."""

SCALES: tuple[tuple[str, tuple[str, str], str], ...] = (
    ("importance", ("importance_why", "importance_step"), N_("Hur viktigt det är att börja arbeta")),
    ("confidence", ("confidence_why", "confidence_step"), N_("Hur säker {name} är på att klara det")),
)
"""The two scales: the role, the roles of its follow-ups, and the heading."""


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


def _local_day(moment: datetime, zone: tzinfo | None) -> str:
    return format_date(moment.astimezone(zone).date())


def _answer_ref(exchange: Exchange) -> SourceRef:
    return SourceRef(kind=RefKind.ANSWER, id=exchange.id, seq=exchange.seq, revision=exchange.revision)


def _session_ref(session: Session) -> SourceRef:
    return SourceRef(kind=RefKind.SESSION, id=session.id)


def _version_ref(field: str) -> SourceRef:
    return SourceRef(kind=RefKind.VERSION, id=field)


def _whole(record: KartlaggningRecord) -> SourceRef:
    return SourceRef(kind=RefKind.KARTLAGGNING, id=record.kartlaggning.id)


def _plain(text: str, *refs: SourceRef) -> Sentence:
    return Sentence(spans=(Span(text=text),), refs=refs)


def _quoted(exchange: Exchange, name: str) -> Sentence:
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
        refs=(_answer_ref(exchange),),
    )


def _paragraphs(text: str) -> list[str]:
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


# ------------------------------------------------------------------------------------ heading


def _heading(
    record: KartlaggningRecord, bank: Bank, version: DraftVersion, unit: str, zone: tzinfo | None
) -> Section:
    participant = record.participant
    person = SourceRef(kind=RefKind.PARTICIPANT, id=participant.id)
    sessions = sorted(record.sessions, key=lambda session: session.number)
    items = [
        _plain(_("Deltagare: {name}").format(name=participant.name), person),
        _plain(
            _("Personnummer: {number}").format(number=masked_number(participant)),
            person,
        ),
        _plain(_("Enhet: {unit}").format(unit=unit), SourceRef(kind=RefKind.SETTINGS, id="unit")),
    ]
    if sessions:
        dates = ", ".join(
            _("samtal {number} den {day}").format(
                number=session.number, day=_local_day(session.started_at, zone)
            )
            for session in sessions
        )
        items.append(
            _plain(_("Samtal: {dates}.").format(dates=dates), *(_session_ref(s) for s in sessions))
        )
        caseworkers = list(dict.fromkeys(session.caseworker for session in sessions))
        items.append(
            _plain(
                ngettext("Handläggare: {names}", "Handläggare: {names}", len(caseworkers)).format(
                    names=", ".join(caseworkers)
                ),
                *(_session_ref(s) for s in sessions),
            )
        )
        items.extend(
            _plain(_tolk_sentence(session), _session_ref(session))
            for session in sessions
            if session.tolk_record is not None
        )
        with_tolk = [s for s in sessions if s.tolk and s.tolk_record is None]
        if with_tolk:
            numbers = _joined([str(session.number) for session in with_tolk])
            items.append(
                _plain(
                    ngettext(
                        "Tolk var med vid samtal {numbers}.",
                        "Tolk var med vid samtalen {numbers}.",
                        len(with_tolk),
                    ).format(numbers=numbers),
                    *(_session_ref(s) for s in with_tolk),
                )
            )
    else:
        items.append(_plain(_("Inga samtal har hållits ännu."), _whole(record)))
    items.append(
        _plain(
            _("Frågebank: {title}, version {version}.").format(title=bank.title, version=bank.version),
            _whole(record),
        )
    )
    items.append(
        _plain(
            _("Version {version} ({status}).").format(
                version=version.version, status=version.status.label
            ),
            _version_ref("status"),
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


def _interpreted_back(record: KartlaggningRecord, version: DraftVersion, name: str) -> str | None:
    """Say that the sammanställning was interpreted before the participant commented and signed.

    It is said when the version was read back (or signed) and the latest session had a tolk record.
    """
    read_back = version.status in {DraftStatus.GENOMLAST, DraftStatus.UNDERTECKNAD}
    sessions = sorted(record.sessions, key=lambda session: session.number)
    if not read_back or not sessions or sessions[-1].tolk_record is None:
        return None
    tag = sessions[-1].tolk_record.language
    return _(
        "Sammanställningen har tolkats till {language} innan {name} lämnade synpunkter och skrev under."
    ).format(language=language(tag).name if is_known(tag) else tag, name=name)


def _joined(items: Sequence[str]) -> str:
    """``1``, ``1 och 2``, ``1, 2 och 3``."""
    if len(items) <= 1:
        return "".join(items)
    return _("{first} och {last}").format(first=", ".join(items[:-1]), last=items[-1])


# -------------------------------------------------------------------------------------- areas


def _not_covered(area: Area, skipped: Sequence[Exchange], whole: SourceRef) -> Section:
    if skipped:
        sentence = _plain(
            ngettext(
                "Området togs inte upp. {count} fråga hoppades över.",
                "Området togs inte upp. {count} frågor hoppades över.",
                len(skipped),
            ).format(count=len(skipped)),
            *(_answer_ref(exchange) for exchange in skipped),
        )
    else:
        sentence = _plain(_("Området har inte tagits upp."), whole)
    return Section(
        id=area.id,
        kind=SectionKind.AREA,
        title=area.title,
        blocks=(Block(sentences=(sentence,)),),
        covered=False,
    )


def _skipped_sentence(skipped: Sequence[Exchange]) -> Sentence:
    return _plain(
        ngettext("{count} fråga hoppades över.", "{count} frågor hoppades över.", len(skipped)).format(
            count=len(skipped)
        ),
        *(_answer_ref(exchange) for exchange in skipped),
    )


def _told_blocks(answered: Sequence[Exchange], name: str) -> list[Block]:
    """Quote what the participant told: plain facts, then hinder, then resurser, each in order."""
    told = [exchange for exchange in answered if exchange.tag not in {Tag.HINDER, Tag.RESURS}]
    hinder = [exchange for exchange in answered if exchange.tag is Tag.HINDER]
    resurser = [exchange for exchange in answered if exchange.tag is Tag.RESURS]
    blocks: list[Block] = []
    if told:
        blocks.append(Block(sentences=tuple(_quoted(exchange, name) for exchange in told)))
    for tagged, heading in (
        (hinder, _("Det här ser {name} som hinder för arbete")),
        (resurser, _("Det här ser {name} som resurser")),
    ):
        if tagged:
            blocks.append(
                Block(
                    heading=heading.format(name=name),
                    sentences=tuple(_quoted(exchange, name) for exchange in tagged),
                    listed=True,
                )
            )
    return blocks


def _area(area: Area, exchanges: Sequence[Exchange], name: str, whole: SourceRef) -> Section:
    answered = [exchange for exchange in exchanges if not exchange.skipped]
    skipped = [exchange for exchange in exchanges if exchange.skipped]
    if not answered:
        return _not_covered(area, skipped, whole)
    blocks = _told_blocks(answered, name)
    if skipped:
        blocks.append(Block(sentences=(_skipped_sentence(skipped),)))
    return Section(id=area.id, kind=SectionKind.AREA, title=area.title, blocks=tuple(blocks))


def _motivation(
    area: Area, bank: Bank, exchanges: Sequence[Exchange], name: str, whole: SourceRef
) -> Section:
    answered = [exchange for exchange in exchanges if not exchange.skipped]
    skipped = [exchange for exchange in exchanges if exchange.skipped]
    if not answered:
        return _not_covered(area, skipped, whole)
    motivation = motivation_of(bank, exchanges)
    used: set[str] = set()
    blocks: list[Block] = []

    goal = motivation.answers.get("goal", ())
    if goal:
        blocks.append(
            Block(
                heading=_("Målet med {genitive} egna ord").format(genitive=genitive(name)),
                sentences=tuple(_quoted(exchange, name) for exchange in goal),
            )
        )
        used.update(exchange.id for exchange in goal)

    cross: list[Sentence] = []
    for role, heading in MOTIVATION_FIELDS:
        given = motivation.answers.get(role, ())
        title = _(heading).format(name=name)
        if given:
            for exchange in given:
                cross.append(
                    Sentence(
                        spans=(
                            Span(text=f"{title}: ”"),
                            Span(text=exchange.answer or "", own_words=True),
                            Span(text="”"),
                        ),
                        refs=(_answer_ref(exchange),),
                    )
                )
            used.update(exchange.id for exchange in given)
        else:
            cross.append(_plain(_("{field}: inget svar.").format(field=title), whole))
    blocks.append(Block(heading=_("Motivationskorset"), sentences=tuple(cross), listed=True))

    scales: list[Sentence] = []
    for role, follow_roles, heading in SCALES:
        title = _(heading).format(name=name)
        value = motivation.importance if role == "importance" else motivation.confidence
        latest = motivation.latest(role)
        if value is not None and latest is not None:
            scales.append(
                _plain(
                    _("{scale}: {value} av 10.").format(scale=title, value=value),
                    _answer_ref(latest),
                )
            )
        else:
            scales.append(_plain(_("{scale}: inget svar.").format(scale=title), whole))
        for given_role in (role, *follow_roles):
            for exchange in motivation.answers.get(given_role, ()):
                if given_role != role:
                    scales.append(_quoted(exchange, name))
                used.add(exchange.id)
    blocks.append(Block(heading=_("Skalorna från 0 till 10"), sentences=tuple(scales), listed=True))

    rest = [exchange for exchange in answered if exchange.id not in used]
    if rest:
        blocks.append(
            Block(
                heading=_("Mer om målet"),
                sentences=tuple(_quoted(exchange, name) for exchange in rest),
            )
        )
    if skipped:
        blocks.append(Block(sentences=(_skipped_sentence(skipped),)))
    return Section(id=area.id, kind=SectionKind.MOTIVATION, title=area.title, blocks=tuple(blocks))


def _action_sentence(action: Action) -> Sentence:
    if action.due is not None:
        text = _("{what}. Ansvarig: {who}. Klart senast {due}.").format(
            what=action.what.rstrip("."), who=action.who, due=format_date(action.due)
        )
    else:
        text = _("{what}. Ansvarig: {who}. Inget datum är satt.").format(
            what=action.what.rstrip("."), who=action.who
        )
    return Sentence(
        spans=(Span(text=text),),
        refs=(SourceRef(kind=RefKind.ACTION, id=action.id),),
    )


def _actions(
    area: Area,
    exchanges: Sequence[Exchange],
    actions: Sequence[Action],
    name: str,
    whole: SourceRef,
) -> Section:
    answered = [exchange for exchange in exchanges if not exchange.skipped]
    skipped = [exchange for exchange in exchanges if exchange.skipped]
    if not answered and not actions:
        return _not_covered(area, skipped, whole)
    blocks = _told_blocks(answered, name)
    ordered = sorted(actions, key=lambda action: action.position)
    if ordered:
        blocks.append(
            Block(
                heading=_("Åtgärder: vad, vem och när"),
                sentences=tuple(_action_sentence(action) for action in ordered),
                listed=True,
            )
        )
    else:
        blocks.append(Block(sentences=(_plain(_("Inga åtgärder är bestämda ännu."), whole),)))
    if skipped:
        blocks.append(Block(sentences=(_skipped_sentence(skipped),)))
    return Section(id=area.id, kind=SectionKind.ACTIONS, title=area.title, blocks=tuple(blocks))


# ------------------------------------------------------------------------ the caseworker's part


def _assessment(version: DraftVersion) -> Section:
    blocks = []
    for field, heading in ASSESSMENT_FIELDS:
        text: str = getattr(version.sections, field)
        paragraphs = _paragraphs(text)
        if paragraphs:
            sentences = tuple(
                Sentence(
                    spans=(Span(text=paragraph),),
                    kind=SentenceKind.CASEWORKER,
                    refs=(_version_ref(field),),
                )
                for paragraph in paragraphs
            )
        else:
            sentences = (_plain(_("Inget är skrivet här ännu."), _version_ref(field)),)
        blocks.append(Block(heading=_(heading), sentences=sentences))
    return Section(
        id="assessment",
        kind=SectionKind.ASSESSMENT,
        title=_("Handläggarens bedömning"),
        note=_("Handläggaren har skrivit den här delen. Det är inte deltagarens egna ord."),
        blocks=tuple(blocks),
    )


def _synpunkter(version: DraftVersion, name: str) -> Section:
    ref = _version_ref("synpunkter")
    if version.synpunkter is None:
        sentences: tuple[Sentence, ...] = (
            _plain(
                _("Här skrivs det {name} vill säga om texten, när vi har läst den tillsammans.").format(
                    name=name
                ),
                ref,
            ),
        )
    elif not version.synpunkter.strip():
        sentences = (_plain(_("{name} har inga synpunkter.").format(name=name), ref),)
    else:
        sentences = tuple(
            Sentence(
                spans=(Span(text=paragraph, own_words=True),),
                kind=SentenceKind.PARTICIPANT,
                refs=(ref,),
            )
            for paragraph in _paragraphs(version.synpunkter)
        )
    return Section(
        id="synpunkter",
        kind=SectionKind.SYNPUNKTER,
        title=_("Deltagarens synpunkter"),
        note=_("Med deltagarens egna ord."),
        blocks=(Block(sentences=sentences),),
    )


def _read_back(
    record: KartlaggningRecord, version: DraftVersion, name: str, zone: tzinfo | None
) -> Section:
    ref = _version_ref("read_back")
    if version.read_back_at is not None:
        sentence = _plain(
            _("{name} och {caseworker} läste igenom texten tillsammans den {day}.").format(
                name=name,
                caseworker=version.read_back_by or "",
                day=_local_day(version.read_back_at, zone),
            ),
            ref,
        )
    else:
        sentence = _plain(_("Texten har inte lästs igenom med {name} ännu.").format(name=name), ref)
    sentences = [sentence]
    interpreted = _interpreted_back(record, version, name)
    if interpreted is not None:
        last = max(record.sessions, key=lambda session: session.number)
        sentences.append(_plain(interpreted, ref, _session_ref(last)))
    return Section(
        id="read_back",
        kind=SectionKind.READ_BACK,
        title=_("Genomläsning"),
        blocks=(Block(sentences=tuple(sentences)),),
    )


def _signatures(version: DraftVersion) -> Section:
    ref = _version_ref("signature")
    signature = version.signature
    if signature is not None:
        sentence = _plain(
            _("{participant} och {caseworker} skrev under version {version} den {day}.").format(
                participant=signature.participant,
                caseworker=signature.caseworker,
                version=version.version,
                day=format_date(signature.signed_on),
            ),
            ref,
        )
    else:
        sentence = _plain(_("Ingen har skrivit under den här versionen ännu."), ref)
    return Section(
        id="signatures",
        kind=SectionKind.SIGNATURES,
        title=_("Underskrifter"),
        blocks=(Block(sentences=(sentence,)),),
    )


# ----------------------------------------------------------------------------------- compose


def unsigned_version(kartlaggning_id: str, record_time: datetime, by: str) -> DraftVersion:
    """Return a first version with nothing written yet, for composing before anything is stored."""
    return DraftVersion(
        kartlaggning_id=kartlaggning_id,
        version=1,
        status=DraftStatus.UTKAST,
        created_at=record_time,
        updated_at=record_time,
        updated_by=by,
    )


def _by_area(exchanges: Iterable[Exchange]) -> dict[str, list[Exchange]]:
    grouped: dict[str, list[Exchange]] = {}
    for exchange in sorted(exchanges, key=lambda item: item.seq):
        grouped.setdefault(exchange.area_id, []).append(exchange)
    return grouped


def compose(
    record: KartlaggningRecord,
    bank: Bank,
    version: DraftVersion,
    *,
    unit: str,
    zone: tzinfo | None = None,
) -> Draft:
    """Compose the draft sammanställning of ``record`` as ``version`` stands.

    ``bank`` gives the template's order and the area titles; ``unit`` is the unit's name for the
    heading; dates are shown in ``zone`` (the machine's zone when None). The draft is Swedish
    whatever the interface language: the record is always Swedish.
    """
    with record_in_swedish():
        return _compose(record, bank, version, unit=unit, zone=zone)


def _compose(
    record: KartlaggningRecord, bank: Bank, version: DraftVersion, *, unit: str, zone: tzinfo | None
) -> Draft:
    name = first_name(record.participant)
    whole = _whole(record)
    grouped = _by_area(record.exchanges)
    sections = [_heading(record, bank, version, unit, zone)]
    known = {area.id for area in bank.areas}
    for area in bank.areas:
        exchanges = grouped.get(area.id, [])
        if area.group is AreaGroup.MOTIVATION:
            sections.append(_motivation(area, bank, exchanges, name, whole))
        elif area.group is AreaGroup.ATGARDER:
            sections.append(_actions(area, exchanges, record.actions, name, whole))
        else:
            sections.append(_area(area, exchanges, name, whole))
    for area_id, exchanges in grouped.items():
        if area_id not in known:
            # An area the bank no longer has (a unit removed it): keep the answers, under its id.
            answered = [exchange for exchange in exchanges if not exchange.skipped]
            if answered:
                sections.append(
                    Section(
                        id=area_id,
                        kind=SectionKind.AREA,
                        title=area_id,
                        blocks=tuple(_told_blocks(answered, name)),
                    )
                )
    sections.append(_assessment(version))
    sections.append(_synpunkter(version, name))
    sections.append(_read_back(record, version, name, zone))
    sections.append(_signatures(version))
    return Draft(
        kartlaggning_id=record.kartlaggning.id,
        version=version.version,
        status=version.status,
        participant_name=record.participant.name,
        personnummer_masked=masked_number(record.participant),
        unit=unit,
        bank_title=bank.title,
        bank_version=bank.version,
        sections=tuple(sections),
        signature=version.signature,
    )
