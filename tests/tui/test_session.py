"""A kartläggning driven through the app: answers, tags, follow-ups, areas, edits, the motivationskors,
åtgärder, the clock, ending a session and starting the next one where the last one stopped."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from interview.banks.models import Register
from interview.clock import ManualClock
from interview.paths import shipped_data_dir
from interview.records import Source, Tag
from interview.tui.app import make_app
from interview.tui.screens.actions import ActionFormScreen, ActionsScreen
from interview.tui.screens.dialogs import AreaPickerScreen, EditAnswerScreen, FollowUpScreen
from interview.tui.screens.end_session import EndSessionScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.motivation import FieldBox, MotivationScreen
from interview.tui.screens.overview import OverviewScreen
from interview.tui.screens.session_start import SessionStartScreen
from interview.tui.widgets.chat import AnswerBubble, NoteBubble, QuestionBubble
from tests.keys import TEST_KEY
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    CASEWORKER,
    add_participant_directly,
    answer,
    assert_message_at,
    bubble_texts,
    current_bubble,
    fake_number,
    field_message,
    local_time,
    notices,
    open_participant,
    plain,
    quit_app,
    saved_answer_ids,
    settle,
    start_session,
    stored,
    stored_kartlaggning,
    type_text,
    wait_for_screen,
)

NUMBER = fake_number("19850312")


def answer_bubble(screen: InterviewScreen, exchange_id: str) -> AnswerBubble:
    """The chat bubble that shows the answer ``exchange_id``."""
    bubble = screen.chat.answer_bubble(exchange_id)
    assert bubble is not None, "the answer is not in the chat"
    return bubble


def area_line(screen: InterviewScreen, area_id: str) -> str:
    """The side panel's line for ``area_id``."""
    areas = screen.query_one("#area-list", OptionList)
    index = [area.id for area in screen.interview.bank.areas].index(area_id)
    prompt = areas.get_option_at_index(index).prompt
    return prompt.plain if isinstance(prompt, Text) else str(prompt)


async def go_to_area(pilot: Pilot[Any], screen: InterviewScreen, area_id: str) -> None:
    """F8, arrow keys to ``area_id`` in the picker, Enter."""
    await pilot.press("f8")
    picker = await wait_for_screen(pilot, AreaPickerScreen)
    options = picker.query_one(OptionList)
    ids = [area.id for area in screen.interview.bank.areas]
    assert options.highlighted == ids.index(screen.interview.current_area.id)
    target = ids.index(area_id)
    keys: list[str] = []
    if len(ids) - 1 - target < abs(target - options.highlighted):  # nearer from the end
        keys = ["end", *["up"] * (len(ids) - 1 - target)]
    else:
        keys = ["down" if target > options.highlighted else "up"] * abs(target - options.highlighted)
    await pilot.press(*keys)
    assert options.highlighted == target
    await pilot.press("enter")
    await wait_for_screen(pilot, InterviewScreen)
    await settle(pilot)
    assert screen.interview.current_area.id == area_id


