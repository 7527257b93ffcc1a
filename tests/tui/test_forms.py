"""The forms: a mistake at its field, Tab and Shift+Tab that keep the text, radio buttons marked by a
shape, the end-of-session summary and the åtgärder table fitted to the screen."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, RadioButton, Static

from interview.clock import ManualClock
from interview.consent import PartyKind
from interview.tui.screens.actions import (
    DUE_WIDTH,
    WHAT_MIN,
    WHO_MAX,
    WHO_MIN,
    ActionFormScreen,
    ActionsScreen,
    column_widths,
)
from interview.tui.screens.add_participant import AddParticipantScreen
from interview.tui.screens.consent import ConsentFormScreen, ConsentScreen
from interview.tui.screens.end_session import EndSessionScreen
from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.screens.session_start import SessionStartScreen
from interview.tui.widgets.form import ERROR_MARK, FieldError
from interview.tui.widgets.radio import CHOSEN, NOT_CHOSEN, MarkedRadioButton
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    CASEWORKER,
    add_participant_directly,
    answer,
    assert_message_at,
    fake_number,
    field_message,
    form_messages,
    open_participant,
    plain,
    quit_app,
    settle,
    start_session,
    type_text,
    wait_for_screen,
)

NUMBER = fake_number("19850312")
NAME = "Amina Testdotter"
LONG_WHAT = (
    "Boka ett möte med studie- och yrkesvägledaren om vilka utbildningar som finns inom vård "
    "och omsorg, och ta med betygen från gymnasiet och intyget från den förra arbetsplatsen så att "
    "vägledaren kan se vad som redan räknas"
)


async def open_session_start(pilot: Pilot[Any]) -> SessionStartScreen:
    """Open the participant and the session start form."""
    await open_participant(pilot)
    await pilot.press("enter")
    form = await wait_for_screen(pilot, SessionStartScreen)
    await pilot.pause()
    return form


def widget_after(widget: Any) -> Any:
    """The widget that follows ``widget`` among its parent's children."""
    siblings = list(widget.parent.children)
    return siblings[siblings.index(widget) + 1]


