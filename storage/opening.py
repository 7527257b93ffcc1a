"""Opening a database file: the one-window lock, the keyed connection, the schema brought up to date.

Nothing in the file changes when opening fails; the lock is released again then.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout
from sqlite_utils import Database

from storage import driver, schema
from storage.connection import OWNER_ONLY, connect
from storage.errors import DatabaseInUse, DatabaseReadOnly, DatabaseTooNew, translate


def open_database(
    path: Path, *, key: str, read_only: bool, shared: bool, busy_timeout_ms: int
) -> tuple[Database, FileLock | None]:
    """Return the open, migrated database at ``path`` and the lock held for it (None if none).

    Raises :class:`DatabaseInUse` when another window holds the lock (not taken when ``read_only``
    or ``shared``), and the other :class:`StorageError` subclasses for locked, read-only, corrupt or
    newer databases.
    """
    lock = None
    if not read_only and not shared:
        lock = FileLock(f"{path}.lock", timeout=0, mode=OWNER_ONLY, is_singleton=False)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            lock.acquire()
        except Timeout:
            raise DatabaseInUse(path) from None
        except OSError:
            lock = None  # a read-only folder: SQLite will report what is wrong below
    try:
        connection = connect(path, key=key, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
        try:
            db = Database(connection)
            _prepare_schema(db, path, read_only=read_only)
        except BaseException:
            connection.close()
            raise
    except driver.Error as error:
        if lock is not None:
            lock.release()
        raise translate(error, path) from None
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return db, lock


def _prepare_schema(db: Database, path: Path, *, read_only: bool) -> None:
    if schema.unknown_applied(db):
        raise DatabaseTooNew(path)
    if schema.pending(db):
        if read_only:
            raise DatabaseReadOnly(path)
        schema.migrate(db)
