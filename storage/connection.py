"""The one place that opens database connections: SQLCipher, keyed with the unit's passphrase.

A connection is opened in the thread that uses it. The database file is created readable and writable
by its owner only before SQLite touches it, so the ``-wal`` and ``-shm`` side files get the same mode.
Every page on disk (the WAL too) is encrypted with a key derived from the passphrase (PBKDF2, as
SQLCipher 4 does by default). SQLCipher's own log is silenced: it would print over the interface.

The key is derived here, exactly as SQLCipher 4 derives it (PBKDF2-HMAC-SHA512, 256 000 iterations, the
file's 16-byte salt; a new file gets a fresh random salt), and given to SQLCipher as its raw key.
Deriving costs about 0.2 s of CPU by design; once a passphrase has opened a file, the derived key is
kept in this process's memory under a digest of passphrase and salt (never the passphrase itself), so
the app, its backend thread and a command reopening the same file derive it once. A wrong passphrase is
never kept. A file made here opens in plain SQLCipher with the passphrase, and the other way round.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from pathlib import Path
from urllib.parse import quote

from storage.driver import Connection, Error, sqlite
from storage.errors import (
    DatabaseCorrupt,
    DatabaseNotEncrypted,
    DatabaseUnavailable,
    WrongPassphrase,
    translate,
    translated,
)

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


PLAIN_HEADER = b"SQLite format 3\x00"
"""The first bytes of an unencrypted SQLite file (an encrypted one starts with random salt)."""
MIN_PASSPHRASE = 8


def quoted_key(passphrase: str) -> str:
    """Return ``passphrase`` as an SQL string literal for ``PRAGMA key`` (which takes no parameters)."""
    if "\x00" in passphrase:
        msg = "a passphrase cannot hold NUL"
        raise ValueError(msg)
    return "'" + passphrase.replace("'", "''") + "'"


def is_plain(path: Path) -> bool:
    """Tell whether ``path`` is an unencrypted SQLite database."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


SALT_BYTES = 16
"""SQLCipher keeps the key derivation's salt in the file's first 16 bytes."""
KDF_ITERATIONS = 256_000
"""SQLCipher 4's default PBKDF2-HMAC-SHA512 iterations: a file stays openable by plain SQLCipher."""
KEY_BYTES = 32
_derived_keys: dict[bytes, bytes] = {}
_derived_lock = threading.Lock()


def _salt(path: Path) -> bytes | None:
    """Return the file's salt, or None for a file SQLCipher has not written yet."""
    try:
        with path.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def _slot(key: str, salt: bytes) -> bytes:
    return hashlib.sha256(salt + key.encode("utf-8")).digest()


def derive_key(key: str, salt: bytes) -> bytes:
    """Return SQLCipher 4's key for passphrase ``key`` and ``salt`` (kept once it opened a file)."""
    with _derived_lock:
        known = _derived_keys.get(_slot(key, salt))
    if known is not None:
        return known
    return hashlib.pbkdf2_hmac("sha512", key.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES)


def _remember(key: str, salt: bytes, derived: bytes) -> None:
    with _derived_lock:
        _derived_keys[_slot(key, salt)] = derived


def forget_derived_keys() -> None:
    """Drop every derived key this process keeps (after a passphrase change)."""
    with _derived_lock:
        _derived_keys.clear()


def _keyed(connection: Connection, key: str, salt: bytes | None) -> tuple[bytes, bytes]:
    """Key ``connection`` with the raw key derived from ``key``; return the salt and that key.

    A new file (no salt yet) gets a fresh random salt, which SQLCipher writes with the first page.
    """
    quoted_key(key)  # refuses a NUL, as the passphrase prompt does
    connection.execute("PRAGMA cipher_log_level = NONE")
    if salt is None:
        salt = secrets.token_bytes(SALT_BYTES)
        derived = derive_key(key, salt)
        connection.execute(f"PRAGMA key = \"x'{derived.hex()}{salt.hex()}'\"")
    else:
        derived = derive_key(key, salt)
        connection.execute(f"PRAGMA key = \"x'{derived.hex()}'\"")
    return salt, derived


def connect(
    path: Path, *, key: str, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Connection:
    """Open ``path`` with ``key`` and the pragmas kartlagg relies on.

    Writable connections use WAL with ``synchronous=FULL`` (a commit survives a power cut) and foreign
    keys. A key that does not open the file raises :class:`WrongPassphrase` (SQLCipher cannot tell a
    wrong key from a damaged file); an unencrypted database raises :class:`DatabaseNotEncrypted`.
    """
    if is_plain(path):
        raise DatabaseNotEncrypted(path)
    if not read_only:
        prepare_file(path)
    elif not path.exists():
        raise DatabaseUnavailable(path)
    mode = "ro" if read_only else "rw"
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    with translated(path):
        connection = sqlite.connect(uri, uri=True, isolation_level=None)
    try:
        with translated(path):
            salt, derived = _keyed(connection, key, _salt(path))
        try:
            # Reading the schema is the first read: it fails at once on a wrong key.
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Error as error:
            failure = translate(error, path)
            raise WrongPassphrase(path) if isinstance(failure, DatabaseCorrupt) else failure from None
        _remember(key, salt, derived)
        with translated(path):
            connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            connection.execute("PRAGMA secure_delete = ON")  # erased rows are overwritten, not left
            if not read_only:
                mode_row = connection.execute("PRAGMA journal_mode = WAL").fetchone()
                if mode_row is None or str(mode_row[0]).lower() != "wal":
                    raise DatabaseCorrupt(path)
            connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection


def encrypt_plain(path: Path, *, new_key: str) -> None:
    """Encrypt the unencrypted database at ``path`` with ``new_key``, replacing the file.

    The encrypted copy is written beside it (owner only) and renamed over it only when complete; the
    old file's WAL is checkpointed first so nothing committed is left behind.
    """
    encrypted = path.with_name(path.name + ".encrypting")
    for leftover in (encrypted, Path(f"{encrypted}-wal"), Path(f"{encrypted}-shm")):
        leftover.unlink(missing_ok=True)
    prepare_file(encrypted)
    with translated(path):
        plain = sqlite.connect(str(path), isolation_level=None)
        try:
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            plain.execute(f"ATTACH DATABASE ? AS encrypted KEY {quoted_key(new_key)}", (str(encrypted),))
            plain.execute("SELECT sqlcipher_export('encrypted')")
            version = plain.execute("PRAGMA user_version").fetchone()[0]
            plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            plain.execute("DETACH DATABASE encrypted")
        finally:
            plain.close()
    encrypted.replace(path)
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        side.unlink(missing_ok=True)
