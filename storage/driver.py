"""The SQLite driver: SQLCipher (``sqlcipher3``), so that every database is encrypted at rest.

sqlcipher3 is a fork of the standard ``sqlite3`` module with the same API and its own exception
classes. sqlite-utils looks for ``pysqlite3`` before the standard module; registering sqlcipher3
under that name (before sqlite-utils is imported, which this package's ``__init__`` guarantees for
its own modules) makes sqlite-utils raise and catch the same exception classes as the rest of storage.
"""

from __future__ import annotations

import sys

import sqlcipher3
from sqlcipher3 import dbapi2 as sqlite

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlite)

Connection = sqlite.Connection
Error = sqlite.Error
IntegrityError = sqlite.IntegrityError
OperationalError = sqlite.OperationalError

__all__ = ["Connection", "Error", "IntegrityError", "OperationalError", "sqlite"]