async def test_answers_tags_follow_ups_skips_and_areas(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot, tolk=True, lattlast=True)
        bank = screen.interview.bank

        # the session heading, the time and the first question in lättläst svenska
        notes = bubble_texts(screen, NoteBubble)
        assert "Samtal 1 · 2026-01-12 · Handläggare Hanna Exempel · med tolk" in notes
        assert any("i dag har vi 60 minuter" in note for note in notes)
        assert plain(current_bubble(screen)).endswith("\nHur har din dag varit?")
        assert screen.query_one("#answer", TextArea).has_focus

        # typed key by key, saved with Ctrl+S
        clock.advance(minutes=2)
        await type_text(pilot, "Bra, tack.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        first = screen.interview.exchanges[-1]
        assert first.answer == "Bra, tack."
        assert saved_answer_ids(messages) == [first.id]
        shown = plain(answer_bubble(screen, first.id))
        assert "✓ sparat" in shown
        assert "\nBra, tack.\n" in shown
        assert screen.query_one("#answer", TextArea).text == ""

        # F6 skips the next opening question; the bubble says so
        await pilot.press("f6")
        await settle(pilot)
        assert screen.interview.exchanges[-1].skipped
        assert any("hoppades över" in text for text in bubble_texts(screen, QuestionBubble))

        # F7: the next area
        await pilot.press("f7")
        await settle(pilot)
        assert screen.interview.current_area.id == "kroppsfunktioner"
        body = await answer(pilot, screen, "Jag har ont i ryggen.")

        # F2/F3/F4 tag the latest answer; the same key again removes the tag
        for key, label in [
            ("f2", "▼ Hinder"),
            ("f2", "○ Ej märkt"),
            ("f3", "▲ Resurs"),
            ("f4", "■ Fakta"),
            ("f2", "▼ Hinder"),
        ]:
            await pilot.press(key)
            await settle(pilot)
            assert plain(answer_bubble(screen, body)).endswith("\n" + label), key
        assert answer_bubble(screen, body).has_class("tag-hinder")
        assert "▼1" in area_line(screen, "kroppsfunktioner")

        # the probes are offered, hinder first after a hinder answer
        probes = screen.interview.offered_probes()
        assert probes[0].kind.value == "hinder"
        assert f"1 ▼ {probes[0].lattlast}" in plain(screen.query_one("#probes", Static))

        # F5, then "1": the first probe becomes the question
        await pilot.press("f5")
        await wait_for_screen(pilot, FollowUpScreen)
        await pilot.press("1")
        await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        current = screen.interview.current
        assert current is not None
        assert current.source is Source.PROBE
        assert current.question is not None
        assert current.question.id == probes[0].id
        assert "Följdfråga" in plain(current_bubble(screen))
        probe_answer = await answer(pilot, screen, "När jag har suttit länge.")

        # F5, then an own follow-up typed into the box and sent with Enter
        await pilot.press("f5")
        picker = await wait_for_screen(pilot, FollowUpScreen)
        picker.query_one("#own", Input).focus()
        await type_text(pilot, "Hur 1 ofta?")  # a digit in the box is text, not a probe
        await pilot.press("enter")
        await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        current = screen.interview.current
        assert current is not None
        assert (current.source, current.text) == (Source.OWN, "Hur 1 ofta?")
        assert "Egen följdfråga" in plain(current_bubble(screen))
        own_answer = await answer(pilot, screen, "Varje dag.")

        # F7 to the third area, an answer tagged resurs
        await pilot.press("f7")
        await settle(pilot)
        assert screen.interview.current_area.id == "psykiska_funktioner"
        mood = await answer(pilot, screen, "Ganska bra just nu.")
        await pilot.press("f3")
        await settle(pilot)

        # F8 picks a fourth area
        await go_to_area(pilot, screen, "stressreaktioner")
        assert plain(current_bubble(screen)).endswith("\n" + bank.question("stress.vad")[1].lattlast)
        stress = await answer(pilot, screen, "När många pratar samtidigt.")

        assert area_line(screen, "inledning").startswith(" ◐")
        assert area_line(screen, "stressreaktioner").startswith("➤◐")
        assert saved_answer_ids(messages) == [first.id, body, probe_answer, own_answer, mood, stress]
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    [session] = record.sessions
    assert (session.tolk, session.reading_register, session.time_frame_minutes) == (
        True,
        Register.LATTLAST,
        60,
    )
    assert session.caseworker == CASEWORKER
    assert [
        (exchange.area_id, exchange.source, exchange.answer, exchange.tag)
        for exchange in record.exchanges
    ] == [
        ("inledning", Source.BANK, "Bra, tack.", None),
        ("inledning", Source.BANK, None, None),
        ("kroppsfunktioner", Source.BANK, "Jag har ont i ryggen.", Tag.HINDER),
        ("kroppsfunktioner", Source.PROBE, "När jag har suttit länge.", None),
        ("kroppsfunktioner", Source.OWN, "Varje dag.", None),
        ("psykiska_funktioner", Source.BANK, "Ganska bra just nu.", Tag.RESURS),
        ("stressreaktioner", Source.BANK, "När många pratar samtidigt.", None),
    ]
    assert record.exchanges[1].skipped
    assert [change.tag for change in record.exchanges[2].tags] == [
        Tag.HINDER,
        None,
        Tag.RESURS,
        Tag.FAKTA,
        Tag.HINDER,
    ]
    assert record.exchanges[3].parent_id == body
    assert record.exchanges[4].question_text == "Hur 1 ofta?"
    assert record.exchanges[4].parent_id == body
    assert record.cursor is not None
    assert record.cursor.area_id == "stressreaktioner"


async def test_session_start_checks_the_caseworker_and_the_minutes(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        overview = await open_participant(pilot)
        await pilot.press("enter")
        form = await wait_for_screen(pilot, SessionStartScreen)
        await pilot.pause()
        assert form.query_one("#minutes", Input).value == "60"

        form.query_one("#caseworker", Input).value = "  "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_message_at(form, "caseworker", "Skriv handläggarens namn.")

        form.query_one("#caseworker", Input).value = CASEWORKER
        for minutes in ("90", "4", ""):
            form.query_one("#minutes", Input).value = minutes
            await pilot.press("ctrl+s")
            await pilot.pause()
            message = "Skriv hur många minuter ni har i dag: mellan 5 och 60."
            assert_message_at(form, "minutes", message)
            assert app.screen is form

        await pilot.press("escape")
        assert await wait_for_screen(pilot, OverviewScreen) is overview
        await settle(pilot)
        await quit_app(pilot)
    with stored(db_path) as repo:
        assert repo.kartlaggningar(participant.id) == []


async def test_an_earlier_answer_is_edited_and_the_old_text_is_kept(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        earlier = await answer(pilot, screen, "Det har varit en lugn morgon.")
        later = await answer(pilot, screen, "Vi ska prata om hur du har det.")
        await pilot.press("f2")  # a tag on the later answer stays where it is
        await settle(pilot)

        # Esc goes to the chat; the latest answer is selected, the up arrow selects the one before
        await pilot.press("escape")
        assert screen.chat.has_focus
        assert screen.chat.selected_id == later
        await pilot.press("up")
        assert screen.chat.selected_id == earlier
        assert answer_bubble(screen, earlier).has_class("selected")
        assert not answer_bubble(screen, later).has_class("selected")

        await pilot.press("e")
        editor = await wait_for_screen(pilot, EditAnswerScreen)
        await pilot.pause()
        box = editor.query_one("#edit-answer", TextArea)
        assert box.has_focus
        assert box.text == "Det har varit en lugn morgon."

        box.text = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_message_at(editor, "edit-answer", "Svaret kan inte vara tomt.")
        assert app.screen is editor

        clock.advance(minutes=5)
        box.text = "Det har varit en lugn morgon, men jag sov dåligt."
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        shown = plain(answer_bubble(screen, earlier))
        assert "\nDet har varit en lugn morgon, men jag sov dåligt.\n" in shown
        assert "ändrat (version 2)" in shown
        assert f"sparat {local_time(clock())}" in shown
        assert any("finns kvar i historiken" in notice for notice in notices(messages))
        assert plain(answer_bubble(screen, later)).endswith("▼ Hinder")
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    edited = next(exchange for exchange in record.exchanges if exchange.id == earlier)
    assert edited.answer == "Det har varit en lugn morgon, men jag sov dåligt."
    assert edited.revision == 2
    assert [(old.revision, old.text) for old in edited.revisions] == [
        (1, "Det har varit en lugn morgon.")
    ]
    assert len(record.exchanges) == 2


async def test_the_motivation_cross_shows_the_answers_and_asks_a_field(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await go_to_area(pilot, screen, "motivation")
        for text in (
            "Jobba med logistik igen.",
            "Då har jag ett eget boende.",
            "Då har jag egna pengar.",
            "Mindre tid med barnen.",
            "Barnen blir stolta.",
            "Familjen måste hjälpa till mer.",
        ):
            await answer(pilot, screen, text)
        current = screen.interview.current
        assert current is not None
        assert current.question is not None
        assert current.question.id == "motiv.viktigt"

        # a scale answer must start with a number: the text goes back into the box, nothing is saved
        before = len(screen.interview.exchanges)
        screen.query_one("#answer", TextArea).text = "Mycket viktigt"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(screen.interview.exchanges) == before
        assert screen.query_one("#answer", TextArea).text == "Mycket viktigt"
        assert "Börja svaret med en siffra från 0 till 10." in notices(messages)
        assert all("Mycket viktigt" not in text for text in bubble_texts(screen, AnswerBubble))
        await answer(pilot, screen, "7 för att jag vill ha egna pengar.")

        # F9: the goal, the four fields and the scales, from the answers
        await pilot.press("f9")
        cross = await wait_for_screen(pilot, MotivationScreen)
        await pilot.pause()

        def field(role: str) -> str:
            return plain(cross.query_one(f"#{role}", FieldBox))

        assert field("goal") == "Målet, med deltagarens ord\n• Jobba med logistik igen."
        assert field("good_for_me") == "Bra för mig\n• Då har jag egna pengar."
        assert field("less_good_for_me") == "Mindre bra för mig\n• Mindre tid med barnen."
        assert field("good_for_others") == "Bra för andra\n• Barnen blir stolta."
        assert field("less_good_for_others") == "Mindre bra för andra\n• Familjen måste hjälpa till mer."
        assert field("importance") == "Hur viktigt?\n███████░░░ 7 av 10"
        assert field("confidence") == "Hur säker?\ninte besvarat"

        # Tab to the confidence scale, Enter asks its question in the interview
        for _ in range(10):
            if isinstance(app.focused, FieldBox) and app.focused.id == "confidence":
                break
            await pilot.press("tab")
        assert app.focused is cross.query_one("#confidence", FieldBox)
        await pilot.press("enter")
        await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        current = screen.interview.current
        assert current is not None
        assert current.question is not None
        assert current.question.id == "motiv.saker"
        assert plain(current_bubble(screen)).endswith("\n" + current.text)
        await answer(pilot, screen, "4, jag är lite osäker.")

        await pilot.press("f9")
        cross = await wait_for_screen(pilot, MotivationScreen)
        await pilot.pause()
        assert field("confidence") == "Hur säker?\n████░░░░░░ 4 av 10"
        await pilot.press("escape")
        await wait_for_screen(pilot, InterviewScreen)
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    answers = {exchange.question_id: exchange.answer for exchange in record.exchanges}
    assert answers["motiv.viktigt"] == "7 för att jag vill ha egna pengar."
    assert answers["motiv.saker"] == "4, jag är lite osäker."
    assert len(record.exchanges) == 8


def action_rows(actions: ActionsScreen) -> list[list[str]]:
    """The åtgärder table as plain text."""
    table: DataTable[Text] = actions.query_one(DataTable)
    return [[cell.plain for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def fill_action(pilot: Pilot[Any], what: str, who: str, due: str) -> ActionFormScreen:
    """Fill in the open åtgärd form and press Ctrl+S."""
    form = await wait_for_screen(pilot, ActionFormScreen)
    await pilot.pause()
    form.query_one("#what", Input).value = what
    form.query_one("#who", Input).value = who
    form.query_one("#due", Input).value = due
    await pilot.press("ctrl+s")
    return form


async def test_actions_are_added_changed_and_removed(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await open_participant(pilot)
        await start_session(pilot)
        await pilot.press("f12")
        actions = await wait_for_screen(pilot, ActionsScreen)
        await pilot.pause()
        assert action_rows(actions) == []
        assert "Inga åtgärder ännu" in plain(actions.query_one("#actions-empty", Static))

        # Ctrl+N: a new åtgärd; a wrong date is explained in the form
        await pilot.press("ctrl+n")
        form = await fill_action(pilot, "Boka tid hos läkaren", "Amina", "2026-13-01")
        assert app.screen is form
        assert_message_at(form, "due", "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15.")
        form.query_one("#due", Input).value = "2026-02-01"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ActionsScreen)
        await settle(pilot)
        assert action_rows(actions) == [["Boka tid hos läkaren", "Amina", "2026-02-01"]]

        await pilot.press("ctrl+n")
        await fill_action(pilot, "Prata med Arbetsförmedlingen", "Handläggaren", "")
        await wait_for_screen(pilot, ActionsScreen)
        await settle(pilot)
        assert action_rows(actions)[1] == ["Prata med Arbetsförmedlingen", "Handläggaren", "—"]

        # Enter on the first row changes it
        table = actions.query_one(DataTable)
        table.focus()
        await pilot.press("up")
        assert table.cursor_row == 0
        await pilot.press("enter")
        form = await wait_for_screen(pilot, ActionFormScreen)
        await pilot.pause()
        assert form.query_one("#what", Input).value == "Boka tid hos läkaren"
        assert form.query_one("#due", Input).value == "2026-02-01"
        form.query_one("#who", Input).value = "Amina och handläggaren"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ActionsScreen)
        await settle(pilot)
        assert action_rows(actions)[0] == [
            "Boka tid hos läkaren",
            "Amina och handläggaren",
            "2026-02-01",
        ]

        # Delete removes the selected one (the second)
        table.focus()
        await pilot.press("down")
        assert table.cursor_row == 1
        await pilot.press("delete")
        await settle(pilot)
        assert action_rows(actions) == [["Boka tid hos läkaren", "Amina och handläggaren", "2026-02-01"]]
        assert "Åtgärden är borttagen." in notices(messages)
        await pilot.press("escape")
        await wait_for_screen(pilot, InterviewScreen)
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    assert [(action.what, action.who, action.due) for action in record.actions] == [
        ("Boka tid hos läkaren", "Amina och handläggaren", date(2026, 2, 1))
    ]


async def test_an_action_the_engine_refuses_keeps_the_form_and_what_was_typed(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    """A missing "who" must be explained in the form, like a wrong date, not lose the typed text."""
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot)
        await start_session(pilot)
        await pilot.press("f12")
        actions = await wait_for_screen(pilot, ActionsScreen)
        await pilot.press("ctrl+n")
        form = await fill_action(pilot, "Boka tid hos studie- och yrkesvägledare", "", "2026-02-01")
        await settle(pilot)
        assert action_rows(actions) == []
        assert app.screen is form, "the form closed and the typed åtgärd was lost"
        assert_message_at(form, "who", "Skriv vem som är ansvarig.")
        assert form.query_one("#what", Input).value == "Boka tid hos studie- och yrkesvägledare"
        await quit_app(pilot)


async def test_the_clock_the_end_of_a_session_and_the_next_session(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    started = clock()
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot, minutes="60")
        clock_widget = screen.query_one("#clock", Static)
        assert plain(clock_widget) == "0 min av 60"

        await answer(pilot, screen, "Bra, tack.")
        await pilot.press("f7")
        await settle(pilot)
        back = await answer(pilot, screen, "Jag har ont i ryggen.")
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        expected = screen.interview.current
        assert expected is not None
        assert expected.question is not None
        assert expected.question.id == "psyk.idag"

        # the clock: a calm notice at 50 minutes, a clear one at 60, each once
        clock.advance(minutes=30)
        screen._tick()
        await pilot.pause()
        assert plain(clock_widget) == "30 min av 60"
        assert not any("minuter har gått" in notice for notice in notices(messages))

        clock.advance(minutes=20)
        screen._tick()
        await pilot.pause()
        assert plain(clock_widget).startswith("50 min av 60\n")
        assert "runda av" in plain(clock_widget)
        assert clock_widget.has_class("warning")
        warnings = [notice for notice in notices(messages) if "50 minuter har gått" in notice]
        assert len(warnings) == 1
        screen._tick()
        await pilot.pause()
        assert len([n for n in notices(messages) if "50 minuter har gått" in n]) == 1

        clock.advance(minutes=10)
        screen._tick()
        await pilot.pause()
        assert plain(clock_widget).startswith("60 min av 60\n")
        assert "F10" in plain(clock_widget)
        assert clock_widget.has_class("limit")
        assert len([n for n in notices(messages) if "F10" in n]) == 1

        # F10: the summary of today, the next meeting checked, then a note
        await pilot.press("f10")
        end = await wait_for_screen(pilot, EndSessionScreen)
        await pilot.pause()
        summary = plain(end.query_one("#end-summary", Static))
        talked, left = summary.split("Kvar att prata om:")
        assert talked == (
            "I dag har ni pratat om:\n"
            "  ◐ hur du har det i dag – fortsätter nästa gång\n"
            "  ◐ hur kroppen mår – fortsätter nästa gång\n\n"
        )
        assert "○ hur du mår i tankar och känslor" in left
        assert "hur du har det i dag" not in left and "hur kroppen mår" not in left
        meeting = end.query_one("#next-meeting", Input)
        meeting.value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-15."
        assert_message_at(end, "next-meeting", message)
        meeting.value = "2026-01-05"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert_message_at(end, "next-meeting", "Nästa träff kan inte vara före i dag.")
        assert app.screen is end
        meeting.value = "2026-01-19"
        end.query_one("#note", Input).value = "Fortsätt med hur hon mår i tankar och känslor."
        await pilot.press("ctrl+s")
        overview = await wait_for_screen(pilot, OverviewScreen)
        await settle(pilot)
        assert "Samtalet är avslutat och sparat." in notices(messages)
        details = plain(overview.query_one("#details", Static))
        assert f"Samtal 1 · 2026-01-12 {local_time(started)} · 60 min" in details
        assert "nästa träff 2026-01-19" in details
        assert "Anteckning: Fortsätt med hur hon mår i tankar och känslor." in details
        assert "inte avslutat" not in details

        # a week later: Enter starts session 2 with last time's choices and a recap
        clock.advance(days=7)
        await pilot.press("enter")
        form = await wait_for_screen(pilot, SessionStartScreen)
        await pilot.pause()
        assert "Samtal 2" in [plain(widget) for widget in form.query(Static)]
        assert "Förra gången (samtal 1, 2026-01-12)" in plain(form.query_one(".recap", Static))
        assert form.query_one("#caseworker", Input).value == CASEWORKER
        await pilot.press("ctrl+s")
        second = await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        assert second is not screen
        notes = bubble_texts(second, NoteBubble)
        [recap] = [note for note in notes if note.startswith("Förra gången")]
        assert "Vi pratade om: hur du har det i dag, hur kroppen mår." in recap
        assert "2 svar · 1 hinder · 0 resurser." in recap
        assert "Anteckning: Fortsätt med hur hon mår i tankar och känslor." in recap
        assert "I dag fortsätter vi med: hur du mår i tankar och känslor." in recap
        assert "Samtal 2 · 2026-01-19 · Handläggare Hanna Exempel" in notes
        # the history is there, and the question is the one the first session stopped at
        assert len(second.chat.query(AnswerBubble)) == 2
        assert plain(answer_bubble(second, back)).endswith("▼ Hinder")
        current = second.interview.current
        assert current is not None
        assert current.question is not None
        assert current.question.id == "psyk.idag"
        assert plain(current_bubble(second)).endswith("\n" + expected.text)
        assert plain(second.query_one("#clock", Static)) == "0 min av 60"
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    first, latest = record.sessions
    assert first.ended_at == started + timedelta(minutes=60)
    assert first.next_meeting == date(2026, 1, 19)
    assert first.end_note == "Fortsätt med hur hon mår i tankar och känslor."
    assert latest.number == 2
    assert latest.ended_at is None
    assert latest.started_at == started + timedelta(minutes=60, days=7)


@pytest.fixture
def stockholm() -> Iterator[None]:
    """Run the test in Swedish local time (UTC+1 in January), whatever the machine's zone."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Stockholm"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


async def test_dates_on_screen_are_local_dates_after_midnight(db_path: Path, stockholm: None) -> None:
    """At 00:30 Swedish time on 13 January it is still the 12th in UTC: the screens must say the 13th."""
    clock = ManualClock(datetime(2026, 1, 12, 23, 30, tzinfo=UTC))
    assert clock().astimezone().date() == date(2026, 1, 13)
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = make_app(db_path, banks=[shipped_data_dir("question_banks")], clock=clock, passphrase=TEST_KEY)
    async with app.run_test(size=(120, 40)) as pilot:
        overview = await open_participant(pilot)
        assert "Tillagd 2026-01-13" in plain(overview.query_one("#person", Static))
        screen = await start_session(pilot)
        assert "Samtal 1 · 2026-01-13 · Handläggare Hanna Exempel" in bubble_texts(screen, NoteBubble)
        await quit_app(pilot)


async def test_a_next_meeting_before_today_is_refused_in_the_form_after_midnight(
    db_path: Path, stockholm: None
) -> None:
    """The end form checks "not before today" against the UTC date; the engine against the local one."""
    clock = ManualClock(datetime(2026, 1, 12, 23, 30, tzinfo=UTC))
    add_participant_directly(db_path, clock, "Amina Testdotter", NUMBER)
    app = make_app(db_path, banks=[shipped_data_dir("question_banks")], clock=clock, passphrase=TEST_KEY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await pilot.press("f10")
        end = await wait_for_screen(pilot, EndSessionScreen)
        await pilot.pause()
        end.query_one("#next-meeting", Input).value = "2026-01-12"  # yesterday, in Sweden
        end.query_one("#note", Input).value = "Fortsätt med kroppen."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is end, "the form closed and the note was lost"
        assert "före i dag" in field_message(end, "next-meeting")
        assert screen.interview.session is not None
        await quit_app(pilot)
