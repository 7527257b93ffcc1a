"""The one way a change is written: the change and its audit entries in one committed transaction."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from interview.audit import AuditEvent
from storage import driver
from storage.errors import DatabaseReadOnly, translate
from storage.tables import audit_log


@contextmanager
def audited(
    db: Database, path: Path, events: Sequence[AuditEvent], *, read_only: bool
) -> Iterator[Database]:
    """Run the block's change and add ``events`` to the audit log in one committed transaction.

    ``BEGIN IMMEDIATE`` takes the write lock at once, so the newest audit entry read here is still
    the newest when this one is added, even with a command writing at the same time. The commit is
    durable (``synchronous=FULL``) before the block is left; anything raised rolls the whole change
    back, and SQLite errors become :class:`StorageError`. An entry that depends on the change itself
    (signing, erasing) is appended by the block, inside the same transaction.
    """
    if read_only:
        raise DatabaseReadOnly(path)
    connection = db.conn
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield db
            for event in events:
                audit_log.append(db, event)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    except driver.Error as error:
        raise translate(error, path) from None
