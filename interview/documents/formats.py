"""The formats a sammanställning can be exported to."""

from __future__ import annotations

from enum import StrEnum

from interview.i18n import N_, _

_LABELS = {
    "pdf": N_("PDF för utskrift och underskrift"),
    "docx": N_("Word-dokument (DOCX)"),
    "html": N_("Webbsida (HTML)"),
    "md": N_("Text med Markdown"),
}


class ExportFormat(StrEnum):
    """A document format; the value is the file name's suffix without the dot."""

    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    MD = "md"

    @property
    def label(self) -> str:
        """The format as the caseworker chooses it, in Swedish."""
        return _(_LABELS[self.value])

    @property
    def suffix(self) -> str:
        """The file name's suffix with its dot: ``.pdf``."""
        return f".{self.value}"

    @property
    def binary(self) -> bool:
        """True when the document is bytes (PDF, DOCX) rather than UTF-8 text."""
        return self in {ExportFormat.PDF, ExportFormat.DOCX}
