"""Acceptance in a real terminal: review, read back, sign and export a sammanställning.

``kartlagg demo`` runs under tmux. The finished demo participant's draft is marked granskad, read
through with synpunkter typed on the read-back screen, signed in the dialog and exported as a PDF.
Afterwards the database (opened read-only) holds a frozen version 1 whose SHA-256 is the one the
screen showed, and the PDF (0600) prints the same hash and the synpunkter.
"""

from __future__ import annotations

import re
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from interview.demo import FINISHED_PARTICIPANT
from interview.draft.models import DraftStatus
from interview.passphrase import DEMO_PASSPHRASE
from storage import Repository
from tests.e2e.conftest import Home, Terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

NAME = FINISHED_PARTICIPANT[0]
SYNPUNKTER = "Jag vill lägga till att jag har truckkort."
SETTLE = 0.5
_HASH = re.compile(r"\b[0-9a-f]{64}\b")


def test_a_draft_is_read_back_signed_and_exported(
    new_terminal: Callable[[], Terminal], home: Home
) -> None:
    app = new_terminal().start("demo")
    app.wait_for("Sara Demosson")
    app.keys("F7")
    app.wait_for("Sammanställningar", NAME)
    app.keys("Enter")
    app.wait_for("Version 1 · utkast", "Varifrån texten kommer")

    app.keys("F3")
    app.wait_for("Version 1 · granskad")
    app.keys("F4")
    app.wait_for("Del 1 av")
    app.keys("End")
    app.wait_for("Deltagarens synpunkter")
    app.type(SYNPUNKTER)
    app.wait_for(SYNPUNKTER)
    app.keys("F10")
    app.wait_for("Version 1 · genomläst med deltagaren")

    app.keys("F5")
    app.wait_for("Deltagaren har läst texten och godkänner den")
    time.sleep(SETTLE)  # the dialog gives focus to its first field once it is shown
    for _ in range(3):  # participant's name → caseworker's name → date → the tick box
        app.keys("Tab")
        time.sleep(SETTLE)
    app.keys("Space")
    app.wait_for("✓▌ Deltagaren har läst")
    app.keys("C-s")
    screen = app.wait_until(lambda s: _HASH.search(s) is not None, "the SHA-256 on screen")
    assert "undertecknad" in screen
    match = _HASH.search(screen)
    assert match is not None
    shown = match.group(0)

    app.keys("F6")
    app.wait_for("Sparas som")
    app.keys("C-s")
    done = app.wait_for("Sparad:")
    app.keys("Escape")
    app.keys("C-q")
    assert app.wait_for_exit().status == 0

    with Repository.open(home.demo_database, key=DEMO_PASSPHRASE, read_only=True) as repo:
        (row,) = [r for r in repo.draft_listing() if r.participant_name == NAME]
        (version,) = repo.draft_versions(row.kartlaggning_id)
    assert version.status is DraftStatus.UNDERTECKNAD
    assert version.sha256 == shown
    assert version.synpunkter == SYNPUNKTER

    exports = home.locations.exports
    (pdf,) = exports.glob("sammanstallning-*-v1.pdf")
    assert pdf.name in "".join(done.split()), "the screen names the file it wrote"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    text = _pdftotext(pdf)
    assert shown in text
    assert SYNPUNKTER in " ".join(text.split())


def _pdftotext(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout
