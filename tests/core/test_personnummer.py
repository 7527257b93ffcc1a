"""Personnummer and samordningsnummer: strict validation, Swedish messages, masking.

All numbers here are invented test numbers with valid or deliberately broken check digits.
"""

from __future__ import annotations

from datetime import date

import pytest

from interview.clock import ManualClock
from interview.participants import ParticipantError, new_participant
from interview.personnummer import PersonnummerError, luhn_ok, parse

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("19900101-0017", "199001010017"),
        ("199001010017", "199001010017"),
        ("900101-0017", "199001010017"),
        ("9001010017", "199001010017"),
        (" 19900101 - 0017 ", "199001010017"),
        ("19850312-2387", "198503122387"),
    ],
)
def test_valid_numbers_are_normalised_to_12_digits(text: str, digits: str) -> None:
    assert parse(text, TODAY).digits == digits


def test_a_plus_sign_means_100_years_or_older() -> None:
    ten = next(f"20010100{n}{c}" for n in range(10) for c in range(10) if luhn_ok(f"20010100{n}{c}"))
    assert parse(f"{ten[:6]}-{ten[6:]}", TODAY).digits.startswith("2020")
    assert parse(f"{ten[:6]}+{ten[6:]}", TODAY).digits.startswith("1920")


def test_samordningsnummer_has_60_added_to_the_day() -> None:
    # Day 61 = the 1st; check digit computed for the 10 digits.
    ten = next(f"90016100{n}{c}" for n in range(10) for c in range(10) if luhn_ok(f"90016100{n}{c}"))
    number = parse(f"19{ten[:6]}-{ten[6:]}", TODAY)
    assert number.is_samordningsnummer
    assert number.birth_date == date(1990, 1, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("19900101-0018", "Kontrollsiffran"),
        ("19900230-0017", "finns inte"),
        ("19901301-0017", "finns inte"),
        ("19900192-0017", "finns inte"),
        ("20900101-0017", "framtiden"),
        ("1990010-0017", "12 siffror"),
        ("abc", "12 siffror"),
        ("", "12 siffror"),
        ("١٩٩٠٠١٠١-٠٠١٧", "0–9"),  # Arabic-Indic digits are not accepted
        ("１９９００１０１-００１７", "0–9"),  # full-width digits neither
    ],
)
def test_invalid_numbers_get_a_swedish_reason(text: str, message: str) -> None:
    with pytest.raises(PersonnummerError, match=message):
        parse(text, TODAY)


def test_masking_hides_the_last_four_digits() -> None:
    number = parse("19900101-0017", TODAY)
    assert number.masked() == "19900101-****"
    assert number.formatted() == "19900101-0017"


def test_new_participant_validates_and_cleans() -> None:
    clock = ManualClock()
    person = new_participant("  Amina   Testdotter ", "900101-0017", clock, "Handläggare")
    assert person.name == "Amina Testdotter"
    assert person.personnummer == "199001010017"
    assert person.no_number_reason is None
    without = new_participant("Bo Exempel", "", clock, "Handläggare", "Född 1990-01-01, ny i Sverige")
    assert without.personnummer is None
    assert without.no_number_reason == "Född 1990-01-01, ny i Sverige"


@pytest.mark.parametrize(
    ("name", "number", "reason", "message"),
    [
        ("", "19900101-0017", None, "namn"),
        ("Bo Exempel", None, None, "varför"),
        ("Bo Exempel", "  ", "  ", "varför"),
        ("Bo Exempel", "19900101-0018", None, "Kontrollsiffran"),
        ("x" * 201, "19900101-0017", None, "för långt"),
    ],
)
def test_new_participant_refuses_with_a_message(
    name: str, number: str | None, reason: str | None, message: str
) -> None:
    with pytest.raises(ParticipantError, match=message):
        new_participant(name, number, ManualClock(), "Handläggare", reason)
