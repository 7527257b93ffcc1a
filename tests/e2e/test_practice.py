"""``kartlagg practice`` in a real terminal: Arabic shown right to left, and nothing left behind.

The learner's text is typed, the Arabic translation is shown, the pair-talk timer runs, and practice is
ended with F10. The app exits cleanly and the home it ran in holds no file at all.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from interview.paths import shipped_data_dir
from interview.practice.session import PracticeMaterial
from interview.rtl import visual_line
from tests.e2e.conftest import Home, Terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

FIRST_QUESTION = "Hur har din dag varit?"


def _presentation_forms(text: str) -> int:
    """Count the joined (shaped) Arabic letter forms in ``text``."""
    return sum(
        1 for char in text if "ARABIC LETTER" in unicodedata.name(char, "") and ord(char) >= 0xFB50
    )


def _files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_practice_shows_arabic_right_to_left_and_leaves_no_file(
    new_terminal: Callable[[], Terminal], home: Home
) -> None:
    material = PracticeMaterial.load([shipped_data_dir("question_banks")])
    arabic = material.translations["ar"].question["inl.varmprat"]
    terminal = new_terminal().start("practice", "--sprak", "ar")
    terminal.wait_for(FIRST_QUESTION, "Översättningen är dold")
    terminal.keys("F2")
    screen = terminal.wait_for("Arabiska", "utkast, inte granskat")
    shaped = visual_line(arabic)
    line = next((row for row in screen.splitlines() if _presentation_forms(row)), "")
    assert _presentation_forms(line) >= 3, f"no shaped Arabic on screen:\n{screen}"
    # The visual (reordered) form is on screen, not the logical one: its last word comes first.
    assert shaped.split()[0] in line
    assert line.rstrip().endswith(shaped.split()[-1]), "the Arabic line is aligned to the right"
    # The learner types an answer; it is kept only in memory.
    terminal.keys("Tab")
    time.sleep(0.5)  # let the focus reach the box before typing (a loaded machine can lag behind)
    terminal.type("Min dag var bra, jag heter Testa")
    terminal.wait_for("Min dag var bra, jag heter Testa")
    terminal.keys("Escape")
    time.sleep(0.5)  # Esc and a key at once would be read as Alt and that key
    terminal.keys("5")
    terminal.wait_for("Mellanslag: starta eller pausa")
    terminal.keys("Space")
    terminal.wait_for("Person 1 pratar")
    terminal.keys("F10")
    ended = terminal.wait_for_exit()
    assert ended.status == 0, terminal.screen()
    left = [path for folder in home.env.values() for path in _files(Path(folder))]
    assert left == [], f"practice left files behind: {left}"
