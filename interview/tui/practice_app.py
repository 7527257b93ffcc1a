"""``kartlagg practice``: the språkcafé on its own, without any database."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from interview.i18n import _
from interview.practice.session import PracticeMaterial, PracticeSession
from interview.practice.speech import Speaker
from interview.rtl import RtlMode
from interview.tui.base_app import BaseApp
from interview.tui.commands import WantedKeys
from interview.tui.crash import crash_report


class _Loading(Screen[None]):
    """What shows while the content loads (or why it could not)."""

    def compose(self) -> ComposeResult:
        """One line."""
        yield Static(_("Språkcafé öppnas …"), id="loading", markup=False)


class PracticeApp(BaseApp):
    """Språkcafé practice: opens no database, writes no file."""

    CSS_PATH = "kartlagg.tcss"
    TITLE = "kartlagg språkcafé"
    APP_CONTEXT = "practice_app"

    def __init__(
        self,
        banks: list[Path],
        *,
        language: str | None = None,
        speaker: Speaker | None = None,
        rtl_mode: RtlMode = RtlMode.VISUAL,
        now: Callable[[], float] = time.monotonic,
        keymap: WantedKeys | None = None,
    ) -> None:
        """Practise with the content beside ``banks``, translated into ``language``."""
        super().__init__(keymap)
        self.banks = banks
        self.language = language
        self.speaker = speaker or Speaker.find()
        self.rtl_mode = rtl_mode
        self.now = now

    def on_mount(self) -> None:
        """Use the calm theme and load the content in a thread."""
        self.use_theme()
        self.push_screen(_Loading())
        self.run_worker(lambda: PracticeMaterial.load(self.banks), thread=True, name="load-practice")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Open the practice once the content is loaded; say why if it cannot be."""
        if event.worker.name != "load-practice":
            return
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, PracticeMaterial):
            from interview.tui.screens.practice import PracticeScreen

            session = PracticeSession(event.worker.result, language_tag=self.language)
            self.switch_screen(
                PracticeScreen(session, speaker=self.speaker, rtl_mode=self.rtl_mode, now=self.now)
            )
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, LookupError):
                message = str(error)
            else:
                message = crash_report(error) if error is not None else ""
            self.screen.query_one("#loading", Static).update(Text(message))


def make_practice_app(
    banks: list[Path] | None = None,
    *,
    language: str | None = None,
    speaker: Speaker | None = None,
    rtl_mode: RtlMode = RtlMode.VISUAL,
    now: Callable[[], float] = time.monotonic,
    keymap: WantedKeys | None = None,
) -> PracticeApp:
    """Build the practice app over the bank folders ``banks`` (the shipped ones when not given)."""
    from interview.paths import Locations

    folders = banks if banks is not None else [Locations.for_user().shipped_banks]
    return PracticeApp(
        folders, language=language, speaker=speaker, rtl_mode=rtl_mode, now=now, keymap=keymap
    )
