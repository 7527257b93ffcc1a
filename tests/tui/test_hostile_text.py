"""Text a person types is data: stored verbatim, shown as plain text, never run as markup or escapes."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static, TextArea

from interview.clock import ManualClock
from interview.tui.screens.add_participant import AddParticipantScreen
from interview.tui.screens.dialogs import FollowUpScreen
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.overview import OverviewScreen
from interview.tui.screens.participants import ParticipantsScreen
from interview.tui.widgets.chat import AnswerBubble, QuestionBubble
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    CASEWORKER,
    add_participant_directly,
    answer,
    bubble_texts,
    current_bubble,
    fake_number,
    notices,
    open_participant,
    plain,
    quit_app,
    saved_answer_ids,
    settle,
    start_session,
    stored_kartlaggning,
    stored_participants,
    type_text,
    wait_for_screen,
)

MARKUP = "[b]x[/b] [@click=app.quit]klicka[/] [red]röd[/red]"
ESCAPES = "\x1b[31mröd\x1b[0m \x1b]0;title\x07"
HOSTILE = f"{MARKUP} {ESCAPES} slut"
LONG = (HOSTILE + " " + "Lång rad med text. " * 600)[:10_000]
EMPTY_ANSWER = "Svaret är tomt. Skriv något eller hoppa över frågan (F6)."


def rendered(widget: Widget, lines: int = 6) -> str:
    """The characters the widget draws on its first ``lines`` lines."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, min(lines, widget.size.height)))
    return "\n".join(strip.text for strip in strips)


async def test_a_hostile_answer_is_stored_verbatim_and_shown_as_plain_text(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    assert len(LONG) == 10_000
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", fake_number("19850312"))
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        exchange_id = await answer(pilot, screen, LONG)
        assert saved_answer_ids(messages) == [exchange_id]
        assert app.is_running
        assert isinstance(app.screen, InterviewScreen)

        bubble = screen.chat.answer_bubble(exchange_id)
        assert isinstance(bubble, AnswerBubble)
        body = plain(bubble)
        assert "[b]x[/b] [@click=app.quit]klicka[/] [red]röd[/red] röd " in body
        assert "\x1b" not in body
        assert "\x07" not in body
        assert "0;title" not in body
        assert "✓ sparat" in body
        drawn = rendered(bubble)
        assert "[b]x[/b]" in drawn
        assert "[@click=app.quit]klicka[/]" in drawn
        assert "\x1b" not in drawn

        # clicking where the "link" is drawn does nothing: it is only text
        screen.chat.scroll_to_widget(bubble, top=True, animate=False)
        await pilot.pause()
        line = drawn.split("\n").index(next(row for row in drawn.split("\n") if "[@click" in row))
        column = drawn.split("\n")[line].index("klicka")
        await pilot.click(bubble, offset=(column, line))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, InterviewScreen)

        # the long answer did not take the screen with it: the next question is there
        current = screen.interview.current
        assert current is not None
        assert plain(current_bubble(screen)).endswith("\n" + current.text)
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    [stored] = record.exchanges
    assert stored.answer == LONG


async def test_an_empty_answer_is_refused_in_swedish_and_nothing_is_saved(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", fake_number("19850312"))
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        box = screen.query_one("#answer", TextArea)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(messages).count(EMPTY_ANSWER) == 1

        await type_text(pilot, "  ")  # only spaces and a new line
        await pilot.press("enter", "space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(messages).count(EMPTY_ANSWER) == 2
        assert box.text == "  \n ", "the box changed although nothing was saved"
        assert screen.interview.exchanges == ()
        assert list(screen.chat.query(AnswerBubble)) == []
        assert saved_answer_ids(messages) == []
        await quit_app(pilot)

    assert stored_kartlaggning(db_path, participant.id).exchanges == ()


async def test_an_own_follow_up_with_markup_is_shown_as_written(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Amina Testdotter", fake_number("19850312"))
    question = "Vad menar du med [b]ont[/b] och [@click=app.quit]här[/]?"
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await answer(pilot, screen, "Jag har ont.")
        await pilot.press("f5")
        picker = await wait_for_screen(pilot, FollowUpScreen)
        own = picker.query_one("#own", Input)
        own.focus()
        own.value = question
        await pilot.press("enter")
        await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        assert plain(current_bubble(screen)).endswith("\n" + question)
        assert question in rendered(current_bubble(screen))
        await answer(pilot, screen, "Att det värker.")
        assert any(text.endswith("\n" + question) for text in bubble_texts(screen, QuestionBubble))
        assert app.is_running
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    assert record.exchanges[-1].question_text == question


async def test_a_participant_name_with_markup_is_stored_and_shown_as_written(
    build_app: AppFactory, db_path: Path
) -> None:
    name = "[b]Fet[/b] [@click=app.quit]Klick[/] [link=https://example.org]Länk[/link]"
    messages: list[object] = []
    app = build_app()
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)
        await pilot.press("ctrl+n")
        form = await wait_for_screen(pilot, AddParticipantScreen)
        form.query_one("#name", Input).value = name
        form.query_one("#number", Input).value = fake_number("19850312")
        form.query_one("#caseworker", Input).value = CASEWORKER
        await pilot.press("ctrl+s")
        screen = await wait_for_screen(pilot, ParticipantsScreen)
        await settle(pilot)

        table: DataTable[Text] = screen.query_one(DataTable)
        assert table.get_row_at(0)[0].plain == name
        assert f"{name} är tillagd." in notices(messages)

        overview = await open_participant(pilot)
        assert plain(overview.query_one("#person", Static)).startswith(name + "   ")
        assert name in plain(overview.query_one("#topbar", Static))
        assert name in rendered(overview.query_one("#person", Static), lines=1)
        await pilot.click("#person", offset=(14, 0))  # where "Klick" is drawn
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, OverviewScreen)

        interview = await start_session(pilot)
        assert plain(interview.query_one("#topbar", Static)).endswith(f"{name} · samtal 1")
        await quit_app(pilot)

    [participant] = stored_participants(db_path)
    assert participant.name == name
