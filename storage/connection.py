"""The one place that opens SQLite connections (encryption at rest will plug in here).

A connection is opened in the thread that uses it. The database file is created readable and writable
by its owner only before SQLite touches it, so the ``-wal`` and ``-shm`` side files get the same mode.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from storage.errors import DatabaseCorrupt, DatabaseUnavailable, translated

BUSY_TIMEOUT_MS = 3000
CACHE_KIB = 32 * 1024
"""Page cache per connection: keeps a large database's indexes in memory for lookups."""
OWNER_ONLY = 0o600
OWNER_ONLY_DIR = 0o700


def prepare_file(path: Path) -> None:
    """Create ``path`` (and its folder) for the owner only, and tighten an existing file's mode."""
    try:
        path.parent.mkdir(mode=OWNER_ONLY_DIR, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, OWNER_ONLY)
        os.close(descriptor)
        if path.stat().st_mode & 0o777 != OWNER_ONLY:
            path.chmod(OWNER_ONLY)
    except PermissionError:
        if not path.exists():
            raise DatabaseUnavailable(path) from None
    except OSError:
        raise DatabaseUnavailable(path) from None


def connect(
    path: Path, *, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> sqlite3.Connection:
    """Open ``path`` with the pragmas kartlagg relies on.

    Writable connections use WAL with ``synchronous=FULL`` (a commit survives a power cut) and foreign
    keys. A file that is not an SQLite database raises :class:`DatabaseCorrupt`.
    """
    if not read_only:
        prepare_file(path)
    elif not path.exists():
        raise DatabaseUnavailable(path)
    mode = "ro" if read_only else "rw"
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    with translated(path):
        connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        with translated(path):
            connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            # Reading the schema fails at once on a file that is not a database.
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not read_only:
                mode_row = connection.execute("PRAGMA journal_mode = WAL").fetchone()
                if mode_row is None or str(mode_row[0]).lower() != "wal":
                    raise DatabaseCorrupt(path)
            connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection
