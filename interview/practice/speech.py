"""Read a practice text aloud in Swedish with espeak-ng, at normal or slow speed.

espeak-ng is an ordinary program from the operating system's packages. When it is missing, callers get
:class:`SpeechUnavailable` with a Swedish message on how to install it, and practice carries on. The
sound is made in memory (``--stdout``): no file is written. Nothing espeak-ng prints reaches the
terminal, where it would draw over the app.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import dataclass
from enum import StrEnum

from interview.errors import UserError
from interview.i18n import _

VOICE = "sv"
TIMEOUT_SECONDS = 30


class Speed(StrEnum):
    """How fast the text is read."""

    NORMAL = "normal"
    SLOW = "slow"

    @property
    def words_per_minute(self) -> int:
        """espeak-ng's ``-s`` value: its default is 175; slow is clear for a beginner."""
        return 150 if self is Speed.NORMAL else 100

    @property
    def gap(self) -> int:
        """espeak-ng's ``-g`` value: extra pause between words, in units of 10 ms."""
        return 0 if self is Speed.NORMAL else 5


class SpeechUnavailable(UserError):
    """Reading aloud is not possible here; the message says what to do, in Swedish."""


INSTALL_HINT = _(
    "Uppläsning behöver programmet espeak-ng, som inte finns på den här datorn. "
    "Installera det, till exempel med: sudo apt install espeak-ng (Debian och Ubuntu), "
    "brew install espeak-ng (macOS). Övningen fungerar som vanligt utan uppläsning."
)


def with_sizes(wav: bytes) -> bytes:
    """Return ``wav`` with the RIFF and data sizes filled in.

    A WAV written to a pipe cannot go back to write its sizes, so espeak-ng leaves them unset; the
    true sizes make the sound's length readable by any program.
    """
    data_at = wav.find(b"data")
    riff_size = len(wav) - 8
    data_size = len(wav) - (data_at + 8)
    return b"".join(
        (
            wav[:4],
            struct.pack("<I", riff_size),
            wav[8 : data_at + 4],
            struct.pack("<I", data_size),
            wav[data_at + 8 :],
        )
    )


@dataclass(frozen=True)
class Speaker:
    """espeak-ng at a known path (or none); injected so that tests can take it away."""

    program: str | None

    @classmethod
    def find(cls) -> Speaker:
        """Look for ``espeak-ng`` (or the older ``espeak``) on the PATH."""
        return cls(shutil.which("espeak-ng") or shutil.which("espeak"))

    @property
    def available(self) -> bool:
        """True when a speech program was found."""
        return self.program is not None

    def _command(self, text: str, speed: Speed, *extra: str) -> list[str]:
        if self.program is None:
            raise SpeechUnavailable(INSTALL_HINT)
        return [
            self.program,
            "-v",
            VOICE,
            "-s",
            str(speed.words_per_minute),
            "-g",
            str(speed.gap),
            *extra,
            "--",
            " ".join(text.split()),
        ]

    def wav(self, text: str, speed: Speed = Speed.NORMAL) -> bytes:
        """Return ``text`` spoken in Swedish as WAV bytes (nothing is written to disk)."""
        result = self._run(self._command(text, speed, "--stdout"))
        if not result.startswith(b"RIFF") or result.find(b"data") < 0:
            raise SpeechUnavailable(_("Uppläsningen gick inte att göra. Övningen fortsätter."))
        return with_sizes(result)

    def say(self, text: str, speed: Speed = Speed.NORMAL) -> None:
        """Speak ``text`` through the computer's sound (blocks until it has been said)."""
        self._run(self._command(text, speed))

    def _run(self, command: list[str]) -> bytes:
        try:
            completed = subprocess.run(  # noqa: S603 - a fixed program with the text as one argument
                command,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except FileNotFoundError:
            raise SpeechUnavailable(INSTALL_HINT) from None
        except (OSError, subprocess.TimeoutExpired):
            raise SpeechUnavailable(_("Uppläsningen gick inte att göra. Övningen fortsätter.")) from None
        if completed.returncode != 0:
            raise SpeechUnavailable(
                _("Datorns ljud gick inte att använda för uppläsningen. Övningen fortsätter.")
            )
        return completed.stdout
