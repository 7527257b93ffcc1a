"""Translation helpers for everything a user reads.

Swedish is the source language: ``_("Svaret är sparat.")`` returns the Swedish text unless a catalog
for another interface language has been activated with :func:`use_translations`. Modules mark their
strings with ``_`` and ``ngettext`` from here so that ``pybabel extract`` finds them.
"""

from __future__ import annotations

import gettext as _gettext

_active: _gettext.NullTranslations = _gettext.NullTranslations()


def use_translations(translations: _gettext.NullTranslations) -> None:
    """Make ``translations`` the catalog used by :func:`_` and :func:`ngettext`."""
    global _active  # noqa: PLW0603 - one process-wide interface language is the point
    _active = translations


def _(message: str) -> str:
    """Translate a Swedish interface string into the active interface language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a Swedish string with a singular and a plural form."""
    return _active.ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for extraction without translating it now (translate it with ``_`` later)."""
    return message
