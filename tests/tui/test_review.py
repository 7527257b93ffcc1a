"""Reviewing a sammanställning: the sources of each sentence, the caseworker's sections, the steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.models import DraftStatus
from interview.settings import DEFAULT_UNIT
from interview.tui.screens.confirm import ConfirmScreen
from interview.tui.screens.review import ReviewScreen, SectionsScreen, VersionsScreen
from interview.tui.widgets.draft_view import DraftView
from storage import Repository
from tests.keys import TEST_KEY
from tests.tui.conftest import AppFactory
from tests.tui.draft_helpers import (
    BACK_PAIN,
    BACK_PAIN_EARLIER,
    DISK_FULL,
    KITCHEN,
    disk_full,
    open_review,
    status,
    stored_drafts,
    write_kartlaggning,
)
from tests.tui.helpers import CASEWORKER, plain, quit_app, settle, wait_for_screen, wait_until

NAME = "Elin Påhittad"
BIRTH = "19880404"
ASSESSMENT = "Elin har lång erfarenhet av köksarbete."
REHABILITATION = "Arbetsträning fyra timmar om dagen."


def sources(screen: ReviewScreen) -> str:
    """What the source panel shows."""
    return plain(screen.query_one("#sources-text", Static))


def message(screen: ReviewScreen) -> str:
    """The line that explains why a step cannot be taken."""
    return plain(screen.query_one("#review-message", Static))


async def move_to(pilot: Pilot[Any], screen: ReviewScreen, words: str) -> None:
    """Press the down arrow until the highlighted sentence holds ``words``."""
    view = screen.query_one(DraftView)
    view.focus()
    for _ in range(200):
        sentence = view.sentence
        if sentence is not None and words in sentence.text:
            await pilot.pause()
            return
        await pilot.press("down")
    raise AssertionError(f"no sentence with {words!r}")


async def edit_sections(pilot: Pilot[Any], assessment: str, rehabilitation: str) -> SectionsScreen:
    """Open the caseworker's sections with F2 and fill in two of them (not saved yet)."""
    await pilot.press("f2")
    dialog = await wait_for_screen(pilot, SectionsScreen)
    await pilot.pause()
    dialog.query_one("#assessment", TextArea).text = assessment
    dialog.query_one("#rehabilitation", TextArea).text = rehabilitation
    return dialog


async def test_a_sentence_shows_the_answer_it_came_from(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_kartlaggning(db_path, clock, bank, NAME, BIRTH)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, NAME)
        assert status(screen).startswith("Version 1 · utkast")
        await move_to(pilot, screen, BACK_PAIN)
        shown = sources(screen)
        assert "Kroppsfunktioner" in shown
        assert "Samtal 1, 2026-01-12" in shown
        assert "Svaret: " + BACK_PAIN in shown
        assert "Märkning: ▼ Hinder" in shown
        assert "Tidigare text" in shown  # the edited answer keeps its earlier text
        assert BACK_PAIN_EARLIER in shown
        assert "Frågan: " in shown

        await move_to(pilot, screen, KITCHEN)
        assert "Historik" in sources(screen)
        assert "▲ Resurs" in sources(screen)

        await move_to(pilot, screen, "Boka ett besök")
        shown = sources(screen)
        assert "Vad: Boka ett besök på ett storkök" in shown
        assert "Vem: Handläggaren" in shown
        assert "När: 2026-02-01" in shown
        await quit_app(pilot)


async def test_areas_not_talked_about_are_marked_in_words(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_kartlaggning(db_path, clock, bank, NAME, BIRTH)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot, NAME)
        view = screen.query_one(DraftView)
        prompts = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
        assert "○ Fritidsintressen · togs inte upp" in prompts
        assert any(prompt.startswith("Handläggarens bedömning") for prompt in prompts)
        await move_to(pilot, screen, "Enhet: ")
        assert "Enhetens namn: " + DEFAULT_UNIT in sources(screen)
        await move_to(pilot, screen, "Området har inte tagits upp.")
        assert sources(screen).startswith("Kartläggningen som helhet")
        assert "3 svar i 1 samtal" in sources(screen)
        await quit_app(pilot)


async def test_the_sections_are_saved_and_marked_as_the_caseworkers(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, NAME)
        await edit_sections(pilot, ASSESSMENT, REHABILITATION)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        view = screen.query_one(DraftView)
        prompts = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
        assert "✎ " + ASSESSMENT in prompts
        await move_to(pilot, screen, ASSESSMENT)
        assert "Handläggarens text: Sammanfattning och bedömning" in sources(screen)
        await quit_app(pilot)
    drafts = stored_drafts(db_path, clock, bank, written.kartlaggning_id)
    assert drafts.current.version == 1
    assert drafts.current.sections.assessment == ASSESSMENT
    assert drafts.current.sections.rehabilitation == REHABILITATION
    assert drafts.current.updated_by == CASEWORKER


