"""Dates typed by a caseworker (next meeting, when an åtgärd is due) and how they are shown.

Only the unambiguous ISO form is accepted: ``2026-12-15`` or ``20261215``. Anything else is refused
with a Swedish message rather than guessed at, so 03/04 can never become the wrong month.
"""

from __future__ import annotations

import re
from datetime import date

from interview.errors import UserError
from interview.i18n import _

_ISO = re.compile(r"^([0-9]{4})-?([0-9]{2})-?([0-9]{2})$")


class DateError(UserError, ValueError):
    """A date that cannot be read; ``str(error)`` tells the user how to write it, in Swedish."""

    def __init__(self) -> None:
        """Describe the expected form of a date."""
        super().__init__(_("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15."))


def parse_date(text: str) -> date | None:
    """Return the date in ``text``, or None when ``text`` is empty.

    ``2026-12-15`` and ``20261215`` are accepted, with spaces around them. Any other form, and a date
    that does not exist (2026-02-30), raises :class:`DateError`.
    """
    stripped = text.strip()
    if not stripped:
        return None
    match = _ISO.match(stripped)
    # The two forms only: a dash in one place but not the other is a typing mistake.
    if match is None or stripped.count("-") not in {0, 2}:
        raise DateError
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError from None


def format_date(value: date) -> str:
    """Return ``value`` as it is shown and typed: ``2026-12-15``."""
    return value.isoformat()
