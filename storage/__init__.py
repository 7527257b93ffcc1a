"""Persistence for kartlagg: the only package that knows SQL.

``Repository.open(path, key=…)`` gives a repository over one database encrypted with SQLCipher
(WAL, ``synchronous=FULL``, foreign keys on, file readable by its owner only). It takes and returns
the pydantic records of
``interview.records`` and raises :class:`~storage.errors.StorageError` subclasses with Swedish messages.
"""

from storage import driver  # noqa: F401 - first: sqlite-utils must find SQLCipher
from storage.connection import is_plain
from storage.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseNotEncrypted,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    ParticipantExists,
    StorageError,
    WrongPassphrase,
)
from storage.repository import Repository

__all__ = [
    "DatabaseBusy",
    "DatabaseCorrupt",
    "DatabaseInUse",
    "DatabaseNotEncrypted",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DiskFull",
    "ParticipantExists",
    "Repository",
    "StorageError",
    "WrongPassphrase",
    "is_plain",
]