async def test_mark_reviewed(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, NAME)
        await pilot.press("f4")  # not yet: the read-back needs a reviewed version
        await pilot.pause()
        assert "Granska texten först (F3)" in message(screen)
        await pilot.press("f3")
        await settle(pilot)
        assert status(screen).startswith("Version 1 · granskad")
        assert message(screen) == ""
        await pilot.press("f3")
        await settle(pilot)
        assert message(screen) == "Versionen är redan granskad."
        await quit_app(pilot)
    drafts = stored_drafts(db_path, clock, bank, written.kartlaggning_id)
    assert drafts.current.status is DraftStatus.GRANSKAD
    assert drafts.current.reviewed_by == CASEWORKER


async def test_a_failed_save_keeps_the_typed_sections(
    build_app: AppFactory,
    db_path: Path,
    clock: ManualClock,
    bank: Bank,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH)

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot, NAME)
        monkeypatch.setattr(Repository, "add_draft_version", disk_full)
        dialog = await edit_sections(pilot, ASSESSMENT, REHABILITATION)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert plain(dialog.query_one("#error", Static)) == DISK_FULL
        assert dialog.query_one("#assessment", TextArea).text == ASSESSMENT
        assert dialog.query_one("#rehabilitation", TextArea).text == REHABILITATION

        monkeypatch.undo()  # room on the disk again: the same text is saved
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        await quit_app(pilot)
    drafts = stored_drafts(db_path, clock, bank, written.kartlaggning_id)
    assert drafts.current.sections.assessment == ASSESSMENT


async def test_escape_with_unsaved_sections_asks_first(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    write_kartlaggning(db_path, clock, bank, NAME, BIRTH)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, NAME)
        dialog = await edit_sections(pilot, ASSESSMENT, "")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog
        assert "inte sparat" in plain(dialog.query_one("#error", Static))
        await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)
        await quit_app(pilot)


async def test_an_earlier_signed_version_is_read_only_with_its_checksum(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.UNDERTECKNAD)
    sha256 = stored_drafts(db_path, clock, bank, written.kartlaggning_id).current.sha256
    assert sha256 is not None
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, NAME)
        assert "SHA-256: " + sha256 in status(screen)
        assert "Kontrollsumman stämmer" in status(screen)
        await pilot.press("f8")
        await pilot.pause()
        assert "Det finns inga tidigare versioner." in message(screen)

        # a new version after the signed one: Ctrl+N asks first; Esc leaves version 1 as it is
        await pilot.press("ctrl+n")
        question = await wait_for_screen(pilot, ConfirmScreen)
        assert "Starta version 2?" in plain(question.query_one(".dialog-title", Static))
        await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert status(screen).startswith("Version 1 · undertecknad")
        await pilot.press("f7")  # F7 opens things elsewhere; here it does nothing at all
        await settle(pilot)
        assert app.screen is screen
        assert status(screen).startswith("Version 1 · undertecknad")
        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert status(screen).startswith("Version 2 · utkast")

        await pilot.press("f8")
        await wait_for_screen(pilot, VersionsScreen)
        await pilot.pause()
        await pilot.press("enter")
        earlier = await wait_for_screen(pilot, ReviewScreen)
        assert earlier is not screen
        await settle(pilot)
        await wait_until(pilot, lambda: earlier.shown is not None, "the earlier version")
        line = status(earlier)
        assert line.startswith("Version 1 · undertecknad · bara läsning · den senaste är version 2")
        assert "SHA-256: " + sha256 in line
        assert "✓ Kontrollsumman stämmer" in line
        keys = {binding.binding.action for binding in earlier.active_bindings.values()}
        assert "edit" not in keys
        assert "sign" not in keys
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "back to the latest version")
        await quit_app(pilot)


