"""Translation helpers for everything a user reads.

Swedish is the source language: ``_("Svaret är sparat.")`` returns the Swedish text unless a catalog
for another interface language has been activated with :func:`use_translations`. Modules mark their
strings with ``_`` and ``ngettext`` from here so that ``pybabel extract`` finds them.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_active: _gettext.NullTranslations = _gettext.NullTranslations()
_SWEDISH = _gettext.NullTranslations()
_record: ContextVar[bool] = ContextVar("kartlagg_record_in_swedish", default=False)


def use_translations(translations: _gettext.NullTranslations) -> None:
    """Make ``translations`` the catalog used by :func:`_` and :func:`ngettext`."""
    global _active  # noqa: PLW0603 - one process-wide interface language is the point
    _active = translations


def _current() -> _gettext.NullTranslations:
    return _SWEDISH if _record.get() else _active


@contextmanager
def record_in_swedish() -> Iterator[None]:
    """Keep every string Swedish inside the block, whatever the interface language.

    The record (the sammanställning and everything signed) is always Swedish: the composer and the
    document writers run inside this block. It is a context variable, so another thread that draws the
    interface in the caseworker's language at the same moment is not affected.
    """
    token = _record.set(True)
    try:
        yield
    finally:
        _record.reset(token)


def _(message: str) -> str:
    """Translate a Swedish interface string into the active interface language."""
    return _current().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a Swedish string with a singular and a plural form."""
    return _current().ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for extraction without translating it now (translate it with ``_`` later)."""
    return message
