"""Any text survives save → reload → display: the Big List of Naughty Strings and Hypothesis.

An answer is stored exactly as typed (only line endings are unified and a lone surrogate, which
cannot be stored at all, becomes U+FFFD), comes back from the database unchanged, and is drawn in the
app's answer bubble without an error and without a single control character reaching the terminal.
Whitespace-only text is refused with a Swedish message, never an exception of another kind.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll

from interview.engine import Interview, InterviewError
from interview.records import Exchange
from interview.text import clean_input
from interview.tui.widgets.chat import AnswerBubble
from storage import Repository

BLNS = json.loads((Path(__file__).resolve().parents[1] / "data" / "blns.json").read_text("utf-8"))
"""The Big List of Naughty Strings (MIT licence, beside it in tests/data), as shipped to us."""
CONTROL = {chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))} - {"\n"}


def save_and_reload(interview: Interview, repo: Repository, text: str) -> Exchange | None:
    """Answer with ``text`` and return the exchange as the database has it (None if refused)."""
    interview.ask_own("Berätta mer om det.")  # a free-text question (no 0–10 scale) every time
    try:
        saved = interview.answer(text)
    except InterviewError as error:
        assert not clean_input(text).strip(), f"refused: {error}"
        assert str(error)  # a Swedish sentence, shown to the user
        return None
    record = repo.load(interview.kartlaggning.id)
    assert record is not None
    [stored] = [exchange for exchange in record.exchanges if exchange.id == saved.id]
    assert stored.answer == clean_input(text)
    return stored


def drawn(exchange: Exchange) -> str:
    """The answer bubble's text as the terminal gets it."""
    console = Console(width=60, record=True, color_system=None, force_terminal=True)
    with console.capture():
        console.print(AnswerBubble(exchange).content)
    return console.export_text()


def test_every_naughty_string_is_stored_unchanged_and_drawn_safely(
    interview: Interview, repo: Repository
) -> None:
    assert len(BLNS) > 500
    for text in BLNS:
        stored = save_and_reload(interview, repo, text)
        if stored is not None:
            shown = drawn(stored)
            assert not CONTROL & set(shown), repr(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec=None), min_size=1, max_size=300))
def test_any_unicode_text_survives(interview: Interview, repo: Repository, text: str) -> None:
    stored = save_and_reload(interview, repo, text)
    if stored is not None:
        assert not CONTROL & set(drawn(stored))


class Bubbles(App[None]):
    """A bare app that draws answer bubbles, as the chat does."""

    def __init__(self, exchanges: list[Exchange]) -> None:
        super().__init__()
        self.exchanges = exchanges

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield from (AnswerBubble(exchange) for exchange in self.exchanges)


@pytest.mark.slow
async def test_the_app_draws_all_of_them(interview: Interview, repo: Repository) -> None:
    exchanges = [e for text in BLNS if (e := save_and_reload(interview, repo, text)) is not None]
    app = Bubbles(exchanges)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        scroll = app.query_one(VerticalScroll)
        for _ in range(0, len(exchanges), 10):
            scroll.scroll_down(animate=False)
            await pilot.pause()
            strips = app.screen._compositor.render_strips()
            text = "".join(strip.text for strip in strips)
            assert not CONTROL & set(text)
    assert app.return_code in (None, 0)
