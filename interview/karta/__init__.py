"""The SASSAM karta: short statements in three columns (Hinder | Område (fakta) | Resurser) per area.

Plain Python: the records (:mod:`~interview.karta.models`), the check of a statement's text
(:mod:`~interview.karta.checks`) and the karta as it is read (:mod:`~interview.karta.view`). The
engine's steps that change it are in :mod:`interview.engine.karta`.
"""

from __future__ import annotations

from interview.karta.checks import MAX_STATEMENT_CHARS, KartaError, valid_statement_text
from interview.karta.models import (
    COLUMNS,
    Column,
    Statement,
    StatementChange,
    StatementRevision,
)
from interview.karta.view import AreaKarta, ColumnCounts, Karta

__all__ = [
    "COLUMNS",
    "MAX_STATEMENT_CHARS",
    "AreaKarta",
    "Column",
    "ColumnCounts",
    "Karta",
    "KartaError",
    "Statement",
    "StatementChange",
    "StatementRevision",
    "valid_statement_text",
]
