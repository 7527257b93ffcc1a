"""Acceptance in a real terminal: nothing personal lands in any file outside the encrypted database.

``kartlagg demo`` runs under tmux with its XDG folders, ``HOME`` and ``TMPDIR`` (also SQLite's) all
inside one test folder. A fictional person with a canary name, personnummer and answer is added, a
session is started, the answer saved and tagged, the privacy curtain shown, and the app closed. Then
every byte of every file under that folder is searched for the canaries (UTF-8 and UTF-16): logs,
caches, temp files, the database's side files. The database itself holds them, but only encrypted
(its decrypted pages are checked too, so the search is known to look at real data).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from interview.demo import FINISHED_PARTICIPANT, HALFWAY_PARTICIPANT, NEW_PARTICIPANT
from interview.passphrase import DEMO_PASSPHRASE
from tests.e2e.conftest import Home, Terminal, open_participant, save_answer
from tests.storage.sqlcipher_pages import holds

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CANARY_NAME = "Kanarie Spårlösdotter"
CANARY_NUMBER = "19851224-9817"
CANARY_ANSWER = "Blåbärssoppa vid Kanarieviken sjuttiotre"
CASEWORKER = "Hanna Testsson"
SETTLE = 0.5
OTHERS = (NEW_PARTICIPANT[0], HALFWAY_PARTICIPANT[0], FINISHED_PARTICIPANT[0])
CANARIES = (
    "Kanarie",
    "Spårlösdotter",
    CANARY_NUMBER,
    CANARY_NUMBER.replace("-", ""),
    "198512249817",
    CANARY_ANSWER,
    "Kanarieviken",
)


@dataclass(frozen=True)
class SealedHome(Home):
    """A home whose ``HOME`` and temp folders are inside it too."""

    @property
    def env(self) -> dict[str, str]:
        """The XDG variables, ``HOME``, ``TMPDIR`` and ``SQLITE_TMPDIR``."""
        folders = {
            "HOME": str(self.root / "home"),
            "TMPDIR": str(self.root / "tmp"),
            "SQLITE_TMPDIR": str(self.root / "tmp"),
        }
        return {**super().env, **folders}


def _files(root: Path, skip: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_relative_to(skip):
            yield path


def test_no_canary_in_any_file_the_app_writes_outside_the_encrypted_database(
    tmux: str, tmp_path: Path
) -> None:
    home = SealedHome(tmp_path / "sealed")
    for name in ("home", "tmp"):
        (home.root / name).mkdir(parents=True)
    terminal = Terminal(tmux, home, tmp_path)
    try:
        terminal.start("demo")
        terminal.wait_for(*OTHERS)
        terminal.keys("C-n")
        terminal.wait_for("Ny deltagare", "Personnummer")
        time.sleep(SETTLE)  # the dialog gives its first field the focus once it is shown
        terminal.type(CANARY_NAME)
        terminal.wait_for(CANARY_NAME)
        terminal.keys("Tab")
        time.sleep(SETTLE)  # let the focus reach the number field before typing into it
        terminal.type(CANARY_NUMBER)
        terminal.wait_until(
            lambda screen: any(
                CANARY_NUMBER in line and CANARY_NAME not in line for line in screen.splitlines()
            ),
            "the number in its own field",
        )
        terminal.keys("C-s")  # without the caseworker's name the dialog asks for it and moves there
        terminal.wait_for("Skriv ditt namn som handläggare.")
        terminal.type(CASEWORKER)
        terminal.wait_for(CASEWORKER)
        terminal.keys("C-s")
        terminal.wait_for("är tillagd")
        open_participant(terminal, CANARY_NAME, "kanarie", OTHERS)
        terminal.keys("Enter")
        terminal.wait_for("Starta samtalet", CASEWORKER)  # the name given when adding is kept
        terminal.keys("C-s")
        terminal.wait_for("Deltagarens svar")
        time.sleep(SETTLE)  # the answer box takes the focus once the session screen is shown
        save_answer(terminal, CANARY_ANSWER)
        terminal.keys("C-o")
        terminal.wait_until(lambda screen: CANARY_ANSWER not in screen, "the curtain")
        terminal.keys("Enter")
        terminal.wait_for(CANARY_ANSWER)
        terminal.keys("C-q")
        assert terminal.wait_for_exit().status == 0
    finally:
        terminal.close()

    database = home.demo_database
    assert holds(database, DEMO_PASSPHRASE, CANARY_ANSWER)  # the data is there, encrypted
    exports = home.locations.exports
    searched = list(_files(home.root, exports))
    assert database in searched
    for path in searched:
        data = path.read_bytes()
        for canary in CANARIES:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert canary.encode(encoding) not in data, (path.relative_to(home.root), canary)
