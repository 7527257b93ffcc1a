"""The medgivande on the overview and its screens: register, expired, withdraw, mistakes, the notice."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static

from interview.clock import ManualClock
from interview.consent import Category, Consent, Direction, Party, PartyKind
from interview.tui.screens.consent import ConsentFormScreen, ConsentScreen, WithdrawConsentScreen
from interview.tui.screens.overview import OverviewScreen
from interview.tui.screens.privacy_notice import PrivacyNoticeScreen
from storage import Repository
from tests.keys import TEST_KEY
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    CASEWORKER,
    add_participant_directly,
    fake_number,
    field_message,
    open_participant,
    plain,
    quit_app,
    settle,
    stored,
    wait_for_screen,
)

NAME = "Samir Påhittad"
NUMBER = fake_number("19910203")
PURPOSE = "Planera stöd mot arbete"


def screen_text(app: App[None]) -> str:
    """Every character the terminal shows now."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def consent_line(overview: OverviewScreen) -> str:
    """What the overview says about the medgivande."""
    return plain(overview.query_one("#consent", Static))


async def open_form(pilot: Pilot[Any]) -> ConsentFormScreen:
    """From the overview: m, then n for a new medgivande."""
    await pilot.press("m")
    await wait_for_screen(pilot, ConsentScreen)
    await settle(pilot)
    await pilot.press("n")
    form = await wait_for_screen(pilot, ConsentFormScreen)
    await pilot.pause()
    return form


def fill_in(form: ConsentFormScreen) -> None:
    """Fill in a medgivande with Arbetsförmedlingen and Försäkringskassan."""
    form.query_one("#caseworker", Input).value = CASEWORKER
    form.query_one("#party-arbetsformedlingen", Checkbox).value = True
    form.query_one("#party-forsakringskassan", Checkbox).value = True
    form.query_one("#category-identitet", Checkbox).value = True
    form.query_one("#category-arbetslivserfarenhet", Checkbox).value = True
    form.query_one("#purpose", Input).value = PURPOSE
    form.query_one("#voluntary", Checkbox).value = True


async def back_to_overview(pilot: Pilot[Any]) -> OverviewScreen:
    """Esc from the consent screen; wait until the overview has loaded again."""
    await pilot.press("escape")
    overview = await wait_for_screen(pilot, OverviewScreen)
    await settle(pilot)
    return overview


async def test_register_then_withdraw_a_medgivande(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 50)) as pilot:
        overview = await open_participant(pilot)
        assert consent_line(overview) == "Inget medgivande registrerat"
        assert overview.query_one("#consent").has_class("warning")

        form = await open_form(pilot)
        fill_in(form)
        await pilot.press("ctrl+s")
        consent_screen = await wait_for_screen(pilot, ConsentScreen)
        await settle(pilot)
        shown = plain(consent_screen.query_one("#consent-current", Static))
        assert "Arbetsförmedlingen – får hämta och lämna uppgifter" in shown
        assert PURPOSE in shown and "medgivande-2026-1" in shown
        overview = await back_to_overview(pilot)
        assert consent_line(overview) == (
            "Medgivande: gäller till 2027-01-12 (Arbetsförmedlingen, Försäkringskassan)"
        )
        assert not overview.query_one("#consent").has_class("warning")

        await pilot.press("m")
        await wait_for_screen(pilot, ConsentScreen)
        await settle(pilot)
        await pilot.press("a")
        withdraw_form = await wait_for_screen(pilot, WithdrawConsentScreen)
        await pilot.pause()
        withdraw_form.query_one("#caseworker", Input).value = CASEWORKER
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ConsentScreen)
        await settle(pilot)
        overview = await back_to_overview(pilot)
        assert consent_line(overview) == "Medgivande: ÅTERKALLAT 2026-01-12"
        assert overview.query_one("#consent").has_class("warning")
        assert "ÅTERKALLAT" in screen_text(app)
        await quit_app(pilot)
    with stored(db_path) as repo:
        [consent] = repo.consents(participant.id)
        assert consent.withdrawal is not None
        assert [party.kind for party in consent.parties] == [
            PartyKind.ARBETSFORMEDLINGEN,
            PartyKind.FORSAKRINGSKASSAN,
        ]
        assert repo.verify_audit().ok


async def test_an_expired_medgivande_is_a_warning(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, NAME, NUMBER)
    with Repository.open(db_path, key=TEST_KEY) as repo:
        repo.add_consent(
            Consent(
                participant_id=participant.id,
                parties=(Party(kind=PartyKind.FORSAKRINGSKASSAN, direction=Direction.OBTAIN),),
                categories=(Category.HEALTH,),
                purpose=PURPOSE,
                valid_from=date(2025, 1, 10),
                valid_to=date(2025, 10, 1),
                voluntary_explained=True,
                signed_on=date(2025, 1, 10),
                created_at=datetime(2025, 1, 10, 9, 0, tzinfo=UTC),
                created_by=CASEWORKER,
            )
        )
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        overview = await open_participant(pilot)
        assert consent_line(overview) == "Medgivande: UTGÅNGET 2025-10-01"
        assert overview.query_one("#consent").has_class("warning")
        await quit_app(pilot)


async def test_a_bad_date_is_explained_and_nothing_typed_is_lost(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    participant = add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_participant(pilot)
        form = await open_form(pilot)
        fill_in(form)
        form.query_one("#valid-from", Input).value = "2026-13-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConsentFormScreen)
        assert field_message(form, "valid-from").startswith("Gäller från: Skriv datumet som ÅÅÅÅ-MM-DD")
        assert form.focused is form.query_one("#valid-from", Input)
        assert form.query_one("#purpose", Input).value == PURPOSE
        assert form.query_one("#party-forsakringskassan", Checkbox).value

        form.query_one("#valid-from", Input).value = "2026-01-12"
        form.query_one("#valid-to", Input).value = "2027-02-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "högst 12 månader" in field_message(form, "valid-to")
        assert field_message(form, "valid-from") == ""
        assert form.focused is form.query_one("#valid-to", Input)
        assert form.query_one("#purpose", Input).value == PURPOSE

        form.query_one("#valid-to", Input).value = "2026-06-30"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ConsentScreen)
        overview = await back_to_overview(pilot)
        assert consent_line(overview).startswith("Medgivande: gäller till 2026-06-30")
        await quit_app(pilot)
    with stored(db_path) as repo:
        assert [c.valid_to for c in repo.consents(participant.id)] == [date(2026, 6, 30)]


async def test_the_privacy_notice_opens_with_i_and_closes_with_esc(
    build_app: AppFactory, db_path: Path, clock: ManualClock
) -> None:
    add_participant_directly(db_path, clock, NAME, NUMBER)
    app = build_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_participant(pilot)
        await pilot.press("i")
        await wait_for_screen(pilot, PrivacyNoticeScreen)
        await pilot.pause()
        shown = screen_text(app)
        assert "Information om personuppgifter" in shown
        assert f"{app.backend.unit} är ansvarig" in shown
        assert "Integritetsskyddsmyndigheten" in shown
        await pilot.press("escape")
        await wait_for_screen(pilot, OverviewScreen)
        await quit_app(pilot)
