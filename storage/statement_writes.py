"""The repository's writes of the karta's statements, each committed with its audit entries.

A part of :class:`storage.repository.Repository` (its base class), kept in a file of its own so the
repository stays small; the SQL is in :mod:`storage.tables.statements`.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

from sqlite_utils import Database

from interview.audit import AuditEvent
from interview.karta.models import Statement
from storage.tables import statements


class StatementWrites:
    """Writing statements: a new one, or new states of some (their earlier states kept)."""

    def _write(self, *events: AuditEvent) -> AbstractContextManager[Database]:
        """Open the repository's one write (see :meth:`Repository._write`)."""
        raise NotImplementedError

    def add_statement(self, statement: Statement) -> None:
        """Store a new statement of the karta, with its create entry."""
        with self._write(statements.entry(statement)) as db:
            statements.insert(db, statement)

    def change_statements(self, changed: Sequence[Statement]) -> None:
        """Store new states of ``changed`` in one transaction, one audit entry each.

        Refused (Swedish message) if one of them was changed or removed in another window meanwhile;
        then nothing is stored.
        """
        with self._write(*(statements.entry(statement) for statement in changed)) as db:
            statements.change(db, changed)
