"""What a statement's text may be, and the karta's error for the user."""

from __future__ import annotations

from interview.errors import UserError
from interview.i18n import _
from interview.text import clean_input

MAX_STATEMENT_CHARS = 300
"""A new statement is a few words to a sentence."""


class KartaError(UserError):
    """A change of the karta that cannot be made; ``str(error)`` tells the user why, in Swedish."""

    @classmethod
    def default_title(cls) -> str:
        """Return the heading of the message."""
        return _("Kartan")


def valid_statement_text(text: str) -> str:
    """Return ``text`` as it will be stored; refuse an empty or too long one.

    The text is kept verbatim (only line endings are unified and a lone surrogate, which cannot be
    stored, is replaced, as for answers): control characters and markup are data, drawn as text.
    """
    cleaned = clean_input(text)
    if not cleaned.strip():
        raise KartaError(_("Formuleringen är tom. Skriv några ord."))
    if len(cleaned) > MAX_STATEMENT_CHARS:
        raise KartaError(
            _(
                "Formuleringen är för lång ({count} tecken, högst {limit}). "
                "Skriv den kortare – en mening räcker."
            ).format(count=len(cleaned), limit=MAX_STATEMENT_CHARS)
        )
    return cleaned