async def test_export_writes_the_version_shown_where_it_says(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    from interview.tui.screens.export import ExportScreen

    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH)
    exports = db_path.parent / "exports"
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot, NAME)
        await pilot.press("f6")
        dialog = await wait_for_screen(pilot, ExportScreen)
        await pilot.pause()
        prefix = written.kartlaggning_id[:8]
        target = plain(dialog.query_one("#export-target", Static))
        assert target == str(exports / f"sammanstallning-{prefix}-v1.pdf")
        assert "inte underskriven" in plain(dialog.query_one("#export-unsigned", Static))
        await pilot.press("down", "down", "down", "enter")  # the fourth format: Markdown
        await pilot.pause()
        path = exports / f"sammanstallning-{prefix}-v1.md"
        assert plain(dialog.query_one("#export-target", Static)) == str(path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert plain(dialog.query_one("#export-done", Static)) == f"✓ Sparad: {path}"
        assert path.stat().st_mode & 0o777 == 0o600
        assert BACK_PAIN in path.read_text(encoding="utf-8")
        await pilot.press("escape")
        await wait_for_screen(pilot, ReviewScreen)
        await quit_app(pilot)


async def test_a_failed_export_says_why_and_stays_open(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    from interview.tui.screens.export import ExportScreen

    write_kartlaggning(db_path, clock, bank, NAME, BIRTH)
    (db_path.parent / "exports").write_text("not a folder", encoding="utf-8")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, NAME)
        await pilot.press("f6")
        dialog = await wait_for_screen(pilot, ExportScreen)
        await pilot.pause()
        await pilot.press("down", "down", "enter", "ctrl+s")  # HTML
        await settle(pilot)
        assert app.screen is dialog
        assert "kunde inte skrivas" in plain(dialog.query_one("#error", Static))
        assert plain(dialog.query_one("#export-done", Static)) == ""
        await quit_app(pilot)


async def test_answers_changed_after_signing_offer_a_new_version(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    from interview.engine import Interview

    written = write_kartlaggning(db_path, clock, bank, NAME, BIRTH, status=DraftStatus.UNDERTECKNAD)
    with Repository.open(db_path, key=TEST_KEY) as repo:
        record = repo.load(written.kartlaggning_id)
        assert record is not None
        clock.advance(minutes=10)
        Interview(bank, record, repo, clock).edit(record.exchanges[1].id, "Fem år i ett storkök.")
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, NAME)
        assert "Svaren har ändrats efter underskriften. Tryck Ctrl+N" in status(screen)
        await move_to(pilot, screen, KITCHEN)  # the signed text quotes the answer as it was
        assert "Texten citerar version 1 av svaret" in sources(screen)
        await pilot.press("ctrl+n")
        await wait_for_screen(pilot, ConfirmScreen)
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert status(screen).startswith("Version 2 · utkast")
        assert "Svaren har ändrats" not in status(screen)
        view = screen.query_one(DraftView)
        sentences = [view.sentence_at(index) for index in view.sentence_indexes()]
        assert any(item and "Fem år i ett storkök." in item.text for item in sentences)
        await quit_app(pilot)


async def test_f1_explains_the_review_and_its_keys(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    from interview.tui.screens.help import HelpScreen

    write_kartlaggning(db_path, clock, bank, NAME, BIRTH)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot, NAME)
        await pilot.press("f1")
        helper = await wait_for_screen(pilot, HelpScreen)
        text = plain(helper.query_one(Static))
        assert ReviewScreen.HELP in text
        for key, words in (
            ("F2", "bedömningen"),
            ("F5", "Skriv under"),
            ("F8", "Tidigare versioner"),
            ("Ctrl+N", "Starta en ny version"),
        ):
            assert any(line.split()[:1] == [key] and words in line for line in text.splitlines())
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "the help to close")
        await quit_app(pilot)


async def test_typed_text_is_shown_as_text_never_as_markup(
    build_app: AppFactory, db_path: Path, clock: ManualClock, bank: Bank
) -> None:
    from interview.engine import Interview

    name = "Hanna [bold]Hackesson[/bold]"
    hostile = "[link=https://example.org]klicka[/link] \x1b]0;titel\x07 [red]röd[/red]"
    written = write_kartlaggning(db_path, clock, bank, name, BIRTH)
    with Repository.open(db_path, key=TEST_KEY) as repo:
        record = repo.load(written.kartlaggning_id)
        assert record is not None
        Interview(bank, record, repo, clock).edit(record.exchanges[1].id, hostile)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot, name)
        await move_to(pilot, screen, "[link=https://example.org]klicka[/link]")
        shown = sources(screen)
        assert "Svaret: [link=https://example.org]klicka[/link]  [red]röd[/red]" in shown
        assert "\x1b" not in shown
        view = screen.query_one(DraftView)
        prompt = str(view.get_option_at_index(view.highlighted or 0).prompt)
        assert "[red]röd[/red]" in prompt
        assert "\x1b" not in prompt
        assert name in plain(screen.query_one("#topbar", Static))
        await quit_app(pilot)
