"""The caseworker's part: the assessment, the participant's synpunkter, the read-back, the signatures."""

from __future__ import annotations

from datetime import tzinfo

from interview.dates import format_date
from interview.draft.compose.sentences import (
    local_day,
    plain,
    session_ref,
    split_paragraphs,
    version_ref,
)
from interview.draft.models import (
    ASSESSMENT_FIELDS,
    Block,
    DraftStatus,
    DraftVersion,
    Section,
    SectionKind,
    Sentence,
    SentenceKind,
    Span,
)
from interview.i18n import _
from interview.languages import is_known, language
from interview.records import KartlaggningRecord


def interpreted_back(record: KartlaggningRecord, version: DraftVersion, name: str) -> str | None:
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


def assessment_section(version: DraftVersion) -> Section:
    """Return the caseworker's assessment, paragraph by paragraph, marked as the caseworker's words."""
    blocks = []
    for field, heading in ASSESSMENT_FIELDS:
        text: str = getattr(version.sections, field)
        paragraphs = split_paragraphs(text)
        if paragraphs:
            sentences = tuple(
                Sentence(
                    spans=(Span(text=paragraph),),
                    kind=SentenceKind.CASEWORKER,
                    refs=(version_ref(field),),
                )
                for paragraph in paragraphs
            )
        else:
            sentences = (plain(_("Inget är skrivet här ännu."), version_ref(field)),)
        blocks.append(Block(heading=_(heading), sentences=sentences))
    return Section(
        id="assessment",
        kind=SectionKind.ASSESSMENT,
        title=_("Handläggarens bedömning"),
        note=_("Handläggaren har skrivit den här delen. Det är inte deltagarens egna ord."),
        blocks=tuple(blocks),
    )


def synpunkter_section(version: DraftVersion, name: str) -> Section:
    """Return the participant's synpunkter in their own words (or that there are none yet)."""
    ref = version_ref("synpunkter")
    if version.synpunkter is None:
        sentences: tuple[Sentence, ...] = (
            plain(
                _("Här skrivs det {name} vill säga om texten, när vi har läst den tillsammans.").format(
                    name=name
                ),
                ref,
            ),
        )
    elif not version.synpunkter.strip():
        sentences = (plain(_("{name} har inga synpunkter.").format(name=name), ref),)
    else:
        sentences = tuple(
            Sentence(
                spans=(Span(text=paragraph, own_words=True),),
                kind=SentenceKind.PARTICIPANT,
                refs=(ref,),
            )
            for paragraph in split_paragraphs(version.synpunkter)
        )
    return Section(
        id="synpunkter",
        kind=SectionKind.SYNPUNKTER,
        title=_("Deltagarens synpunkter"),
        note=_("Med deltagarens egna ord."),
        blocks=(Block(sentences=sentences),),
    )


def read_back_section(
    record: KartlaggningRecord, version: DraftVersion, name: str, zone: tzinfo | None
) -> Section:
    """Return who read the text through together and when (and that it was interpreted)."""
    ref = version_ref("read_back")
    if version.read_back_at is not None:
        sentence = plain(
            _("{name} och {caseworker} läste igenom texten tillsammans den {day}.").format(
                name=name,
                caseworker=version.read_back_by or "",
                day=local_day(version.read_back_at, zone),
            ),
            ref,
        )
    else:
        sentence = plain(_("Texten har inte lästs igenom med {name} ännu.").format(name=name), ref)
    sentences = [sentence]
    interpreted = interpreted_back(record, version, name)
    if interpreted is not None:
        last = max(record.sessions, key=lambda session: session.number)
        sentences.append(plain(interpreted, ref, session_ref(last)))
    return Section(
        id="read_back",
        kind=SectionKind.READ_BACK,
        title=_("Genomläsning"),
        blocks=(Block(sentences=tuple(sentences)),),
    )


def signatures_section(version: DraftVersion) -> Section:
    """Return who signed this version and when (or that nobody has yet)."""
    ref = version_ref("signature")
    signature = version.signature
    if signature is not None:
        sentence = plain(
            _("{participant} och {caseworker} skrev under version {version} den {day}.").format(
                participant=signature.participant,
                caseworker=signature.caseworker,
                version=version.version,
                day=format_date(signature.signed_on),
            ),
            ref,
        )
    else:
        sentence = plain(_("Ingen har skrivit under den här versionen ännu."), ref)
    return Section(
        id="signatures",
        kind=SectionKind.SIGNATURES,
        title=_("Underskrifter"),
        blocks=(Block(sentences=(sentence,)),),
    )
