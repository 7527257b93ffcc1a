"""Read every page of a SQLCipher 4 file in the clear, free pages included (for the erasure tests).

SQLite itself only shows live rows; what erasure must prove is that no page of the file, used or
free, still holds the erased text. SQLCipher 4's defaults: the first 16 bytes are the salt, the key is
PBKDF2-HMAC-SHA512 (256 000 rounds) of the passphrase, each 4096-byte page is AES-256-CBC encrypted
except its last 80 bytes (16 of IV, 64 of HMAC), and page 1's first 16 bytes are the salt itself.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
KDF_ROUNDS = 256_000


def plain_pages(path: Path, passphrase: str) -> list[bytes]:
    """Return every page of the encrypted file at ``path``, decrypted."""
    data = path.read_bytes()
    salt = data[:SALT]
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, 32)
    pages = []
    for number, start in enumerate(range(0, len(data), PAGE)):
        page = data[start : start + PAGE]
        begin = SALT if number == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(page[begin : PAGE - RESERVE]) + decryptor.finalize())
    return pages


def holds(path: Path, passphrase: str, text: str) -> bool:
    """True if any page of the file holds ``text`` (UTF-8) in the clear after decryption."""
    needle = text.encode("utf-8")
    return any(needle in page for page in plain_pages(path, passphrase))
