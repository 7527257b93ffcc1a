"""Short Swedish words and symbols the screens show: tags, times, numbers, statuses.

Plain functions over the records so they can be tested without a terminal. Tags are always a symbol
*and* a word, never colour alone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from interview.banks.models import Register
from interview.engine import ClockState, SessionClock
from interview.formatting import display_date, display_time
from interview.i18n import _
from interview.records import Participant, Source, Tag, TolkLevel, TolkMode

TAG_SYMBOLS: dict[Tag, str] = {Tag.HINDER: "▼", Tag.RESURS: "▲", Tag.FAKTA: "■"}


def tag_word(tag: Tag) -> str:
    """Return the tag as a word."""
    words = {Tag.HINDER: _("Hinder"), Tag.RESURS: _("Resurs"), Tag.FAKTA: _("Fakta")}
    return words[tag]


def tag_label(tag: Tag | None) -> str:
    """Return the tag as symbol and word, e.g. "▼ Hinder"; for no tag, "○ Ej märkt"."""
    if tag is None:
        return "○ " + _("Ej märkt")
    return f"{TAG_SYMBOLS[tag]} {tag_word(tag)}"


def source_label(source: Source) -> str:
    """Who a question came from, as a short label."""
    labels = {
        Source.BANK: _("Fråga"),
        Source.PROBE: _("Följdfråga"),
        Source.OWN: _("Egen följdfråga"),
    }
    return labels[source]


def register_label(register: Register) -> str:
    """Return the register's name."""
    return _("Lättläst") if register is Register.LATTLAST else _("Standard")


def masked_number(participant: Participant) -> str:
    """Return the personnummer with its last four digits hidden, or a note that there is none."""
    return masked_digits(participant.personnummer)


def masked_digits(personnummer: str | None) -> str:
    """Return a stored 12-digit number with its last four digits hidden, or a note that there is none."""
    if personnummer is None:
        return _("inget nummer")
    return f"{personnummer[:8]}-****"


def day(moment: datetime | date) -> str:
    """Return a date for the interface (a moment as its local date): ÅÅÅÅ-MM-DD in Swedish.

    Formatted with Babel for the interface language (see :mod:`interview.formatting`).
    """
    return display_date(moment)


def clock_time(moment: datetime) -> str:
    """Return a local time of day for the interface: TT:MM in Swedish."""
    return display_time(moment)


def minutes(span: timedelta) -> int:
    """Whole minutes in ``span``."""
    return int(span.total_seconds() // 60)


def clock_text(clock: SessionClock | None, frame_minutes: int = 60) -> str:
    """Return the session clock's text for the side panel."""
    if clock is None:
        return _("Inget samtal pågår")
    text = _("{elapsed} min av {frame}").format(elapsed=minutes(clock.elapsed), frame=frame_minutes)
    if clock.state is ClockState.WARNING:
        text += "\n" + _("Snart slut på tiden. Dags att runda av.")
    elif clock.state is ClockState.LIMIT:
        text += "\n" + _("Tiden är slut. Avsluta samtalet (F10).")
    return text


TOLK_MODES: dict[TolkMode, str] = {
    TolkMode.PA_PLATS: _("på plats"),
    TolkMode.TELEFON: _("telefon"),
    TolkMode.VIDEO: _("video"),
}
TOLK_LEVELS: dict[TolkLevel, str] = {
    TolkLevel.AUKTORISERAD: _("auktoriserad tolk"),
    TolkLevel.UTBILDAD: _("utbildad tolk"),
    TolkLevel.OVRIG: _("övrig (utan auktorisation eller utbildning)"),
}


def register_words(register: Register) -> str:
    """Return the register as words for a sentence: "lättläst svenska", "standardsvenska"."""
    return _("lättläst svenska") if register is Register.LATTLAST else _("standardsvenska")
