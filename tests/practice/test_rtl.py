"""Right-to-left display: wrap in logical order, then shape and reorder each line."""

from __future__ import annotations

import textwrap
import unicodedata

import arabic_reshaper
from hypothesis import given
from hypothesis import strategies as st

from interview.rtl import RtlMode, display_lines, has_rtl, is_rtl, visual_line

SENTENCE = "كيف كان يومك اليوم في العمل مع زملائك الجدد؟ حدثني عن ذلك"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def unshaped(visual: str) -> str:
    """The logical text behind a visual line: reversed, presentation forms back to letters."""
    return unicodedata.normalize("NFKC", visual[::-1])


def is_presentation_form(char: str) -> bool:
    return 0xFE70 <= ord(char) <= 0xFEFF


def test_logical_mode_returns_the_wrapped_logical_lines() -> None:
    lines = display_lines(SENTENCE, 20, RtlMode.LOGICAL)
    assert lines == textwrap.wrap(SENTENCE, 20)
    assert len(lines) == 3


def test_visual_lines_are_the_logical_lines_reordered() -> None:
    logical = display_lines(SENTENCE, 20, RtlMode.LOGICAL)
    visual = display_lines(SENTENCE, 20)
    assert len(visual) == len(logical)
    for line, source in zip(visual, logical, strict=True):
        assert unshaped(line) == source


def test_first_logical_word_is_at_the_right_end_of_the_first_line() -> None:
    first_word = SENTENCE.split(maxsplit=1)[0]
    last_word = textwrap.wrap(SENTENCE, 20)[0].split()[-1]
    visual = display_lines(SENTENCE, 20)
    assert visual[0].endswith(arabic_reshaper.reshape(first_word)[::-1])
    assert visual[0].startswith(arabic_reshaper.reshape(last_word)[::-1])


def test_letters_are_shaped() -> None:
    visual = display_lines(SENTENCE, 20)
    for line in visual:
        assert any(is_presentation_form(char) for char in line), line
    assert not any(is_presentation_form(char) for char in SENTENCE)


def test_question_mark_stays_with_its_word() -> None:
    visual = display_lines("ماذا تريد؟", 40)
    assert visual[0].startswith("؟")


def test_latin_text_is_untouched() -> None:
    text = "Jag har arbetat som kock i fem år och vill jobba igen."
    assert display_lines(text, 20) == textwrap.wrap(text, 20)
    assert display_lines(text, 20, RtlMode.LOGICAL) == textwrap.wrap(text, 20)
    assert visual_line("Hej på dig (2024)!") == "Hej på dig (2024)!"


def test_zero_width_joiner_is_removed() -> None:
    text = "مرحبا\u200dبك في\u200d المقهى"
    for mode in RtlMode:
        for line in display_lines(text, 40, mode):
            assert "\u200d" not in line
    assert display_lines("Hej\u200dsan", 40) == ["Hejsan"]


def test_paragraphs_stay_apart() -> None:
    assert display_lines("Hej\n\nHur mår du?", 40) == ["Hej", "", "Hur mår du?"]
    assert display_lines("", 10) == [""]


@given(
    words=st.lists(st.text(alphabet=ARABIC_LETTERS + "؟،", min_size=1, max_size=12), max_size=15),
    width=st.integers(min_value=-2, max_value=40),
)
def test_no_line_is_wider_than_the_width(words: list[str], width: int) -> None:
    text = " ".join(words)
    for mode in RtlMode:
        for line in display_lines(text, width, mode):
            assert len(line) <= max(width, 1)


def test_direction_of_text() -> None:
    assert has_rtl("Hej مرحبا")
    assert not has_rtl("Hej på dig 123")
    assert is_rtl("مرحبا Hej")
    assert is_rtl("123 مرحبا")
    assert not is_rtl("Hej مرحبا")
    assert not is_rtl("")
    assert is_rtl("سلام")
    assert is_rtl("שלום")
