"""The start screen: adding participants with strict number checks, searching, and masked numbers.

Every personnummer here is an invented test number (serial 980–999) whose check digit is computed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, Static

from interview.clock import ManualClock
from interview.tui.screens.add_participant import AddParticipantScreen
from interview.tui.screens.participants import ParticipantsScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    CASEWORKER,
    add_participant_directly,
    fake_number,
    field_message,
    notices,
    plain,
    quit_app,
    settle,
    stored_participants,
    type_text,
    wait_for_screen,
    wrong_check_digit,
)

NUMBER = fake_number("19850312")
SAMORDNINGSNUMMER = fake_number("19850372")  # the 12th with 60 added to the day


def rows(screen: ParticipantsScreen) -> list[list[str]]:
    """The participant table as plain text, row by row."""
    table: DataTable[Text] = screen.query_one(DataTable)
    return [[cell.plain for cell in table.get_row_at(index)] for index in range(table.row_count)]


def names(screen: ParticipantsScreen) -> list[str]:
    """The names the table shows, top to bottom."""
    return [row[0] for row in rows(screen)]


async def open_form(pilot: Pilot[Any]) -> AddParticipantScreen:
    """Press Ctrl+N on the start screen and return the form."""
    await wait_for_screen(pilot, ParticipantsScreen)
    await settle(pilot)
    await pilot.press("ctrl+n")
    form = await wait_for_screen(pilot, AddParticipantScreen)
    await pilot.pause()
    return form


async def fill_and_save(
    pilot: Pilot[Any],
    form: AddParticipantScreen,
    name: str,
    number: str = "",
    *,
    reason: str | None = None,
) -> None:
    """Fill in the form (ticking "no number" when a ``reason`` is given) and press Ctrl+S."""
    form.query_one("#name", Input).value = name
    form.query_one("#number", Input).value = number
    if reason is not None:
        await pilot.click("#no-number")
        form.query_one("#reason", Input).value = reason
    form.query_one("#caseworker", Input).value = CASEWORKER
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_a_valid_personnummer_typed_in_adds_the_participant(
    build_app: AppFactory, db_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await pilot.click("#name")
        await type_text(pilot, "Amina Test")
        await pilot.press("enter")  # Enter moves on to the number
        await type_text(pilot, NUMBER)
        form.query_one("#caseworker", Input).value = CASEWORKER
        assert form.query_one("#name", Input).value == "Amina Test"
        assert form.query_one("#number", Input).value == NUMBER
        await pilot.click("#caseworker")
        await pilot.press("enter")  # Enter in the last field saves
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        assert rows(screen) == [["Amina Test", NUMBER[:8] + "-****", "2026-01-12"]]
        await quit_app(pilot)
    [participant] = stored_participants(db_path)
    assert participant.name == "Amina Test"
    assert participant.personnummer == NUMBER.replace("-", "")
    assert participant.created_by == CASEWORKER


async def test_typing_right_after_ctrl_n_goes_into_the_name_field(build_app: AppFactory) -> None:
    """Ctrl+N then typing the name at once must not lose the keys (the first field has the focus)."""
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await type_text(pilot, "Amina")
        assert form.query_one("#name", Input).value == "Amina", (
            f"the keys went to {app.focused!r}, not to the name field"
        )
        await quit_app(pilot)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        pytest.param(wrong_check_digit(NUMBER), "Kontrollsiffran stämmer inte", id="wrong-luhn"),
        pytest.param("19850230-9800", "Datumet 1985-02-30 finns inte", id="no-such-date"),
        pytest.param("19851301-9800", "Datumet 1985-13-01 finns inte", id="month-13"),
        pytest.param(NUMBER[:-1], "12 siffror", id="eleven-digits"),
        pytest.param(NUMBER[2:-2], "12 siffror", id="eight-digits"),
        pytest.param("١٩٨٥٠٣١٢-٩٨٠٤", "bara siffrorna 0–9", id="arabic-indic-digits"),
        pytest.param("１９８５０３１２-９８０４", "bara siffrorna 0–9", id="full-width-digits"),
        pytest.param("20990101-9800", "framtiden", id="born-in-the-future"),
    ],
)
async def test_an_invalid_number_is_explained_in_swedish_and_nothing_is_saved(
    build_app: AppFactory, db_path: Path, number: str, message: str
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await fill_and_save(pilot, form, "Amina Testdotter", number)
        assert app.screen is form, "the form closed on an invalid number"
        assert message in field_message(form, "number")
        assert form.focused is form.query_one("#number"), "the cursor is not in the number field"
        await pilot.press("escape")
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        assert rows(screen) == []
        await quit_app(pilot)
    assert stored_participants(db_path) == []


async def test_the_ten_digit_form_is_accepted_and_stored_with_twelve_digits(
    build_app: AppFactory, db_path: Path
) -> None:
    """personnummer.parse accepts ÅÅMMDD-NNNN and adds the century (documented there)."""
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await fill_and_save(pilot, form, "Amina Testdotter", NUMBER[2:])
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        assert rows(screen)[0][1] == NUMBER[:8] + "-****"
        await quit_app(pilot)
    [participant] = stored_participants(db_path)
    assert participant.personnummer == NUMBER.replace("-", "")


async def test_a_samordningsnummer_is_accepted(build_app: AppFactory, db_path: Path) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await fill_and_save(pilot, form, "Nour Samordning", SAMORDNINGSNUMMER)
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        assert rows(screen)[0][:2] == ["Nour Samordning", "19850372-****"]
        await quit_app(pilot)
    [participant] = stored_participants(db_path)
    assert participant.personnummer == SAMORDNINGSNUMMER.replace("-", "")


async def test_no_number_needs_a_reason(build_app: AppFactory, db_path: Path) -> None:
    reason = "Väntar på samordningsnummer, född 1990-04-01 i Aleppo"
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        form = await open_form(pilot)
        await fill_and_save(pilot, form, "Rami Utannummer", reason="")
        assert form.query_one("#no-number", Checkbox).value
        assert form.query_one("#number", Input).disabled
        assert not form.query_one("#reason", Input).disabled
        assert "skriv varför det saknas" in field_message(form, "reason")
        assert form.focused is form.query_one("#reason")
        assert app.screen is form

        form.query_one("#reason", Input).value = reason
        await pilot.press("ctrl+s")
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        assert rows(screen)[0][:2] == ["Rami Utannummer", "inget nummer"]
        assert "Rami Utannummer är tillagd." in notices(messages)
        await quit_app(pilot)
    [participant] = stored_participants(db_path)
    assert participant.personnummer is None
    assert participant.no_number_reason == reason


async def test_an_empty_number_without_the_box_ticked_is_refused(
    build_app: AppFactory, db_path: Path
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        await fill_and_save(pilot, form, "Amina Testdotter", "   ")
        assert "Skriv personnummer eller samordningsnummer" in field_message(form, "number")
        assert form.focused is form.query_one("#number")
        assert app.screen is form
        await quit_app(pilot)
    assert stored_participants(db_path) == []


async def test_the_same_personnummer_twice_is_refused(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    first = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot)
        # the same number written in its short form is still the same person
        await fill_and_save(pilot, form, "Amina Annan", NUMBER[2:].replace("-", ""))
        assert app.screen is form
        message = field_message(form, "number")
        assert "Det finns redan en deltagare med det personnumret" in message
        assert NUMBER[-4:] not in message
        await quit_app(pilot)
    assert [participant.id for participant in stored_participants(db_path)] == [first.id]


async def test_search_filters_by_name_and_by_digits(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    other = fake_number("19900101")
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    add_participant_directly(db_path, clock, "Björn Provsson", other)
    add_participant_directly(db_path, clock, "Åsa Exempel")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        assert sorted(names(screen)) == ["Amina Testdotter", "Björn Provsson", "Åsa Exempel"]
        search = screen.query_one("#search", Input)
        assert search.has_focus

        await type_text(pilot, "amina")
        assert names(screen) == ["Amina Testdotter"]

        search.value = "ASA"  # neither case nor the ring on Å matters
        await pilot.pause()
        assert names(screen) == ["Åsa Exempel"]

        search.value = other[:8]  # the birth date digits
        await pilot.pause()
        assert names(screen) == ["Björn Provsson"]

        search.value = "850312-98"  # digits across the hyphen
        await pilot.pause()
        assert names(screen) == ["Amina Testdotter"]

        search.value = "Ingen sådan"
        await pilot.pause()
        assert names(screen) == []
        assert plain(screen.query_one("#empty", Static)) == "Ingen deltagare matchar sökningen."

        search.value = ""
        await pilot.pause()
        assert len(names(screen)) == 3
        await quit_app(pilot)


async def test_the_table_hides_the_last_four_digits(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    other = fake_number("19900101")
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    add_participant_directly(db_path, clock, "Björn Provsson", other)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        table = rows(screen)
        assert [row[1] for row in table] == [NUMBER[:8] + "-****", other[:8] + "-****"]
        shown = " ".join(" ".join(row) for row in table)
        assert NUMBER[-4:] not in shown
        assert other[-4:] not in shown
        await quit_app(pilot)


async def test_the_list_is_in_swedish_alphabetical_order(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    """Å, Ä and Ö are the last letters of the Swedish alphabet, after Z (not A and O)."""
    for name in ("Östen Prov", "Åsa Exempel", "Ärla Test", "Zelda Zon", "Olle Ordning", "Anna Alm"):
        add_participant_directly(db_path, clock, name)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        assert names(screen) == [
            "Anna Alm",
            "Olle Ordning",
            "Zelda Zon",
            "Åsa Exempel",
            "Ärla Test",
            "Östen Prov",
        ]
        await quit_app(pilot)
