"""Everything stored about one person, for their right of access (GDPR art. 15 and 20).

:class:`PersonExport` is the machine-readable whole (JSON): the participant, every kartläggning with
its sessions, questions, answers with every earlier text and every tag set, the karta's statements
(removed ones too) with every earlier state, åtgärder, every version
of the sammanställning with what was signed, and every medgivande om informationsutbyte.
:func:`render_person_html` is the same as a page a person can read. Nothing here reads the database:
the command gathers the records and hands them in.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from pydantic import AwareDatetime, BaseModel, ConfigDict

from interview.audit import AuditAction, StoredEntry, subject_label
from interview.consent import Consent
from interview.dates import format_date
from interview.draft.models import ASSESSMENT_FIELDS, DraftVersion
from interview.i18n import _, record_in_swedish
from interview.karta.models import Statement, StatementChange
from interview.languages import is_known, language
from interview.records import Exchange, KartlaggningRecord, Participant, Session
from interview.text import controls_as_symbols

FORMAT_VERSION = 1


class KartlaggningExport(BaseModel):
    """One kartläggning with everything stored about it."""

    model_config = ConfigDict(frozen=True)

    record: KartlaggningRecord
    draft_versions: tuple[DraftVersion, ...] = ()


class PersonExport(BaseModel):
    """Everything stored about one participant."""

    model_config = ConfigDict(frozen=True)

    format_version: int = FORMAT_VERSION
    generated_at: AwareDatetime
    participant: Participant
    kartlaggningar: tuple[KartlaggningExport, ...] = ()
    consents: tuple[Consent, ...] = ()
    """Every medgivande om informationsutbyte, oldest first (withdrawn ones too)."""
    audit: tuple[StoredEntry, ...] = ()
    """The audit log's entries about anything of theirs: who did what, and when."""


def _text(value: str | None) -> str:
    """Escape ``value`` for HTML, control characters drawn as visible symbols (ESC as ␛)."""
    return escape(controls_as_symbols(value or ""), quote=True).replace("\n", "<br>")


def _moment(value: datetime | None) -> str:
    return escape(value.astimezone().strftime("%Y-%m-%d %H:%M")) if value else "–"


def _session_line(session: Session) -> str:
    parts = [
        _("Samtal {number}").format(number=session.number),
        _moment(session.started_at),
        _text(session.caseworker),
        _("lättläst") if session.reading_register.value == "lattlast" else _("standardsvenska"),
    ]
    if session.language:
        name = language(session.language).name if is_known(session.language) else session.language
        parts.append(_("visat på {language}").format(language=escape(name)))
    if session.tolk:
        parts.append(_("med tolk"))
    return " · ".join(parts)


def _exchange(exchange: Exchange) -> list[str]:
    lines = [f"<dt>{_text(exchange.question_text)}</dt>"]
    if exchange.skipped:
        lines.append(f"<dd><em>{escape(_('Frågan hoppades över.'))}</em></dd>")
        return lines
    lines.append(f'<dd><bdi dir="auto">{_text(exchange.answer)}</bdi>')
    if exchange.tag is not None:
        lines.append(f" <small>({escape(exchange.tag.value)})</small>")
    lines.append("</dd>")
    for revision in exchange.revisions:
        lines.append(
            "<dd><small>"
            + escape(_("Tidigare text ({moment}):").format(moment=_moment(revision.saved_at)))
            + f' <bdi dir="auto">{_text(revision.text)}</bdi></small></dd>'
        )
    for change in exchange.tags:
        tag = change.tag.value if change.tag else _("ingen")
        lines.append(
            "<dd><small>"
            + escape(
                _("Märkning {tag} satt {moment} av {who}").format(
                    tag=tag, moment=_moment(change.set_at), who=change.set_by
                )
            )
            + "</small></dd>"
        )
    return lines


def _change(change: StatementChange) -> str:
    labels = {
        StatementChange.CREATED: _("skriven"),
        StatementChange.EDITED: _("ändrad"),
        StatementChange.MOVED: _("flyttad"),
        StatementChange.REORDERED: _("flyttad i kolumnen"),
        StatementChange.REMOVED: _("borttagen"),
    }
    return labels[change]


def _statement(statement: Statement) -> list[str]:
    """One statement of the karta: where it stands, its text, its source and its earlier states."""
    where = f"{statement.area_id} · {statement.column.label}"
    source = (
        _("utan källa")
        if statement.without_source
        else _("ur {count} svar").format(count=len(statement.sources))
    )
    state = _("{change} {moment} av {who}").format(
        change=_change(statement.change), moment=_moment(statement.updated_at), who=statement.updated_by
    )
    lines = [
        f'<li>{escape(where)}: <bdi dir="auto">{_text(statement.text)}</bdi>'
        f" <small>({escape(source)}; {_text(state)})</small>"
    ]
    for revision in statement.revisions:
        earlier = _("Tidigare ({change} {moment} av {who}, {column}):").format(
            change=_change(revision.change),
            moment=_moment(revision.saved_at),
            who=revision.saved_by,
            column=revision.column.label,
        )
        lines.append(f'<br><small>{_text(earlier)} <bdi dir="auto">{_text(revision.text)}</bdi></small>')
    lines.append("</li>")
    return lines


