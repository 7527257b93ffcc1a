"""Help on every screen (F1), the command palette in Swedish, and crash reports without personal data."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from interview.clock import ManualClock
from interview.tui.crash import crash_report
from interview.tui.screens.help import HelpScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.overview import OverviewScreen
from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.screens.session_start import SessionStartScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    add_participant_directly,
    answer,
    fake_number,
    open_participant,
    plain,
    quit_app,
    settle,
    start_session,
    wait_for_screen,
    wait_until,
)

NUMBER = fake_number("19850312")
DIGITS = NUMBER.replace("-", "")
INTERVIEW_COMMANDS = (
    "Spara svar",
    "Märk som hinder",
    "Märk som resurs",
    "Märk som fakta",
    "Ta bort märkningen",
    "Följdfråga",
    "Egen följdfråga",
    "Hoppa över frågan",
    "Nästa område",
    "Välj område",
    "Ändra valt svar",
    "Motivationskorset",
    "Åtgärder",
    "Avsluta samtalet",
)


async def show_help(pilot: Pilot[Any], about: Screen[Any], *, close: str = "escape") -> str:
    """Press F1 over ``about``, return the help text, close it and check ``about`` is back."""
    await pilot.press("f1")
    helper = await wait_for_screen(pilot, HelpScreen)
    assert helper.about is about
    text = plain(helper.query_one(Static))
    await pilot.press(close)
    await wait_until(pilot, lambda: pilot.app.screen is about, "the help to close")
    return text


def palette_titles(pilot: Pilot[Any]) -> list[str]:
    """The titles of the command palette's system commands on the screen in front."""
    app = pilot.app
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_f1_shows_help_for_each_screen_and_escape_closes_it(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        participants = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        text = await show_help(pilot, participants)
        assert ParticipantsScreen.HELP in text
        assert "Ctrl+N" in text
        assert "Ny deltagare" in text

        overview = await open_participant(pilot)
        text = await show_help(pilot, overview)
        assert OverviewScreen.HELP in text
        assert "Enter" in text
        assert "Starta eller fortsätt samtalet" in text

        # a dialog has its own help
        await pilot.press("enter")
        form = await wait_for_screen(pilot, SessionStartScreen)
        await pilot.pause()
        assert SessionStartScreen.HELP in await show_help(pilot, form)
        await pilot.press("escape")
        await wait_for_screen(pilot, OverviewScreen)
        await settle(pilot)

        interview = await start_session(pilot)
        text = await show_help(pilot, interview)
        assert InterviewScreen.HELP in text
        for key, description in (
            ("F2", "Märk som hinder"),
            ("F5", "Följdfråga"),
            ("F10", "Avsluta samtalet"),
            ("H", "Märk som hinder"),  # in the chat
        ):
            assert any(
                line.split() and line.split()[0] == key and description in line
                for line in text.splitlines()
            ), key
        # typing in the answer box goes on after the help closed
        assert interview.query_one("#answer").has_focus
        await quit_app(pilot)


async def test_f1_again_closes_the_help(build_app: AppFactory) -> None:
    """The help says "Esc eller F1 stänger hjälpen" and binds F1 to close it."""
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        participants = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        await pilot.press("f1")
        helper = await wait_for_screen(pilot, HelpScreen)
        assert "Esc eller F1 stänger hjälpen." in HelpScreen.HELP
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is participants, f"F1 did not close the help: {app.screen!r} is in front"
        assert not helper.is_attached
        await quit_app(pilot)


async def test_the_command_palette_has_the_interview_commands_and_no_screenshot(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        titles = palette_titles(pilot)
        assert titles == [
            "Ny deltagare",
            "Sök",
            "Dokument",
            "Språkcafé",
            "Hjälp",
            "Stäng kartlagg",
            "Dölj skärmen",
        ]

        await open_participant(pilot)
        screen = await start_session(pilot)
        titles = palette_titles(pilot)
        assert not [title for title in titles if "screenshot" in title.casefold()]
        assert list(INTERVIEW_COMMANDS) == titles[: len(INTERVIEW_COMMANDS)]
        assert titles[-3:] == ["Hjälp", "Stäng kartlagg", "Dölj skärmen"]

        # the palette itself: search in Swedish, Enter runs the command on the selected answer
        exchange_id = await answer(pilot, screen, "Jag har ont i ryggen.")
        await pilot.press("ctrl+p")
        palette = await wait_for_screen(pilot, CommandPalette)
        palette.query_one(Input).value = "hinder"
        results = palette.query_one(OptionList)
        await wait_until(pilot, lambda: results.option_count > 0, "the palette's results")
        shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("Märk som hinder" in prompt for prompt in shown)
        palette.query_one(Input).value = "screenshot"
        await pilot.pause()
        await wait_until(
            pilot,
            lambda: all(
                "screenshot" not in str(results.get_option_at_index(i).prompt).casefold()
                for i in range(results.option_count)
            ),
            "no screenshot command",
        )
        palette.query_one(Input).value = "märk som hinder"
        await wait_until(
            pilot,
            lambda: (
                results.option_count > 0
                and "Märk som hinder" in str(results.get_option_at_index(0).prompt)
            ),
            "the hinder command first",
        )
        await pilot.press("enter")
        await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        tag = screen.interview.exchange(exchange_id).tag
        assert tag is not None
        assert tag.value == "hinder"
        await quit_app(pilot)


def check_personnummer(personnummer: str) -> None:
    """Fail like a careless piece of code would: the number in a local and in the message."""
    number_in_a_local = personnummer
    short_form = number_in_a_local[2:]
    raise ValueError(f"kunde inte hantera {number_in_a_local} ({short_form})")


def test_a_crash_report_holds_neither_the_number_nor_the_message() -> None:
    with pytest.raises(ValueError, match=DIGITS) as caught:
        check_personnummer(DIGITS)
    full = "".join(traceback.format_exception(caught.value))
    assert DIGITS in full  # the ordinary traceback would have shown it
    report = crash_report(caught.value)
    assert DIGITS not in report
    assert DIGITS[2:] not in report
    assert DIGITS[-4:] not in report
    assert "kunde inte hantera" not in report
    assert "builtins.ValueError" in report
    assert "i check_personnummer" in report
    assert "test_help.py" in report
    assert report.startswith("kartlagg stängdes av ett oväntat fel i programmet.")


async def test_a_crash_inside_the_app_reports_without_personal_data(
    build_app: AppFactory, db_path: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build_app()
    with pytest.raises(ValueError, match=DIGITS):
        async with app.run_test(size=(120, 40)) as pilot:
            overview = await open_participant(pilot)
            assert isinstance(app.screen, OverviewScreen)
            overview.call_later(check_personnummer, DIGITS)
            await wait_until(pilot, lambda: app._exception is not None, "the crash")
    # what the app printed on its way out
    shown = capsys.readouterr().err
    assert "kartlagg stängdes av ett oväntat fel" in shown
    assert "check_personnummer" in shown
    assert DIGITS not in shown
    assert DIGITS[2:] not in shown
    assert "kunde inte hantera" not in shown
