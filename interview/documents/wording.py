"""The fixed Swedish wording every document format shares: checksum, signature lines, page labels."""

from __future__ import annotations

from dataclasses import dataclass

from interview.dates import format_date
from interview.draft.models import Draft, SectionKind
from interview.i18n import _

from .printable import printable


@dataclass(frozen=True)
class SignatureLine:
    """One line to sign or write on: its label and, once signed, what is printed under it."""

    label: str
    printed: str | None


def checksum_text(sha256: str | None) -> str:
    """Return the checksum line: the SHA-256 of the signed version, or that there is none."""
    if sha256 is None:
        return _("Inte underskriven – ingen kontrollsumma")
    return _("Kontrollsumma (SHA-256): {sha256}").format(sha256=printable(sha256))


def chain_head_text(audit_head: str) -> str:
    """Return the line naming the audit log's chain head at signing (``kartlagg audit verify``)."""
    return _("Granskningsloggens kedjehuvud vid underskriften: {head}").format(
        head=printable(audit_head)
    )


def version_text(draft: Draft) -> str:
    """Return ``Version 2 · undertecknad``."""
    return _("Version {version} · {status}").format(version=draft.version, status=draft.status.label)


def identity_text(draft: Draft) -> str:
    """Return the name and the masked personnummer, as the top of every page shows them."""
    return f"{printable(draft.participant_name)} · {printable(draft.personnummer_masked)}"


def document_title(draft: Draft) -> str:
    """Return the document's title (the heading section's, or the usual one)."""
    for section in draft.sections:
        if section.kind is SectionKind.HEADING:
            return printable(section.title)
    return _("Sammanställning av kartläggning")


def metadata_title(draft: Draft) -> str:
    """Return a title for the file's metadata: no name, no personnummer."""
    return _("Sammanställning av kartläggning, version {version}").format(version=draft.version)


def not_covered_text() -> str:
    """Return the mark on an area that was not talked about."""
    return _("Inte taget upp")


def signing_heading() -> str:
    """Return the heading over the lines for signing on paper."""
    return _("Underskrifter på papper")


def signature_lines(draft: Draft) -> tuple[SignatureLine, ...]:
    """Return the three lines for signing on paper, with the printed names and date once signed."""
    signature = draft.signature
    if signature is None:
        return (
            SignatureLine(_("Deltagarens underskrift"), None),
            SignatureLine(_("Handläggarens underskrift"), None),
            SignatureLine(_("Ort och datum"), None),
        )
    return (
        SignatureLine(
            _("Deltagarens underskrift"),
            _("Namnförtydligande: {name}").format(name=printable(signature.participant)),
        ),
        SignatureLine(
            _("Handläggarens underskrift"),
            _("Namnförtydligande: {name}").format(name=printable(signature.caseworker)),
        ),
        SignatureLine(
            _("Ort och datum"),
            _("Datum: {day}").format(day=format_date(signature.signed_on)),
        ),
    )


def page_number_words() -> tuple[str, str]:
    """Return the words around the page numbers: ``("Sida", "av")`` for "Sida 2 av 5"."""
    return _("Sida"), _("av")
