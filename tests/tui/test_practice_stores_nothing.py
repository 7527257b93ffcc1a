"""Språkcafé stores nothing: a practice through every view writes no file and opens no database.

The whole practice runs under Pilot with every way of writing watched: the data, configuration, cache
and state folders and the temp folder are listed before and after (name, size, modification time),
``sqlite3.connect`` and the storage layer's connection factory fail the test if called, and every
``open`` in a writing mode (builtin, and ``io.open`` that pathlib uses) is recorded.
"""

from __future__ import annotations

import builtins
import io
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

import storage.connection
from interview.paths import Locations, shipped_data_dir
from interview.practice.speech import Speed
from interview.tui.practice_app import PracticeApp, make_practice_app
from interview.tui.screens.practice import PracticeScreen

Tree = dict[str, tuple[int, int]]


def tree(folder: Path) -> Tree:
    """Every file under ``folder`` with its size and modification time."""
    if not folder.exists():
        return {}
    found: Tree = {}
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def watched_folders() -> list[Path]:
    """The folders the app could write to: its own and the temp folder (made empty for the test)."""
    locations = Locations.for_user()
    xdg = [Path(os.environ[name]) for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME")]
    return [locations.data_dir, locations.config_dir, *xdg, Path(tempfile.gettempdir())]


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temp folder of the test's own, so that only the app's temp files could appear in it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert Path(tempfile.gettempdir()) == folder
    yield folder
    tempfile.tempdir = None


class RecordingSpeaker:
    """Reads nothing aloud; remembers what it was asked to say."""

    available = True

    def __init__(self) -> None:
        """Start with nothing said."""
        self.said: list[tuple[str, Speed]] = []

    def say(self, text: str, speed: Speed = Speed.NORMAL) -> None:
        """Record ``text``."""
        self.said.append((text, speed))


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail on any database connection; record every file opened for writing."""
    opened: list[str] = []
    real_open = builtins.open

    def no_connect(*args: Any, **kwargs: Any) -> Any:
        msg = "practice opened a database"
        raise AssertionError(msg)

    def watching_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            opened.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", no_connect)
    monkeypatch.setattr(storage.driver.sqlite, "connect", no_connect)
    monkeypatch.setattr(storage.connection, "connect", no_connect)
    monkeypatch.setattr(builtins, "open", watching_open)
    monkeypatch.setattr(io, "open", watching_open)  # what pathlib writes with
    yield opened


async def ready(pilot: Pilot[Any]) -> PracticeScreen:
    """Wait until the content is loaded and the practice is on screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PracticeScreen)
    return screen


async def test_a_practice_through_every_view_writes_nothing(own_temp: Path, writes: list[str]) -> None:
    before = {str(folder): tree(folder) for folder in watched_folders()}
    speaker = RecordingSpeaker()
    app = make_practice_app(
        [shipped_data_dir("question_banks")],
        speaker=speaker,  # type: ignore[arg-type]
        now=lambda: 1000.0,
    )
    assert isinstance(app, PracticeApp)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        # Questions: move on, choose a language, show and hide the translation, read aloud.
        await pilot.press("f8", "f8", "right", "left", "pagedown")
        await pilot.press("f2")  # no language yet: the picker opens
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # a language from the list
        await pilot.pause()
        assert screen.session.language is not None
        await pilot.press("f3", "f4")
        # Type an answer in the practice box, as a learner would.
        screen.query_one("#practice-box").focus()
        await pilot.press(*"Jag heter Testa Testsson", "enter", *"och jag bor i Exempelby")
        await pilot.press("ctrl+s", "escape")
        # Every tab, the projector and the help.
        for tab in ("2", "3", "4"):
            await pilot.press(tab, "f8", "f2", "f2")
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("right", "f2", "space", "escape")
        await pilot.press("5", "space", "plus", "r", "minus")
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.press("1", "f6", "escape")
        await pilot.pause()
        assert screen.session.drafts, "what was typed is kept while practising"
        assert speaker.said, "read aloud was asked for"
        await pilot.press("f10")
        await pilot.pause()
    assert not screen.session.drafts, "what was typed is gone when practice ends"
    assert writes == [], f"practice opened files for writing: {writes}"
    after = {str(folder): tree(folder) for folder in watched_folders()}
    for folder, files in before.items():
        assert after[folder] == files, f"practice changed files in {folder}"
    assert list(own_temp.iterdir()) == []


def test_the_practice_app_does_not_load_the_storage_layer() -> None:
    """The practice app's modules never import the database layer (checked in a clean interpreter)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from interview.tui.practice_app import make_practice_app\n"
        "import interview.tui.screens.practice, interview.tui.screens.projector\n"
        "import interview.practice.session\n"
        "loaded = sorted(m for m in sys.modules if m == 'storage' or m.startswith('storage.')"
        " or m in ('sqlite3', 'sqlcipher3', 'sqlite_utils'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
