"""``kartlagg practice --sprak``: a language by code or Swedish name; an unknown one is refused."""

from __future__ import annotations

import pytest

from interview.cli import EXIT_USAGE, main
from interview.cli.practice import choose_language

AVAILABLE = ["ar", "en", "prs", "ti"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("ar", "ar"), ("Arabiska", "ar"), (" dari ", "prs"), ("PRS", "prs"), ("tigrinja", "ti")],
)
def test_a_language_is_chosen_by_code_or_swedish_name(value: str, expected: str) -> None:
    assert choose_language(value, AVAILABLE) == expected


@pytest.mark.parametrize("value", ["xx", "persiska", "svenska", ""])
def test_a_language_without_translation_is_not_chosen(value: str) -> None:
    assert choose_language(value, AVAILABLE) is None


def test_practice_with_an_unknown_language_says_which_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["practice", "--sprak", "klingonska"]) == EXIT_USAGE
    error = capsys.readouterr().err
    assert "ingen översättning till 'klingonska'" in error
    assert "ar (arabiska)" in error
    assert "prs (dari)" in error
    assert "Traceback" not in error
