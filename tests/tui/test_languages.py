"""The participant's language on the shared screen: the bilingual view, switching language and
register mid-session, tolk mode and the tolk record."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static, TextArea

from interview.banks.models import Register
from interview.banks.translations import TranslationLibrary, translation_folders
from interview.clock import ManualClock
from interview.languages import TranslationStatus
from interview.paths import shipped_data_dir
from interview.records import TolkLevel, TolkMode
from interview.rtl import visual_line
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.language import LanguageScreen
from interview.tui.screens.session_start import SessionStartScreen
from interview.tui.screens.tolk import TolkRecordScreen
from interview.tui.widgets.bilingual import BilingualQuestion
from interview.tui.widgets.tolk_panel import TolkPanel
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    CASEWORKER,
    add_participant_directly,
    answer,
    current_bubble,
    fake_number,
    open_participant,
    plain,
    quit_app,
    settle,
    start_session,
    stored_kartlaggning,
    wait_for_screen,
    wait_until,
)

TRANSLATIONS = TranslationLibrary.discover(translation_folders([shipped_data_dir("question_banks")]))


def rendered(widget: Static) -> str:
    """The text ``widget`` draws at its width (styles left out), its lines joined by single spaces."""
    console = Console(width=max(widget.content_size.width, 20), record=True, file=io.StringIO())
    console.print(widget.content)
    return " ".join(console.export_text().split())


def translated(question_id: str, tag: str, register: Register = Register.STANDARD) -> str:
    translation = TRANSLATIONS.get("sassam", tag)
    assert translation is not None
    text = translation.question_text(question_id, register)
    assert text is not None
    return text


async def choose_language(pilot: Pilot[Any], tag: str) -> None:
    """Ctrl+L, then pick ``tag`` in the list (``sv`` for Swedish only)."""
    await pilot.press("ctrl+l")
    picker = await wait_for_screen(pilot, LanguageScreen)
    await pilot.pause()
    options = picker.query_one(OptionList)
    ids = [options.get_option_at_index(index).id for index in range(options.option_count)]
    options.highlighted = ids.index(tag)
    await pilot.press("enter")
    await wait_for_screen(pilot, InterviewScreen)
    await settle(pilot)


def translation_column(screen: InterviewScreen) -> str:
    return rendered(screen.query_one("#bilingual-translated", Static))


async def test_switching_language_mid_session_shows_it_at_once_and_loses_nothing(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Rahel Påhittad", fake_number("19900411"))
    app = build_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        bilingual = screen.query_one(BilingualQuestion)
        assert not bilingual.display  # Swedish only until a language is chosen
        first = await answer(pilot, screen, "Bra, jag tog bussen hit.")
        question = screen.interview.current
        assert question is not None and question.question is not None
        box = screen.query_one("#answer", TextArea)
        box.text = "Halvskrivet svar som inte är sparat"

        await choose_language(pilot, "ar")
        assert bilingual.display
        assert not bilingual.has_class("-stacked")  # 160 columns: side by side
        arabic = translated(question.question.id, "ar")
        shown = translation_column(screen)
        assert "arabiska" in shown and TranslationStatus.MACHINE_DRAFT.label in shown
        # shaped and in visual order for the terminal; the logical text is not what is drawn
        first_words = visual_line(arabic.split()[0])
        assert first_words in shown
        assert arabic not in shown
        assert question.text in rendered(screen.query_one("#bilingual-swedish", Static))
        assert box.text == "Halvskrivet svar som inte är sparat"  # the typed text is still there

        await choose_language(pilot, "uk")
        assert translated(question.question.id, "uk")[:20] in translation_column(screen)
        assert box.text == "Halvskrivet svar som inte är sparat"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await quit_app(pilot)

    record = stored_kartlaggning(db_path, participant.id)
    assert record.sessions[-1].language == "uk"
    answers = [exchange.answer for exchange in record.exchanges]
    assert answers == ["Bra, jag tog bussen hit.", "Halvskrivet svar som inte är sparat"]
    assert record.exchanges[0].id == first
    # the record keeps the Swedish wording of what was asked
    assert record.exchanges[1].question_text == question.text


async def test_register_toggle_and_hiding_the_translation(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Oksana Påhittad", fake_number("19780902"))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await choose_language(pilot, "ti")
        bilingual = screen.query_one(BilingualQuestion)
        assert bilingual.has_class("-stacked")  # 80 columns: the translation under the Swedish
        current = screen.interview.current
        assert current is not None and current.question is not None
        standard = current.question.standard
        assert translated(current.question.id, "ti")[:12] in translation_column(screen)

        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.interview.register is Register.LATTLAST
        assert current.question.lattlast in plain(current_bubble(screen))
        lattlast = translated(current.question.id, "ti", Register.LATTLAST)
        assert lattlast[:12] in translation_column(screen)

        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not bilingual.display
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert bilingual.display
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert standard in plain(current_bubble(screen))
        await quit_app(pilot)
    record = stored_kartlaggning(db_path, participant.id)
    assert record.sessions[-1].reading_register is Register.STANDARD
    assert record.sessions[-1].language == "ti"


async def test_tolk_mode_one_question_with_pause_and_check_back(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, "Amanuel Påhittad", fake_number("19851120"))
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_participant(pilot)
        screen = await start_session(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        panel = screen.query_one(TolkPanel)
        assert panel.display and not screen.chat.display
        assert not screen.query_one("#probes", Static).display  # one question at a time
        current = screen.interview.current
        assert current is not None
        shown = rendered(panel)
        assert "paus – låt tolken tolka" in shown
        assert current.text.split()[0] in shown
        # answering works as usual in tolk mode, and the next question comes alone
        while screen.interview.current is not None:
            await answer(pilot, screen, "Svar via tolk.")
        shown = rendered(panel)
        assert "Stäm av innan ni går vidare" in shown
        assert "egna ord" in shown
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not panel.display and screen.chat.display
        await quit_app(pilot)


async def test_the_tolk_record_is_asked_when_a_tolk_is_present_and_stored(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, "Samira Påhittad", fake_number("19920305"))
    app = build_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_participant(pilot)
        await pilot.press("enter")
        form = await wait_for_screen(pilot, SessionStartScreen)
        await pilot.pause()
        form.query_one("#caseworker", Input).value = CASEWORKER
        await pilot.click("#tolk")
        form.query_one("#reading-language", Select).value = "ar"
        await pilot.press("ctrl+s")
        tolk = await wait_for_screen(pilot, TolkRecordScreen)
        await pilot.pause()
        # the reading language is suggested as the tolk's language
        assert tolk.query_one("#tolk-language", Select).value == "ar"
        tolk.query_one("#tolk-dialect", Input).value = "syrisk"
        tolk.query_one("#tolk-mode", Select).value = TolkMode.TELEFON.value
        tolk.query_one("#tolk-agency", Input).value = "Tolkförmedling Exempel"
        tolk.query_one("#tolk-booking", Input).value = "B-1234"
        await pilot.press("ctrl+s")
        screen = await wait_for_screen(pilot, InterviewScreen)
        await settle(pilot)
        await wait_until(pilot, lambda: screen.query_one(BilingualQuestion).display, "bilingual")
        await quit_app(pilot)
    session = stored_kartlaggning(db_path, participant.id).sessions[-1]
    assert session.tolk and session.language == "ar"
    assert session.tolk_record is not None
    assert session.tolk_record.language == "ar"
    assert session.tolk_record.dialect == "syrisk"
    assert session.tolk_record.mode is TolkMode.TELEFON
    assert session.tolk_record.level is TolkLevel.AUKTORISERAD
    assert session.tolk_record.booking_reference == "B-1234"
