"""Where a sentence of the sammanställning comes from: the answers, åtgärder, sessions behind it.

:func:`sources_text` is a plain function over the records (testable without a terminal); the
:class:`SourcePanel` shows its result. Every stored text is shown through
:func:`interview.text.for_display` in a rich ``Text``, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.banks.models import Bank
from interview.dates import format_date
from interview.draft.models import ASSESSMENT_FIELDS, DraftVersion, RefKind, Sentence, SourceRef
from interview.i18n import _
from interview.records import Exchange, KartlaggningRecord
from interview.text import for_display
from interview.tui.labels import day, masked_number, tag_label
from interview.tui.summary import session_line

VERSION_PARTS: dict[str, str] = {
    **{
        field: _("Handläggarens text: {heading}").format(heading=_(heading))
        for field, heading in ASSESSMENT_FIELDS
    },
    "synpunkter": _("Deltagarens synpunkter, skrivna när ni läste igenom texten"),
    "read_back": _("Genomläsningen med deltagaren"),
    "signature": _("Underskrifterna"),
    "status": _("Versionens nummer och status"),
}
"""What each part of a version is called (the ``id`` of a VERSION reference)."""


def _area_title(bank: Bank, area_id: str) -> str:
    try:
        return bank.area(area_id).title
    except KeyError:
        return area_id


def _answer(ref: SourceRef, record: KartlaggningRecord, bank: Bank) -> Text:
    exchange = next((item for item in record.exchanges if item.id == ref.id), None)
    text = Text()
    seq = ref.seq if ref.seq is not None else "?"
    if exchange is None:
        text.append(_("Svar {seq}: finns inte längre bland svaren.").format(seq=seq), style="bold")
        return text
    text.append(
        _("Svar {seq} · {area}").format(
            seq=exchange.seq, area=for_display(_area_title(bank, exchange.area_id))
        ),
        style="bold",
    )
    session = next((item for item in record.sessions if item.id == exchange.session_id), None)
    if session is not None:
        text.append(
            "\n"
            + _("Samtal {number}, {date}").format(number=session.number, date=day(session.started_at)),
            style="dim",
        )
    text.append("\n" + _("Frågan: "), style="bold")
    text.append(for_display(exchange.question_text))
    if exchange.skipped:
        text.append("\n" + _("Frågan hoppades över."), style="italic")
        return text
    text.append("\n" + _("Svaret: "), style="bold")
    text.append(for_display(exchange.answer or ""))
    text.append("\n" + _("Märkning: ") + tag_label(exchange.tag))
    _revisions(text, ref, exchange)
    return text


def _revisions(text: Text, ref: SourceRef, exchange: Exchange) -> None:
    """Earlier texts of an edited answer, and a note when the sentence quotes an older one."""
    if ref.revision is not None and ref.revision != exchange.revision:
        text.append(
            "\n"
            + _("Texten citerar version {quoted} av svaret. Svaret har ändrats sedan dess.").format(
                quoted=ref.revision
            ),
            style="bold",
        )
    if not exchange.revisions:
        return
    text.append("\n" + _("Ändrat. Tidigare text:"), style="bold")
    for revision in exchange.revisions:
        text.append(
            "\n  "
            + _("version {n}, {date}, {who}: ").format(
                n=revision.revision, date=day(revision.saved_at), who=for_display(revision.saved_by)
            ),
            style="dim",
        )
        text.append(for_display(revision.text))


def _action(ref: SourceRef, record: KartlaggningRecord) -> Text:
    action = next((item for item in record.actions if item.id == ref.id), None)
    if action is None:
        return Text(_("Åtgärden har tagits bort sedan texten skrevs."), style="bold")
    text = Text(_("Åtgärd {n}").format(n=action.position), style="bold")
    text.append("\n" + _("Vad: "), style="bold")
    text.append(for_display(action.what))
    text.append("\n" + _("Vem: "), style="bold")
    text.append(for_display(action.who))
    text.append("\n" + _("När: "), style="bold")
    text.append(format_date(action.due) if action.due else _("inget datum"))
    return text


def _session(ref: SourceRef, record: KartlaggningRecord) -> Text:
    session = next((item for item in record.sessions if item.id == ref.id), None)
    if session is None:
        return Text(_("Samtalet finns inte längre."), style="bold")
    return Text(for_display(session_line(session)))


def _version(ref: SourceRef, version: DraftVersion) -> Text:
    text = Text(VERSION_PARTS.get(ref.id, ref.id), style="bold")
    text.append(
        "\n" + _("Version {n} · {status}").format(n=version.version, status=version.status.label)
    )
    if ref.id == "read_back" and version.read_back_at is not None:
        text.append(
            "\n"
            + _("Läst {date} med {who}").format(
                date=day(version.read_back_at), who=for_display(version.read_back_by or "")
            )
        )
    elif ref.id == "signature" and version.signature is not None:
        text.append(
            "\n" + _("Underskriven {date}").format(date=format_date(version.signature.signed_on))
        )
    elif ref.id == "status" and version.reviewed_at is not None:
        text.append(
            "\n"
            + _("Granskad {date} av {who}").format(
                date=day(version.reviewed_at), who=for_display(version.reviewed_by or "")
            )
        )
    elif version.updated_by:
        text.append(
            "\n"
            + _("Senast ändrad {date} av {who}").format(
                date=day(version.updated_at), who=for_display(version.updated_by)
            )
        )
    return text


def _participant(record: KartlaggningRecord) -> Text:
    participant = record.participant
    text = Text(_("Deltagarens uppgifter i kartlagg"), style="bold")
    text.append("\n" + for_display(participant.name) + "   " + masked_number(participant))
    text.append("\n" + _("Tillagd {date}").format(date=day(participant.created_at)), style="dim")
    return text


def _whole(record: KartlaggningRecord, bank: Bank) -> Text:
    kartlaggning = record.kartlaggning
    answered = sum(1 for exchange in record.exchanges if not exchange.skipped)
    text = Text(_("Kartläggningen som helhet"), style="bold")
    text.append(
        "\n"
        + _("Frågebank: {title}, version {version}").format(
            title=for_display(bank.title), version=for_display(bank.version)
        )
    )
    text.append(
        "\n"
        + _("Startad {date} av {who} · {answers} svar i {sessions} samtal").format(
            date=day(kartlaggning.created_at),
            who=for_display(kartlaggning.created_by),
            answers=answered,
            sessions=len(record.sessions),
        )
    )
    text.append("\n" + _("Meningen säger vad som finns, eller inte finns, bland svaren."), style="dim")
    return text


def _settings(ref: SourceRef, unit: str) -> Text:
    text = Text(_("Enhetens inställningar"), style="bold")
    if ref.id == "unit":
        text.append("\n" + _("Enhetens namn: ") + for_display(unit))
    text.append(
        "\n" + _("Det står i kartlaggs inställningar (kommandot kartlagg where visar var)."),
        style="dim",
    )
    return text


def sources_text(
    sentence: Sentence | None,
    record: KartlaggningRecord,
    bank: Bank,
    version: DraftVersion,
    unit: str,
) -> Text:
    """Describe where ``sentence`` comes from, one block per reference."""
    if sentence is None:
        return Text(_("Välj en mening med pilarna för att se vad den bygger på."), style="italic")
    if not sentence.refs:
        return Text(_("Den här raden skriver kartlagg själv."), style="italic")
    parts: list[Text] = []
    for ref in sentence.refs:
        if ref.kind is RefKind.ANSWER:
            parts.append(_answer(ref, record, bank))
        elif ref.kind is RefKind.ACTION:
            parts.append(_action(ref, record))
        elif ref.kind is RefKind.SESSION:
            parts.append(_session(ref, record))
        elif ref.kind is RefKind.VERSION:
            parts.append(_version(ref, version))
        elif ref.kind is RefKind.PARTICIPANT:
            parts.append(_participant(record))
        elif ref.kind is RefKind.KARTLAGGNING:
            parts.append(_whole(record, bank))
        elif ref.kind is RefKind.SETTINGS:
            parts.append(_settings(ref, unit))
    return Text("\n\n").join(parts)


class SourcePanel(VerticalScroll, can_focus=False):
    """The panel beside (or under) the draft that shows the highlighted sentence's sources."""

    def compose(self) -> ComposeResult:
        """Lay out the title and the text."""
        yield Static(_("Varifrån texten kommer"), classes="panel-title", markup=False)
        yield Static("", id="sources-text", markup=False)

    def show(self, text: Text) -> None:
        """Show ``text`` from the top."""
        self.query_one("#sources-text", Static).update(text)
        self.scroll_home(animate=False)
