"""How times and days are stored: ISO 8601 text, NULL for none."""

from __future__ import annotations

from datetime import date, datetime


def time_text(moment: datetime | None) -> str | None:
    """Return the stored text of ``moment``."""
    return moment.isoformat() if moment is not None else None


def day_text(value: date | None) -> str | None:
    """Return the stored text of the day ``value``."""
    return value.isoformat() if value is not None else None


def parse_time(value: str | None) -> datetime | None:
    """Return the moment stored as ``value`` (None for NULL or empty)."""
    return datetime.fromisoformat(value) if value else None
