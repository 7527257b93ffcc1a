"""Keys nobody has to guess: the footer, F1 and the palette built from the command table, a unit's
keymap, and none of Textual's own English strings on screen."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Input, OptionList, Select, TextArea
from textual.widgets._footer import FooterKey

from interview.clock import ManualClock
from interview.i18n import _
from interview.tui.app import KartlaggApp, make_app
from interview.tui.commands import COMMANDS, keys_of
from interview.tui.commands.table import active_commands
from interview.tui.screens.drafts import DraftsScreen
from interview.tui.screens.end_session import EndSessionScreen
from interview.tui.screens.help import HelpScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.palette import Palette
from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.screens.session_start import SessionStartScreen
from tests.keys import TEST_KEY
from tests.tui.helpers import (
    add_participant_directly,
    fake_number,
    open_participant,
    quit_app,
    settle,
    start_session,
    wait_for_screen,
    wait_until,
)

NUMBER = fake_number("19850312")


def textual_english() -> set[str]:
    """Every description of Textual's own bindings that F1 used to list, and the palette's words."""
    found = {"palette", "Search for commands…", "No matches found", "Open the command palette"}
    for kind in (
        App,
        Screen,
        CommandPalette,
        TextArea,
        Input,
        DataTable,
        ScrollableContainer,
        OptionList,
        Button,
        Checkbox,
        Select,
    ):
        for binding in kind.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                found.add(binding.description)
    return found - {"Home", "End"}  # key names, which the Swedish help uses too


ENGLISH = textual_english()


def test_the_english_strings_looked_for_are_those_f1_used_to_list() -> None:
    named = {"Cursor up", "Cursor word left", "Scroll Up", "Focus Next", "Paste text from the clipboard"}
    assert named <= ENGLISH


def screen_text(app: App[Any]) -> str:
    """Everything drawn on the screen, row by row (read from the app's own screenshot)."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in re.finditer(r'<text [^>]*x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        x, y, text = float(match[1]), float(match[2]), html.unescape(match[3])
        rows.setdefault(y, []).append((x, text.replace("\xa0", " ")))
    return "\n".join("".join(text for _x, text in sorted(row)) for _y, row in sorted(rows.items()))


def no_english(shown: str, where: str) -> None:
    """Fail when one of Textual's English strings is on screen."""
    seen = [text for text in ENGLISH if text in shown]
    assert not seen, f"{where}: {seen}"


def footer_keys(screen: Screen[Any]) -> dict[str, str]:
    """The footer's labels and the keys shown beside them."""
    return {key.description: key.key_display for key in screen.query(FooterKey)}


def expected_footer(app: KartlaggApp, context: str) -> dict[str, str]:
    """What the command table says the footer of ``context`` shows."""
    expected: dict[str, str] = {}
    for place, command in active_commands(context):
        if command.footer:
            key = keys_of(command, place, app.keys)[0]
            expected[_(command.short)] = app.get_key_display(Binding(key, ""))
    return expected


def build(db_path: Path, clock: ManualClock, banks: list[Path], **options: Any) -> KartlaggApp:
    """The app over the test's database, with ``options`` (a keymap) passed on."""
    return make_app(db_path, banks=banks, clock=clock, passphrase=TEST_KEY, **options)


async def test_footers_show_the_tables_keys_and_a_form_shows_its_own(
    db_path: Path, clock: ManualClock, shipped_banks: list[Path]
) -> None:
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build(db_path, clock, shipped_banks)
    async with app.run_test(size=(80, 24)) as pilot:
        participants = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        shown = footer_keys(participants)
        assert shown == expected_footer(app, "participants")
        assert shown["Dokument"] == "F7"
        assert "Hjälp" in shown
        assert "Kommandon" in shown

        overview = await open_participant(pilot)
        assert set(footer_keys(overview)) == set(expected_footer(app, "overview"))

        await pilot.press("enter")
        form = await wait_for_screen(pilot, SessionStartScreen)
        await pilot.pause()
        await pilot.pause()
        # the form's own keys, not the overview's behind it
        assert set(footer_keys(form)) == {"Starta samtalet", "Avbryt"}
        await pilot.press("escape")
        await quit_app(pilot)


async def test_none_of_textuals_english_is_on_screen_in_swedish(
    db_path: Path, clock: ManualClock, shipped_banks: list[Path]
) -> None:
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build(db_path, clock, shipped_banks)
    async with app.run_test(size=(120, 40)) as pilot:
        participants = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        no_english(screen_text(app), "participants")
        assert participants.query_one("#search", Input).has_focus  # Input's keys are active
        await pilot.press("f1")
        await wait_for_screen(pilot, HelpScreen)
        shown = screen_text(app)
        assert "Ny deltagare" in shown
        no_english(shown, "F1 on participants")
        await pilot.press("escape")

        await pilot.press("ctrl+p")
        palette = await wait_for_screen(pilot, Palette)
        await pilot.pause()
        shown = screen_text(app)
        assert "Sök bland kommandona…" in shown
        no_english(shown, "the palette")
        palette.query_one(Input).value = "qqqqxxxx"
        await wait_until(pilot, lambda: "Inget kommando passar" in screen_text(app), "no hits")
        no_english(screen_text(app), "the palette without hits")
        await pilot.press("escape")
        await wait_for_screen(pilot, ParticipantsScreen)

        await open_participant(pilot)
        await pilot.press("enter")
        form = await wait_for_screen(pilot, SessionStartScreen)
        await pilot.pause()
        assert isinstance(form.focused, Input)
        await pilot.press("f1")
        await wait_for_screen(pilot, HelpScreen)
        shown = screen_text(app)
        assert "Starta samtalet" in shown
        assert "Tab går till nästa ruta" in shown
        no_english(shown, "F1 on a form")
        await pilot.press("escape")
        await pilot.press("escape")
        await quit_app(pilot)


async def test_a_keymap_in_the_settings_moves_a_binding_and_f1_and_the_footer_follow(
    db_path: Path, clock: ManualClock, shipped_banks: list[Path]
) -> None:
    app = build(db_path, clock, shipped_banks, keymap={"documents": "f6"})
    async with app.run_test(size=(120, 40)) as pilot:
        participants = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        assert footer_keys(participants)["Dokument"] == "F6"
        await pilot.press("f7")  # the old key does nothing now
        await pilot.pause()
        assert app.screen is participants
        await pilot.press("f1")
        await wait_for_screen(pilot, HelpScreen)
        assert re.search(r"F6 +Dokument", screen_text(app))
        await pilot.press("escape")
        await wait_for_screen(pilot, ParticipantsScreen)
        titles = {command.title: command.help for command in app.get_system_commands(participants)}
        assert titles["Dokument"].endswith("(F6)")
        await pilot.press("f6")
        await wait_for_screen(pilot, DraftsScreen)
        await quit_app(pilot)


def test_every_footer_command_has_a_short_label() -> None:
    for command in COMMANDS.values():
        if command.footer:
            assert len(_(command.short)) <= 16, command.id


async def test_the_interview_footer_shows_the_sessions_end_at_80_columns(
    db_path: Path, clock: ManualClock, shipped_banks: list[Path]
) -> None:
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build(db_path, clock, shipped_banks)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_participant(pilot)
        interview = await start_session(pilot)
        await pilot.pause()
        visible = [
            key
            for key in interview.query(FooterKey)
            if key.display and key.region.width and key.region.right <= 80
        ]
        shown = {key.description: key.key_display for key in visible}
        assert shown["Avsluta"] == "F10"
        assert {"Hinder", "Resurs", "Fakta", "Följdfråga", "Hjälp"} <= set(shown)
        await quit_app(pilot)

    wide = build(db_path, clock, shipped_banks)
    async with wide.run_test(size=(120, 36)) as pilot:
        await open_participant(pilot)
        await pilot.press("enter")  # the interrupted session goes on
        interview = await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        visible = [key for key in interview.query(FooterKey) if key.display and key.region.right <= 120]
        shown = {key.description: key.key_display for key in visible}
        for label, key in (("Hoppa över", "F6"), ("Nästa omr.", "F7"), ("Avsluta", "F10")):
            assert shown[label] == key
        await quit_app(pilot)


async def test_a_remapped_interview_key_works_from_the_answer_box(
    db_path: Path, clock: ManualClock, shipped_banks: list[Path]
) -> None:
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build(db_path, clock, shipped_banks, keymap={"end": "f11"})
    async with app.run_test(size=(120, 36)) as pilot:
        await open_participant(pilot)
        interview = await start_session(pilot)
        assert interview.query_one("#answer", TextArea).has_focus
        await pilot.press("f10")  # the old key: typed into nothing, no dialog
        await pilot.pause()
        assert app.screen is interview
        assert footer_keys(interview)["Avsluta"] == "F11"
        await pilot.press("f11")
        await wait_for_screen(pilot, EndSessionScreen)
        await pilot.press("escape")
        await quit_app(pilot)
