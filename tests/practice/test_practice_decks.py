"""The decks: which bank questions are practised, in which wording, with which translation."""

from __future__ import annotations

import pytest

from interview.banks import AreaGroup, Bank, Register
from interview.practice.deck import DeckKind, build_decks, is_practised, practised_questions
from interview.practice.models import PracticeTranslation
from interview.practice.session import PracticeMaterial
from tests.practice.fictional import PRACTISED_IDS, content, tiny_bank

PRACTISED_GROUPS = {
    AreaGroup.INLEDNING,
    AreaGroup.INDIVID,
    AreaGroup.OMGIVNING,
    AreaGroup.MOTIVATION,
    AreaGroup.ATGARDER,
}


def test_only_plain_opening_questions_of_practised_areas_in_bank_order() -> None:
    bank = tiny_bank()
    assert [question.id for _area, _label, question in practised_questions(bank)] == PRACTISED_IDS
    left_out = {"inl.syfte", "kropp.lov", "kropp.svar", "kropp.styrka", "kropp.privat", "kropp.stammer"}
    for area in bank.areas:
        for question in area.questions:
            assert is_practised(question) is (question.id not in left_out), question.id


def test_question_cards_are_in_lattlast_under_the_area_label() -> None:
    cards = build_decks(content(), tiny_bank(), None)[DeckKind.QUESTIONS].cards
    assert [card.id for card in cards] == [f"question:{qid}" for qid in PRACTISED_IDS]
    assert cards[0].swedish == "Hur har din dag varit?"
    assert [card.heading for card in cards] == [
        "Hur du har det",
        "Hur du har det",
        "Hur kroppen mår",
        "Hur kroppen mår",
        "När du är ledig",
    ]


def test_without_a_language_there_is_no_translation() -> None:
    decks = build_decks(content(), tiny_bank(), None)
    for deck in decks.values():
        assert deck.cards
        for card in deck.cards:
            assert card.translation is None
            assert card.heading_translation is None
            assert card.example_translation is None


def test_other_decks_follow_the_content() -> None:
    translation = PracticeTranslation.model_validate(
        {
            "practice": "kafe",
            "language": "en",
            "status": "machine-draft",
            "word": {"lon": "salary"},
            "example": {"lon": "The salary comes every month."},
            "theme": {"jobb": "Work"},
            "interview": {"borja": "When can you start?"},
        }
    )
    decks = build_decks(content(), None, translation)
    assert decks[DeckKind.QUESTIONS].cards == ()
    assert [card.swedish for card in decks[DeckKind.STARTERS].cards] == [
        "Jag är bra på …",
        "Kan du säga det igen?",
    ]
    words = decks[DeckKind.WORDS].cards
    assert [(card.swedish, card.heading) for card in words] == [
        ("lön", "Jobb"),
        ("rast", "Jobb"),
        ("CV", "Söka jobb"),
    ]
    assert words[0].translation == "salary"
    assert words[0].example == "Lönen kommer varje månad."
    assert words[0].example_translation == "The salary comes every month."
    assert words[0].heading_translation == "Work"
    assert words[1].translation is None
    assert words[1].example is None
    interview = decks[DeckKind.INTERVIEW].cards
    assert [card.translation for card in interview] == [None, "When can you start?"]


def test_deck_labels_are_swedish() -> None:
    assert [kind.label for kind in DeckKind] == ["Frågor", "Börja svaret", "Ord", "Jobbintervju"]


def test_shipped_questions_deck_matches_the_bank(bank: Bank, material: PracticeMaterial) -> None:
    expected = [
        question
        for area in bank.areas
        if area.group in PRACTISED_GROUPS
        for question in area.questions
        if question.kind.value == "opening"
        and not (question.statement or question.permission or question.check or question.sensitive)
    ]
    cards = build_decks(material.content, bank, None)[DeckKind.QUESTIONS].cards
    assert len(cards) == len(expected) > 20
    for card, question in zip(cards, expected, strict=True):
        assert card.id == f"question:{question.id}"
        assert card.swedish == question.text(Register.LATTLAST)
        assert card.translation is None


@pytest.mark.parametrize("tag", ["ar", "fa", "prs"])
def test_shipped_arabic_script_translations_keep_the_question(
    bank: Bank, material: PracticeMaterial, tag: str
) -> None:
    cards = build_decks(material.content, bank, material.translations[tag])[DeckKind.QUESTIONS].cards
    asked = [card for card in cards if "?" in card.swedish]
    assert len(asked) > 20
    for card in cards:
        assert card.translation, card.id
        assert card.heading_translation, card.id
    for card in asked:
        assert card.translation is not None
        assert "؟" in card.translation, f"{card.id}: {card.translation}"