def _kartlaggning(item: KartlaggningExport) -> list[str]:
    record = item.record
    out = [
        "<section>",
        "<h2>"
        + escape(
            _("Kartläggning {id}, startad {date}").format(
                id=record.kartlaggning.id[:8],
                date=format_date(record.kartlaggning.created_at.astimezone().date()),
            )
        )
        + "</h2>",
        f"<h3>{escape(_('Samtal'))}</h3>",
        "<ul>",
        *(f"<li>{_session_line(session)}</li>" for session in record.sessions),
        "</ul>",
        f"<h3>{escape(_('Frågor och svar'))}</h3>",
        "<dl>",
    ]
    for exchange in record.exchanges:
        out.extend(_exchange(exchange))
    out.append("</dl>")
    if record.statements:
        out.append(f"<h3>{escape(_('Kartan (hinder, fakta, resurser)'))}</h3><ul>")
        for statement in record.statements:
            out.extend(_statement(statement))
        out.append("</ul>")
    if record.actions:
        out.append(f"<h3>{escape(_('Åtgärder'))}</h3><ul>")
        out.extend(
            f"<li>{_text(action.what)} – {_text(action.who)}"
            + (f" ({escape(action.due.isoformat())})" if action.due else "")
            + "</li>"
            for action in record.actions
        )
        out.append("</ul>")
    for version in item.draft_versions:
        out.append(
            "<h3>"
            + escape(
                _("Sammanställning, version {number} ({status})").format(
                    number=version.version, status=version.status.label
                )
            )
            + "</h3>"
        )
        texts = [(_(title), getattr(version.sections, field)) for field, title in ASSESSMENT_FIELDS]
        for title, text in [*texts, (_("Deltagarens synpunkter"), version.synpunkter)]:
            if text:
                out.append(f"<p><strong>{escape(title)}:</strong> {_text(text)}</p>")
        if version.signature is not None:
            out.append(
                "<p>"
                + escape(
                    _("Underskriven {date} av {participant} och {caseworker}.").format(
                        date=version.signature.signed_on.isoformat(),
                        participant=version.signature.participant,
                        caseworker=version.signature.caseworker,
                    )
                )
                + f" SHA-256: <code>{escape(version.sha256 or '')}</code></p>"
            )
    out.append("</section>")
    return out


def _consent(consent: Consent) -> list[str]:
    """One medgivande: parties, information, purpose, dates and a withdrawal, if any."""
    parties = ", ".join(
        f"{_text(party.label)} ({escape(party.direction.label)})" for party in consent.parties
    )
    facts = [
        (
            _("Gäller"),
            f"{escape(format_date(consent.valid_from))} – {escape(format_date(consent.valid_to))}",
        ),
        (_("Parter"), parties),
        (_("Uppgifter"), escape(", ".join(category.label for category in consent.categories))),
        (_("Undantag"), _text(consent.exclusions) if consent.exclusions else "–"),
        (_("Syfte"), _text(consent.purpose)),
        (_("Företrädare"), _text(consent.legal_representative) if consent.legal_representative else "–"),
        (
            _("Underskrivet"),
            escape(
                _("{date}, text {version}, registrerat av {who}").format(
                    date=format_date(consent.signed_on),
                    version=consent.text_version,
                    who=consent.created_by,
                )
            ),
        ),
    ]
    if consent.withdrawal is not None:
        facts.append(
            (
                _("Återkallat"),
                escape(
                    _("{date} ({how}), registrerat av {who}").format(
                        date=format_date(consent.withdrawal.withdrawn_on),
                        how=consent.withdrawal.how.label,
                        who=consent.withdrawal.recorded_by,
                    )
                ),
            )
        )
    return ["<dl>", *(f"<dt>{escape(name)}</dt><dd>{value}</dd>" for name, value in facts), "</dl>"]


def render_person_html(export: PersonExport) -> str:
    """Return everything stored about the person as one readable, self-contained HTML page.

    The page is a record of a Swedish authority, so it is Swedish whatever the interface language.
    """
    with record_in_swedish():
        return _page(export)


def _page(export: PersonExport) -> str:
    person = export.participant
    title = _("Allt som finns sparat om {name}").format(name=person.name)
    number = person.personnummer or _("inget nummer")
    body = [
        "<!DOCTYPE html>",
        '<html lang="sv"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
        "dt{font-weight:bold;margin-top:.8em}small{color:#555}</style>",
        "</head><body>",
        f"<h1>{escape(title)}</h1>",
        "<p>"
        + escape(
            _("Utdrag gjort {moment}. Personnummer: {number}. Tillagd {date} av {who}.").format(
                moment=export.generated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                number=number,
                date=format_date(person.created_at.astimezone().date()),
                who=person.created_by,
            )
        )
        + "</p>",
    ]
    if person.no_number_reason:
        body.append(f"<p>{_text(person.no_number_reason)}</p>")
    if not export.kartlaggningar:
        body.append(f"<p>{escape(_('Det finns ingen kartläggning.'))}</p>")
    for item in export.kartlaggningar:
        body.extend(_kartlaggning(item))
    body.append(f"<section><h2>{escape(_('Medgivanden om informationsutbyte'))}</h2>")
    if not export.consents:
        body.append(f"<p>{escape(_('Det finns inget medgivande.'))}</p>")
    for consent in export.consents:
        body.extend(_consent(consent))
    body.append("</section>")
    body.extend(_audit(export.audit))
    body.append("</body></html>")
    return "\n".join(body) + "\n"


def _audit(entries: tuple[StoredEntry, ...]) -> list[str]:
    parts = [
        f"<section><h2>{escape(_('Vem som har gjort vad (granskningsloggen)'))}</h2>",
        "<ul>",
    ]
    for entry in entries:
        try:
            action = AuditAction(entry.action).label
        except ValueError:
            action = entry.action
        moment = datetime.fromisoformat(entry.at).astimezone().strftime("%Y-%m-%d %H:%M")
        parts.append(
            f"<li>{_text(moment)} {_text(entry.actor)} {_text(action)} "
            f"{_text(subject_label(entry.subject))}</li>"
        )
    parts += ["</ul>", "</section>"]
    return parts
