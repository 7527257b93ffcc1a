"""Moved to :mod:`storage.tables.audit_log`; kept so older imports still work."""

from storage.tables.audit_log import (
    DRAFT_ROW_COLUMNS,
    append,
    entries,
    entries_about,
    head,
    signed_row_hash,
    signed_rows,
)

__all__ = [
    "DRAFT_ROW_COLUMNS",
    "append",
    "entries",
    "entries_about",
    "head",
    "signed_row_hash",
    "signed_rows",
]
