"""Dates typed by the caseworker: only the unambiguous ISO forms are read, anything else is explained."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview.dates import DateError, format_date, parse_date

MESSAGE = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15."


@pytest.mark.parametrize("text", ["", " ", "\t\n  "])
def test_an_empty_date_is_no_date(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text", ["2026-12-15", "20261215", "  2026-12-15  ", "\t20261215\n", " 2026-12-15"]
)
def test_iso_dates_with_or_without_dashes(text: str) -> None:
    assert parse_date(text) == date(2026, 12, 15)


@pytest.mark.parametrize(
    "text",
    [
        "15/12/2026",
        "15.12.2026",
        "2026/12/15",
        "2026-1-5",
        "2026-12",
        "2026-1215",
        "202612-15",
        "261215",
        "2026-12-15 10:00",
        "2026-12-15T10:00",
        "i morgon",
        "15 december 2026",
        "２０２６-１２-１５",
        "2026-12-15-",
    ],
)
def test_other_forms_are_refused_with_a_swedish_message(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == MESSAGE


@pytest.mark.parametrize("text", ["2026-02-30", "20260230", "2026-13-01", "2026-00-10", "0000-01-01"])
def test_dates_that_do_not_exist_get_the_same_message(text: str) -> None:
    with pytest.raises(DateError, match="ÅÅÅÅ-MM-DD"):
        parse_date(text)


def test_leap_days() -> None:
    assert parse_date("2028-02-29") == date(2028, 2, 29)
    with pytest.raises(DateError):
        parse_date("2026-02-29")


def test_a_date_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="till exempel 2026-12-15"):
        parse_date("imorgon")


def test_format_date_is_iso() -> None:
    assert format_date(date(2026, 12, 15)) == "2026-12-15"
    assert format_date(date(2027, 1, 5)) == "2027-01-05"


@given(st.dates(min_value=date(1000, 1, 1)))
def test_a_formatted_date_reads_back(value: date) -> None:
    assert parse_date(format_date(value)) == value
    assert parse_date(format_date(value).replace("-", "")) == value