async def test_a_mistake_is_shown_under_its_field_with_the_cursor_there_until_the_field_changes(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_session_start(pilot)
        form.query_one("#caseworker", Input).value = CASEWORKER
        minutes = form.query_one("#minutes", Input)
        minutes.value = "90"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = "Skriv hur många minuter ni har i dag: mellan 5 och 60."
        assert_message_at(form, "minutes", message)
        error = widget_after(minutes)
        assert isinstance(error, FieldError), "the message is not right under its field"
        assert plain(error) == f"{ERROR_MARK} {message}"
        assert error.region.y == minutes.region.bottom, "the message is not drawn under the field"
        assert app.screen is form

        # a mistake in another field moves the message and the cursor there
        form.query_one("#caseworker", Input).value = " "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_message_at(form, "caseworker", "Skriv handläggarens namn.")
        assert field_message(form, "minutes") == ""

        # typing in the field takes its message away
        await pilot.press("H")
        await pilot.pause()
        assert form_messages(form) == ""
        assert not form.query_one("#caseworker-error", FieldError).display
        await quit_app(pilot)


async def test_a_message_at_a_field_is_plain_text(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_session_start(pilot)
        form.field_error("caseworker", "[bold red]Hanna[/] [link=x]y[/link]")
        await pilot.pause()
        assert field_message(form, "caseworker") == "[bold red]Hanna[/] [link=x]y[/link]"
        await quit_app(pilot)


async def test_a_group_of_boxes_gets_its_message_under_the_last_one(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    """No party ticked on a new medgivande: the message follows the party rows, ticking one clears it."""
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await open_participant(pilot)
        await pilot.press("m")
        await wait_for_screen(pilot, ConsentScreen)
        await settle(pilot)
        await pilot.press("n")
        form = await wait_for_screen(pilot, ConsentFormScreen)
        await pilot.pause()
        form.query_one("#caseworker", Input).value = CASEWORKER
        await pilot.press("ctrl+s")
        await settle(pilot)
        first = f"party-{next(iter(PartyKind)).value}"
        assert field_message(form, first) != ""
        assert form.focused is form.query_one(f"#{first}")
        last = [*PartyKind][-1]
        end = form.query_one(f"#name-{last.value}" if last.takes_name else f"#party-{last.value}")
        assert isinstance(widget_after(end), FieldError)
        await pilot.click(f"#party-{[*PartyKind][1].value}")
        await pilot.pause()
        assert field_message(form, first) == ""
        await quit_app(pilot)


async def test_shift_tab_and_tab_keep_a_fields_text_so_one_key_does_not_delete_it(
    build_app: AppFactory,
) -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        await pilot.press("ctrl+n")
        form = await wait_for_screen(pilot, AddParticipantScreen)
        await pilot.pause()
        name, number = form.query_one("#name", Input), form.query_one("#number", Input)
        assert form.focused is name
        await type_text(pilot, NAME)
        await pilot.press("tab")
        assert form.focused is number
        await type_text(pilot, NUMBER)

        await pilot.press("shift+tab")
        assert form.focused is name
        assert name.selection.is_empty
        assert name.cursor_position == len(NAME)
        await pilot.press("x")
        assert name.value == NAME + "x"

        await pilot.press("tab")
        assert form.focused is number
        assert number.selection.is_empty
        await pilot.press("9")
        assert number.value == NUMBER + "9"
        await quit_app(pilot)


def radio_text(button: RadioButton) -> str:
    """The text the radio button draws."""
    return button.render().plain


async def test_the_chosen_radio_button_is_marked_by_a_symbol(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_session_start(pilot)
        standard = form.query_one("#standard", RadioButton)
        lattlast = form.query_one("#lattlast", RadioButton)
        assert CHOSEN in radio_text(standard) and NOT_CHOSEN not in radio_text(standard)
        assert NOT_CHOSEN in radio_text(lattlast) and CHOSEN not in radio_text(lattlast)
        await pilot.click("#lattlast")
        await pilot.pause()
        assert lattlast.value
        assert CHOSEN in radio_text(lattlast)
        assert NOT_CHOSEN in radio_text(standard)
        await quit_app(pilot)


def test_every_radio_button_of_the_app_is_a_marked_one() -> None:
    """A plain RadioButton would tell the choice by brightness alone."""
    import interview.tui

    root = Path(interview.tui.__file__).parent
    for source in root.rglob("*.py"):
        if source.name == "radio.py":
            continue
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"(?<!Marked)RadioButton\(", text), source
    assert issubclass(MarkedRadioButton, RadioButton)


async def test_the_end_of_a_session_lists_each_area_once_and_refuses_a_past_date_at_the_field(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await answer(pilot, screen, "Det är lugnt hemma just nu.")
        started = screen.interview.current_area.label_in(screen.interview.register)
        await pilot.press("f10")
        end = await wait_for_screen(pilot, EndSessionScreen)
        await pilot.pause()

        summary = plain(end.query_one("#end-summary", Static))
        talked, left = summary.split("Kvar att prata om:")
        assert f"◐ {started} – fortsätter nästa gång" in talked
        assert started not in left
        labels = [area.label_in(screen.interview.register) for area in screen.interview.bank.areas]
        for label in labels:
            lines = [line for line in summary.splitlines() if line.strip()[2:].startswith(label)]
            assert len(lines) == 1, (label, lines)

        meeting = end.query_one("#next-meeting", Input)
        assert meeting.value == ""
        assert not re.search(r"\d", str(meeting.placeholder)), "the placeholder is a fixed date"
        meeting.value = "2026-01-11"  # the day before the clock's today
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_message_at(end, "next-meeting", "Nästa träff kan inte vara före i dag.")
        assert app.screen is end
        await quit_app(pilot)


def test_column_widths_fill_the_width_and_give_way_in_order() -> None:
    headers = ("Vad", "Vem", "När")
    whats, whos = [LONG_WHAT, "Förnya truckkortet"], ["Marja och handläggaren", "Marja"]
    wide = column_widths(120, whats, whos, headers)
    assert wide.due == DUE_WIDTH
    assert wide.who == len("Marja och handläggaren")
    assert sum(wide) + 6 == 120, "a long text does not get the rest of the width"
    short = column_widths(120, ["Förnya truckkortet"], whos, headers)
    assert short.what == WHAT_MIN, "a short text gets a column far wider than itself"
    assert column_widths(160, ["x" * 60], whos, headers).what == 60
    assert column_widths(120, whats, ["x" * 80], headers).who == WHO_MAX
    assert column_widths(120, whats, [], headers).who == WHO_MIN
    # narrower: "who" gives way first, down to what keeps "what" at its narrowest
    assert column_widths(60, whats, whos, headers) == (WHAT_MIN, 20, DUE_WIDTH)
    too_narrow = column_widths(50, whats, whos, headers)
    assert too_narrow == (WHAT_MIN, WHO_MIN, DUE_WIDTH)
    assert sum(too_narrow) + 6 > 50


async def add_action(pilot: Pilot[Any], what: str, who: str, due: str) -> None:
    """Add an åtgärd through its form."""
    await pilot.press("ctrl+n")
    form = await wait_for_screen(pilot, ActionFormScreen)
    await pilot.pause()
    form.query_one("#what", Input).value = what
    form.query_one("#who", Input).value = who
    form.query_one("#due", Input).value = due
    await pilot.press("ctrl+s")
    await wait_for_screen(pilot, ActionsScreen)
    await settle(pilot)


def table_widths(actions: ActionsScreen) -> tuple[list[int], int]:
    """The rendered widths of the columns (padding included) and the width the table has."""
    table: DataTable[Text] = actions.query_one(DataTable)
    columns = [column.get_render_width(table) for column in table.ordered_columns]
    return columns, table.scrollable_content_region.width


async def test_the_actions_table_fits_what_who_and_when_at_120_columns(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot)
        await start_session(pilot)
        await pilot.press("f12")
        actions = await wait_for_screen(pilot, ActionsScreen)
        await settle(pilot)
        await add_action(pilot, LONG_WHAT, "Amina och handläggaren", "2026-02-01")
        await add_action(pilot, "Förnya truckkortet", "Amina", "")
        table: DataTable[Text] = actions.query_one(DataTable)
        columns, width = table_widths(actions)
        assert sum(columns) <= width, (columns, width)
        assert table.max_scroll_x == 0, "the table scrolls sideways at 120 columns"
        assert columns[2] >= DUE_WIDTH + 2
        assert columns[1] == len("Amina och handläggaren") + 2
        assert columns[0] > width // 2, "what does not get the room"
        first_row = next(iter(table.rows.values()))
        assert first_row.height > 1, "the long text is not wrapped"
        assert table.get_row_at(0)[0].plain == LONG_WHAT

        # only when even the narrowest columns do not fit does it scroll sideways
        await pilot.resize_terminal(44, 30)
        await settle(pilot)
        columns, width = table_widths(actions)
        assert sum(columns) > width
        assert table.max_scroll_x > 0
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert table.max_scroll_x == 0
        await quit_app(pilot)
