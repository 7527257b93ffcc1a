"""F10 ends practice: the app closes and nothing typed is kept."""

from __future__ import annotations

from tests.practice_tui.conftest import PracticeFactory
from tests.practice_tui.helpers import open_practice, type_in_box, type_text


async def test_f10_ends_practice_and_forgets_what_was_typed(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_practice(pilot)
        session = screen.session
        await type_in_box(pilot, screen, "Första")
        await pilot.press("f8")
        await type_text(pilot, "Andra")
        await pilot.press("escape")
        assert len(session.drafts) == 2
        await pilot.press("f10")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    assert session.drafts == {}


async def test_f10_typed_in_the_box_ends_practice_too(build_practice: PracticeFactory) -> None:
    app = build_practice()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_practice(pilot)
        session = screen.session
        await type_in_box(pilot, screen, "Hej")
        await pilot.press("f10")
        await pilot.pause()
        assert not app.is_running
    assert session.drafts == {}
