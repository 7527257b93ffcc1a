"""Persistence for kartlagg: the only package that knows SQL.

``Repository.open(path)`` gives a repository over one SQLite database (WAL, ``synchronous=FULL``,
foreign keys on, file readable by its owner only). It takes and returns the pydantic records of
``interview.records`` and raises :class:`~storage.errors.StorageError` subclasses with Swedish messages.
"""

from storage.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    ParticipantExists,
    StorageError,
)
from storage.repository import Repository

__all__ = [
    "DatabaseBusy",
    "DatabaseCorrupt",
    "DatabaseInUse",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DiskFull",
    "ParticipantExists",
    "Repository",
    "StorageError",
]
