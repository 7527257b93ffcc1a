"""Acceptance in a real terminal: an Arabic question is shaped and ordered right to left on screen.

``kartlagg demo`` runs under tmux. In a session, Ctrl+L chooses arabiska as the participant's
language; the bilingual view then shows the current question's Arabic translation beside the
Swedish. The test reads the terminal's cells: every Arabic word is there in its joined (presentation)
forms and in visual order, none in the stored logical form, and the first word of the sentence stands
to the right of the second. The database keeps the session's language and the Swedish wording.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from interview.banks.loader import BankLibrary
from interview.banks.models import Register
from interview.banks.translations import TranslationLibrary, translation_folders
from interview.demo import HALFWAY_PARTICIPANT
from interview.rtl import visual_line
from tests.e2e.conftest import (
    CURRENT_MARK,
    Home,
    Terminal,
    current_question,
    load_only_kartlaggning,
    open_participant,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

NAME = HALFWAY_PARTICIPANT[0]
SHIPPED = Path(__file__).resolve().parents[2] / "question_banks"
SETTLE = 0.5


def arabic_for(swedish: str) -> str:
    """The shipped Arabic translation of the bank question worded ``swedish`` (either register)."""
    bank = BankLibrary.discover([SHIPPED]).get("sassam")
    translation = TranslationLibrary.discover(translation_folders([SHIPPED])).get("sassam", "ar")
    assert translation is not None
    for area in bank.areas:
        for question in area.questions:
            for register in Register:
                if " ".join(question.text(register).split()) == swedish:
                    text = translation.question_text(question.id, register)
                    assert text is not None
                    return text
    raise AssertionError(f"no bank question reads {swedish!r}")


def _question_text(screen: str) -> str:
    """The wording of the question marked ➤ (without its head)."""
    return current_question(screen).split("\n", 1)[1].strip()


def show_arabic(app: Terminal) -> tuple[str, str]:
    """Open the halfway participant, start a session and choose arabiska; return screen and text."""
    open_participant(app, NAME, "Yusuf", ["Sara Demosson", "Marja Provinen"])
    app.keys("Enter")
    app.wait_for("Starta samtalet", "Också på deltagarens språk")
    app.keys("C-s")  # the demo's caseworker is filled in; Yusuf had a tolk: the tolk record is next
    app.wait_for("Tolkförmedling", "Bokningsnummer")
    app.keys("Escape")
    screen = app.wait_until(
        lambda screen: CURRENT_MARK in screen and _question_text(screen) != "",
        "the question to ask now",
    )
    arabic = arabic_for(_question_text(screen))
    app.keys("C-l")
    app.wait_for("Deltagarens språk", "arabiska (ar)")
    app.keys("Down", "Down", "Enter")
    return app.wait_for("arabiska · utkast"), arabic


def test_arabic_is_shaped_and_right_to_left_on_screen(
    new_terminal: Callable[[], Terminal], home: Home
) -> None:
    app = new_terminal().start("demo")
    screen, arabic = show_arabic(app)
    words = arabic.split()
    assert len(words) >= 2
    for word in words:
        shown = visual_line(word)
        assert shown != word  # joined letters and reversed order differ from the stored text
        assert shown in screen, f"{word!r} is not drawn shaped and reversed"
        assert word not in screen, f"{word!r} is drawn in logical order"
    line = next(row for row in screen.splitlines() if visual_line(words[0]) in row)
    first, second = line.find(visual_line(words[0])), line.find(visual_line(words[1]))
    assert second != -1 and first > second, "the sentence does not read right to left"

    app.keys("C-q")
    app.wait_for_exit()
    record = load_only_kartlaggning(home.demo_database, NAME)
    assert record.sessions[-1].language == "ar"


def test_a_terminal_that_does_its_own_bidi_gets_the_logical_text(
    new_terminal: Callable[[], Terminal], home: Home
) -> None:
    """``rtl_mode = "logical"``: the text goes out as stored, for the terminal to order and join."""
    home.locations.config_dir.mkdir(parents=True, exist_ok=True)
    (home.locations.config_dir / "config.toml").write_text('rtl_mode = "logical"\n', "utf-8")
    app = new_terminal().start("demo")
    screen, arabic = show_arabic(app)
    first_line = next(row for row in screen.splitlines() if arabic.split()[0] in row)
    assert arabic.split()[0] in first_line and visual_line(arabic.split()[0]) not in screen
    app.keys("C-q")
    app.wait_for_exit()


def test_the_caseworkers_interface_language_is_its_own_setting(
    new_terminal: Callable[[], Terminal], home: Home
) -> None:
    """``interface_language = "en"``: the caseworker reads the interface in English."""
    home.locations.config_dir.mkdir(parents=True, exist_ok=True)
    (home.locations.config_dir / "config.toml").write_text('interface_language = "en"\n', "utf-8")
    app = new_terminal().start("demo")
    screen = app.wait_for("Participants", "Close", "Sara Demosson")
    assert "Stäng" not in screen
    app.keys("C-q")
    assert app.wait_for_exit().status == 0
