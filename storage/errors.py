"""What can go wrong with the database, each with a Swedish message that says what to do.

No message contains personal data: only the file's path and what the user can do about it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from interview.i18n import _
from interview.store import StoreError
from storage import driver

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StorageError(StoreError):
    """A database problem; ``str(error)`` is the Swedish message for the user."""


class DatabaseInUse(StorageError):
    """Another kartlagg window already has the database open."""

    def __init__(self, path: Path) -> None:
        """Describe the database at ``path`` as in use."""
        super().__init__(
            _(
                "Databasen {path} används redan av ett annat kartlagg-fönster. Fortsätt i det "
                "fönstret, eller stäng det och starta kartlagg igen."
            ).format(path=path)
        )


class DatabaseBusy(StorageError):
    """Another program holds a lock on the database right now."""

    def __init__(self) -> None:
        """Describe a busy database."""
        super().__init__(
            _(
                "Databasen är upptagen av ett annat program just nu. Det som redan är sparat finns "
                "kvar. Försök igen om en stund."
            )
        )


class DatabaseReadOnly(StorageError):
    """The database can only be read."""

    def __init__(self, path: Path) -> None:
        """Describe the database at ``path`` as read-only."""
        super().__init__(
            _(
                "Databasen {path} går bara att läsa, så det senaste kunde inte sparas. Det som redan "
                "är sparat finns kvar. Be IT-stödet att ge skrivrättighet till filen."
            ).format(path=path)
        )


class WrongPassphrase(StorageError):
    """The passphrase does not open the database (SQLCipher cannot tell it from a damaged file)."""

    def __init__(self, path: Path) -> None:
        """Say that the passphrase is wrong, or the file damaged; nothing about what it holds."""
        super().__init__(
            _(
                "Lösenfrasen stämmer inte, eller så är databasfilen {path} skadad. Skriv lösenfrasen "
                "igen. Filen har inte ändrats."
            ).format(path=path)
        )


class DatabaseNotEncrypted(StorageError):
    """An unencrypted database, made by a kartlagg from before encryption at rest."""

    def __init__(self, path: Path) -> None:
        """Say what to do: encrypt it with ``kartlagg passphrase encrypt``."""
        super().__init__(
            _(
                "Databasen {path} är inte krypterad (den gjordes av en äldre kartlagg). Kryptera den "
                "med kommandot 'kartlagg passphrase encrypt'. Filen har inte ändrats."
            ).format(path=path)
        )


class DatabaseCorrupt(StorageError):
    """The file is damaged or is not a kartlagg database."""

    def __init__(self, path: Path) -> None:
        """Describe the file at ``path`` as unusable."""
        super().__init__(
            _(
                "Filen {path} är skadad eller är ingen kartlagg-databas. Filen har inte ändrats. "
                "Kontakta IT-stödet för att återställa en säkerhetskopia."
            ).format(path=path)
        )


class DatabaseTooNew(StorageError):
    """The database was written by a newer kartlagg."""

    def __init__(self, path: Path) -> None:
        """Describe the database at ``path`` as newer than this program."""
        super().__init__(
            _(
                "Databasen {path} kommer från en nyare version av kartlagg. Uppdatera kartlagg för att "
                "öppna den. Databasen har inte ändrats."
            ).format(path=path)
        )


class DiskFull(StorageError):
    """The disk is full, or writing failed at the device."""

    def __init__(self) -> None:
        """Describe a full disk."""
        super().__init__(
            _(
                "Det gick inte att skriva till disken (den kan vara full). Det senaste sparades inte, "
                "men det som redan är sparat finns kvar. Frigör utrymme och försök igen."
            )
        )


class ParticipantExists(StorageError):
    """A participant with the same personnummer is already stored."""

    def __init__(self) -> None:
        """Describe the duplicate without repeating the number."""
        super().__init__(
            _("Det finns redan en deltagare med det personnumret. Sök fram deltagaren i listan.")
        )


class SignedVersionFrozen(StorageError):
    """A change to a signed version of a sammanställning, which the database refuses."""

    def __init__(self) -> None:
        """Explain that signed versions never change."""
        super().__init__(
            _(
                "Den här versionen är underskriven och kan inte ändras. En ändring blir en ny "
                "version som skrivs under igen."
            )
        )


class DraftVersionConflict(StorageError):
    """The version was changed or added in another window since it was read."""

    def __init__(self) -> None:
        """Ask the user to open the sammanställning again."""
        super().__init__(_("Sammanställningen har ändrats i ett annat fönster. Öppna den igen."))


class DatabaseUnavailable(StorageError):
    """The database file cannot be opened at all."""

    def __init__(self, path: Path) -> None:
        """Describe the database at ``path`` as impossible to open."""
        super().__init__(
            _(
                "Databasen {path} går inte att öppna. Kontrollera att mappen finns och att du har "
                "behörighet till den."
            ).format(path=path)
        )


def translate(error: Exception, path: Path) -> StorageError:
    """Return the :class:`StorageError` that explains ``error`` to a user."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).casefold()
    if "signed draft version is frozen" in text:
        return SignedVersionFrozen()
    if primary in {SQLITE_BUSY, SQLITE_LOCKED} or "locked" in text:
        return DatabaseBusy()
    if primary == SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return DatabaseReadOnly(path)
    if primary in {SQLITE_CORRUPT, SQLITE_NOTADB} or "not a database" in text or "malformed" in text:
        return DatabaseCorrupt(path)
    if primary in {SQLITE_FULL, SQLITE_IOERR} or "disk" in text:
        return DiskFull()
    if primary == SQLITE_CANTOPEN or "unable to open" in text:
        return DatabaseUnavailable(path)
    return StorageError(_("Databasen svarade med ett oväntat fel. Det som redan är sparat finns kvar."))


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn ``sqlite3`` errors raised inside the block into :class:`StorageError`."""
    try:
        yield
    except driver.Error as error:
        raise translate(error, path) from None
