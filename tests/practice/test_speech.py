"""Reading aloud with espeak-ng: a real WAV in memory, slow is slower, a clear message without it.

espeak-ng is installed wherever the tests run (scripts/test and CI install it): if it is missing, the
tests that need it fail rather than skip.
"""

from __future__ import annotations

import io
import struct
import wave
from pathlib import Path

import pytest

from interview.practice.speech import INSTALL_HINT, Speaker, SpeechUnavailable, Speed, with_sizes

QUESTION = "Vad vill du göra om fem år?"


def duration(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as sound:
        frames: int = sound.getnframes()
        rate: int = sound.getframerate()
    return frames / rate


def sizes(data: bytes) -> tuple[int, int]:
    riff = struct.unpack_from("<I", data, 4)[0]
    data_at = data.find(b"data")
    return riff, struct.unpack_from("<I", data, data_at + 4)[0]


@pytest.fixture
def speaker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Speaker:
    monkeypatch.chdir(tmp_path)
    found = Speaker.find()
    assert found.available, "espeak-ng must be installed for these tests (apt install espeak-ng)"
    return found


def test_wav_is_a_real_sound_of_the_question(speaker: Speaker, tmp_path: Path) -> None:
    data = speaker.wav(QUESTION)
    assert data.startswith(b"RIFF")
    assert data[8:12] == b"WAVE"
    riff, data_size = sizes(data)
    assert riff == len(data) - 8
    assert data_size == len(data) - (data.find(b"data") + 8)
    assert 0.5 < duration(data) < 15
    assert list(tmp_path.iterdir()) == []


def test_slow_is_clearly_longer_than_normal(speaker: Speaker, tmp_path: Path) -> None:
    normal = duration(speaker.wav(QUESTION, Speed.NORMAL))
    slow = duration(speaker.wav(QUESTION, Speed.SLOW))
    assert slow > 1.3 * normal
    assert list(tmp_path.iterdir()) == []


def test_the_text_is_one_argument_after_the_options(speaker: Speaker) -> None:
    # A text that looks like an option is read, not obeyed.
    assert duration(speaker.wav("--help   -w fil.wav")) > 0.5


def test_speeds_are_slower_and_with_pauses() -> None:
    assert Speed.SLOW.words_per_minute < Speed.NORMAL.words_per_minute
    assert Speed.SLOW.gap > Speed.NORMAL.gap == 0


def test_install_hint_is_swedish_and_names_espeak_ng() -> None:
    assert "espeak-ng" in INSTALL_HINT
    assert "Installera" in INSTALL_HINT
    assert "apt install espeak-ng" in INSTALL_HINT


@pytest.mark.parametrize("program", [None, "/finns/inte/espeak-ng"])
def test_without_espeak_ng_there_is_a_clear_message(
    program: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    speaker = Speaker(program)
    assert speaker.available is (program is not None)
    with pytest.raises(SpeechUnavailable, match="espeak-ng") as caught:
        speaker.wav(QUESTION)
    assert str(caught.value) == INSTALL_HINT
    with pytest.raises(SpeechUnavailable, match="espeak-ng"):
        speaker.say(QUESTION, Speed.SLOW)
    assert list(tmp_path.iterdir()) == []


def test_a_program_that_fails_gives_a_swedish_message(tmp_path: Path) -> None:
    with pytest.raises(SpeechUnavailable, match="Övningen fortsätter"):
        Speaker("/bin/false").wav(QUESTION)
    with pytest.raises(SpeechUnavailable, match="Övningen fortsätter"):
        Speaker("/bin/true").wav(QUESTION)


def fictional_wav(frames: int = 800) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x01\x00" * frames)
    return out.getvalue()


def test_with_sizes_fills_in_the_sizes_a_pipe_leaves_unset() -> None:
    good = fictional_wav()
    data_at = good.find(b"data")
    unset = b"".join(
        (
            good[:4],
            b"\xff\xff\xff\x7f",
            good[8 : data_at + 4],
            b"\x00\xf0\xff\x7f",
            good[data_at + 8 :],
        )
    )
    fixed = with_sizes(unset)
    assert fixed == good
    assert duration(fixed) == pytest.approx(0.1)
    assert with_sizes(good) == good
