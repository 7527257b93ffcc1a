"""Text hygiene: stored verbatim, displayed safely."""

from __future__ import annotations

from interview.text import (
    clean_input,
    controls_as_symbols,
    for_display,
    normalise_for_search,
    without_controls,
)


def test_clean_input_keeps_everything_that_can_be_stored() -> None:
    text = "[b]fet[/b] [@click=app.quit] \x1b[31m \x00 \u202e ok"
    assert clean_input(text) == text


def test_clean_input_unifies_line_endings_and_replaces_lone_surrogates() -> None:
    assert clean_input("a\r\nb\rc") == "a\nb\nc"
    assert clean_input("x\udc80y") == "x\ufffdy"


def test_for_display_strips_escape_sequences_and_controls() -> None:
    shown = for_display("röd \x1b[31mtext\x1b[0m\x07 \x1b]0;titel\x07slut\x00")
    assert shown == "röd text slut"
    assert "\x1b" not in shown


def test_for_display_keeps_newlines_and_markup_like_text() -> None:
    assert for_display("rad 1\nrad 2\t[b]x[/b]") == "rad 1\nrad 2    [b]x[/b]"


def test_for_display_makes_bidi_overrides_visible() -> None:
    assert for_display("abc\u202edef") == "abc⟨RLO⟩def"


def test_search_form_ignores_case_and_accents() -> None:
    assert normalise_for_search("Åsa ÖSTLUND") == normalise_for_search("asa östlund".upper())
    assert normalise_for_search("Émile") == "emile"


def test_without_controls_removes_escape_sequences_and_controls_but_keeps_lines() -> None:
    text = "A \x1b[31mröd\x1b[0m \x1b]0;titel\x07slut\x00\x7f\tB\nC"
    assert without_controls(text) == "A röd slut\tB\nC"


def test_controls_as_symbols_keeps_the_length_and_hides_every_control() -> None:
    line = "A \x1b[31mröd\x1b[0m \x07 \x7f \x85 \u202e x"
    shown = controls_as_symbols(line)
    assert len(shown) == len(line)
    assert shown == "A ␛[31mröd␛[0m ␇ ␡ ◇ ◇ x"
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in shown)
