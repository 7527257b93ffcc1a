"""Moved to :mod:`storage.tables.consents`; kept so older imports still work."""

from storage.tables.consents import insert, of_participant, one, set_withdrawal

__all__ = ["insert", "of_participant", "one", "set_withdrawal"]
