"""Dates, times and numbers shown in the interface, formatted with Babel for the interface language.

Swedish shows dates as ÅÅÅÅ-MM-DD (as they are typed); another interface language gets its own
medium form (``30 Nov 2026``), never an ambiguous ``11/30/26``. The record is always Swedish and uses
:func:`interview.dates.format_date` instead.
"""

from __future__ import annotations

from datetime import date, datetime

_SWEDISH = "sv_SE"
_locale = _SWEDISH


def set_display_locale(locale: str) -> None:
    """Format for the Babel locale ``locale`` (the interface language's) from now on."""
    global _locale  # noqa: PLW0603 - one interface language per process
    _locale = locale


def display_locale() -> str:
    """Return the Babel locale dates and numbers are formatted for."""
    return _locale


def display_date(value: date | datetime) -> str:
    """Return a date (a moment as its local date) for the interface: ``2026-11-30`` in Swedish."""
    from babel.dates import format_date  # noqa: PLC0415 - Babel loads after the first paint

    if isinstance(value, datetime):
        value = value.astimezone().date()
    if _locale == _SWEDISH:
        return format_date(value, format="short", locale=_SWEDISH)
    return format_date(value, format="medium", locale=_locale)


def display_time(value: datetime) -> str:
    """Return a local time of day for the interface: ``14:05`` in Swedish."""
    from babel.dates import format_time  # noqa: PLC0415 - as above

    return format_time(value.astimezone(), format="short", locale=_locale)


def display_number(value: float, decimals: int = 0) -> str:
    """Return a number for the interface, with the locale's decimal sign (``3,5`` in Swedish)."""
    from babel.numbers import format_decimal  # noqa: PLC0415 - as above

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=_locale)
