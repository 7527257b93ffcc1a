"""LIX (Björnsson) and the word counts behind it, with the examples of questions.md."""

from __future__ import annotations

import pytest

from interview.banks.lix import is_long, lix, readability, words


def test_hard_official_sentence_is_about_65() -> None:
    text = "Beskriv eventuella funktionsnedsättningar och hur dessa påverkar din arbetsförmåga."
    measured = readability(text)
    assert measured.words == 9
    assert measured.sentences == 1
    assert measured.long_words == 5  # Beskriv, eventuella, funktionsnedsättningar, påverkar, …
    assert lix(text) == pytest.approx(64.6, abs=0.05)
    assert round(lix(text)) == 65


def test_plain_question_is_8() -> None:
    text = "Vad brukar du göra för att må bättre?"
    assert readability(text).long_words == 0
    assert lix(text) == pytest.approx(8.0)


def test_formula_words_per_sentence_plus_long_word_share() -> None:
    text = "Hur mår kroppen? Vad gör du på fritiden?"
    measured = readability(text)
    assert (measured.words, measured.sentences, measured.long_words) == (8, 2, 2)
    assert measured.lix == pytest.approx(8 / 2 + 100 * 2 / 8)


def test_hyphenated_compound_is_one_word() -> None:
    assert words("Hur går det med it-stödet och e-posten?") == [
        "Hur",
        "går",
        "det",
        "med",
        "it-stödet",
        "och",
        "e-posten",
    ]
    assert readability("Har du ett CV-underlag?").words == 4


def test_hyphen_does_not_count_as_a_letter() -> None:
    # "it-stöd" has six letters: not long; "e-posten" has seven: long.
    assert not is_long("it-stöd")
    assert is_long("e-posten")


def test_digits_are_not_words() -> None:
    assert words("Hur viktigt är det, från 0 till 10?") == [
        "Hur",
        "viktigt",
        "är",
        "det",
        "från",
        "till",
    ]
    assert readability("Jag har arbetat 12 år.").words == 4
    assert words("2024 2025") == []


def test_long_word_has_more_than_six_letters() -> None:
    assert not is_long("arbete")  # 6 letters
    assert is_long("arbetet")  # 7 letters
    assert not is_long("känsla")
    assert is_long("åtgärder")  # letters with diacritics count as one letter each
    assert readability("arbete arbetet").long_words == 1


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Hur mår du?", 1),
        ("Hur mår du? Vad gör du.", 2),
        ("Vi börjar! Sedan: frågor.", 3),
        ("Hur mår du", 1),  # no end mark still counts as one sentence
        ("Hur mår du? Vad gör du", 2),
        ("Vad??", 1),  # a run of marks ends one sentence
    ],
)
def test_sentence_ends(text: str, sentences: int) -> None:
    assert readability(text).sentences == sentences


@pytest.mark.parametrize("text", ["", "   ", "12 34", "?!"])
def test_text_without_words_has_lix_0(text: str) -> None:
    measured = readability(text)
    assert measured.words == 0
    assert measured.long_words == 0
    assert measured.sentences >= 1
    assert lix(text) == 0.0


def test_swedish_letters_are_part_of_words() -> None:
    assert words("Vad gör dig lugn i själen?") == ["Vad", "gör", "dig", "lugn", "i", "själen"]
    assert words("Hur mår du?—Bra.") == ["Hur", "mår", "du", "Bra"]
