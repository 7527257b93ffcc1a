"""The unit's passphrase, which encrypts the database (SQLCipher derives the key from it).

kartlagg never stores or logs the passphrase. The demo database is encrypted like any other, with a
fixed passphrase that the demo shows on screen: its data is invented.
"""

from __future__ import annotations

from interview.errors import UserError
from interview.i18n import _

DEMO_PASSPHRASE = "demo-kartlagg"  # noqa: S105 - the demo shows it on screen: invented data only
"""The demo database's passphrase (shown on the demo's screens; never for real data)."""
MIN_LENGTH = 10
MAX_LENGTH = 200


class PassphraseError(UserError, ValueError):
    """A new passphrase that cannot be used; ``str(error)`` says why, in Swedish."""


def check_new(passphrase: str, again: str) -> str:
    """Return ``passphrase`` if it can protect the database and ``again`` repeats it."""
    if "\x00" in passphrase or any(ord(char) < 0x20 for char in passphrase):
        raise PassphraseError(_("Lösenfrasen får inte innehålla styrtecken."))
    if len(passphrase) < MIN_LENGTH:
        raise PassphraseError(
            _("Lösenfrasen är för kort. Skriv minst {count} tecken, gärna flera ord.").format(
                count=MIN_LENGTH
            )
        )
    if len(passphrase) > MAX_LENGTH:
        raise PassphraseError(
            _("Lösenfrasen är för lång (högst {count} tecken).").format(count=MAX_LENGTH)
        )
    if passphrase != again:
        raise PassphraseError(_("De två lösenfraserna är inte lika. Skriv dem igen."))
    return passphrase
