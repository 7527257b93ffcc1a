"""PracticeSession: places per deck, moving by card and by heading, language, drafts in memory only."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from interview.practice.deck import DeckKind
from interview.practice.session import PracticeMaterial, PracticeSession
from tests.practice.fictional import CONTENT_TOML, content, write

_written: list[str] | None = None
_hooked = False
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _written is None or event != "open":
        return
    path, mode, flags = args
    writing = (
        any(char in mode for char in "wax+") if isinstance(mode, str) else bool(flags & _WRITE_FLAGS)
    )
    if writing:
        _written.append(str(path))


@pytest.fixture
def files_written() -> Iterator[list[str]]:
    """Every file opened for writing (anywhere) while the test body runs."""
    global _written, _hooked  # noqa: PLW0603 - an audit hook cannot be removed, so it is switched
    if not _hooked:
        sys.addaudithook(_audit)
        _hooked = True
    _written = []
    yield _written
    _written = None


def headings(session: PracticeSession) -> list[str]:
    return [card.heading for card in session.deck().cards]


def test_material_lists_languages_by_swedish_name(material: PracticeMaterial) -> None:
    assert [item.name for item in material.languages()] == [
        "arabiska",
        "dari",
        "engelska",
        "persiska",
        "somaliska",
        "tigrinja",
        "ukrainska",
    ]


def test_material_without_content_says_why_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="Övningsinnehållet går inte att läsa: filen saknas"):
        PracticeMaterial.load([tmp_path])
    write(tmp_path / "sprakcafe", "kafe.toml", CONTENT_TOML.replace('bank = "liten"\n', ""))
    with pytest.raises(LookupError, match="Övningsinnehållet går inte att läsa: saknas"):
        PracticeMaterial.load([tmp_path])


def test_positions_are_kept_per_deck(material: PracticeMaterial) -> None:
    session = PracticeSession(material)
    assert session.kind is DeckKind.QUESTIONS
    session.go(3)
    session.kind = DeckKind.WORDS
    assert session.index == 0
    session.step(2)
    session.kind = DeckKind.QUESTIONS
    assert session.index == 3
    assert session.card == session.deck().cards[3]
    session.kind = DeckKind.WORDS
    assert session.index == 2


def test_step_stops_at_both_ends(material: PracticeMaterial) -> None:
    session = PracticeSession(material, kind=DeckKind.INTERVIEW)
    last = len(session.deck().cards) - 1
    session.step(-1)
    assert session.index == 0
    session.step(last + 5)
    assert session.index == last
    session.step(1)
    assert session.index == last
    session.go(-7)
    assert session.index == 0


def test_next_heading_goes_to_the_first_card_of_the_next_area_and_back(
    material: PracticeMaterial,
) -> None:
    session = PracticeSession(material)
    names = headings(session)
    second = names.index(names[0], 0) + names.count(names[0])
    third = second + names.count(names[second])
    assert names[second] != names[0]
    assert names[third] != names[second]

    session.next_heading(1)
    assert session.index == second
    session.next_heading(1)
    assert session.index == third
    session.next_heading(-1)
    assert session.index == second
    session.step(1)
    session.next_heading(-1)
    assert session.index == 0
    session.next_heading(-1)
    assert session.index == 0


def test_next_heading_in_the_word_deck_goes_by_theme(material: PracticeMaterial) -> None:
    session = PracticeSession(material, kind=DeckKind.WORDS)
    first_theme = material.content.themes[0]
    session.next_heading(1)
    assert session.index == len(first_theme.words)
    assert session.card is not None
    assert session.card.heading == material.content.themes[1].title


def test_set_language_keeps_places_and_drafts(material: PracticeMaterial) -> None:
    session = PracticeSession(material)
    assert session.card is not None
    assert session.card.translation is None
    session.go(4)
    session.keep_draft("Jag mår bra.")
    session.kind = DeckKind.WORDS
    session.go(2)

    session.set_language("ar")

    assert session.language is not None
    assert session.language.name == "arabiska"
    assert session.translation is material.translations["ar"]
    assert session.index == 2
    assert session.card is not None
    assert session.card.translation
    session.kind = DeckKind.QUESTIONS
    assert session.index == 4
    assert session.draft() == "Jag mår bra."
    session.set_language(None)
    assert session.card is not None
    assert session.card.translation is None
    assert session.draft() == "Jag mår bra."


def test_an_unknown_language_means_none(material: PracticeMaterial) -> None:
    assert PracticeSession(material, language_tag="xx").language_tag is None
    session = PracticeSession(material, language_tag="so")
    assert session.language_tag == "so"
    session.set_language("sv")
    assert session.language_tag is None
    assert session.translation is None


def test_translation_is_hidden_until_asked_for(material: PracticeMaterial) -> None:
    session = PracticeSession(material, language_tag="ti")
    assert session.show_translation is False
    assert session.toggle_translation() is True
    assert session.toggle_translation() is False


def test_drafts_are_per_card_and_forgotten(material: PracticeMaterial) -> None:
    session = PracticeSession(material)
    session.keep_draft("Min dag var lång.")
    session.step(1)
    assert session.draft() == ""
    session.keep_draft("Jag vill prata om jobb.")
    session.kind = DeckKind.STARTERS
    assert session.draft() == ""
    session.keep_draft("Jag är bra på att laga mat.")
    session.kind = DeckKind.QUESTIONS
    session.step(-1)
    assert session.draft() == "Min dag var lång."
    assert len(session.drafts) == 3
    session.keep_draft("")
    assert session.draft() == ""
    assert len(session.drafts) == 2
    session.forget()
    assert session.drafts == {}
    session.step(1)
    assert session.draft() == ""


def test_empty_deck_has_no_card() -> None:
    session = PracticeSession(PracticeMaterial(content(), None, {}))
    assert session.deck().cards == ()
    assert session.card is None
    session.step(3)
    session.next_heading(1)
    assert session.index == 0
    session.keep_draft("Hej")
    assert session.draft() == ""
    assert session.drafts == {}


def test_a_session_writes_no_file(
    material: PracticeMaterial,
    files_written: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    session = PracticeSession(material, language_tag="ar")
    for kind in DeckKind:
        session.kind = kind
        for _card in session.deck().cards[:3]:
            session.keep_draft("Påhittat svar från Amina Testdotter.")
            session.step(1)
    session.set_language("uk")
    session.forget()
    assert files_written == []
    assert list(tmp_path.iterdir()) == []
