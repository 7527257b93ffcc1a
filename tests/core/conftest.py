"""Fixtures of the command-line tests: the user's folders of one test, a scripted prompt, a runner.

The command line asks for the unit's passphrase through its context's prompt; here the prompt types
the test key unless a test scripts other answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.paths import Locations
from tests.cli_runner import Kartlagg, ScriptedPrompt
from tests.keys import TEST_KEY


@pytest.fixture
def locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Locations:
    """The user's folders, inside this test's own temporary folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return Locations.for_user()


@pytest.fixture
def prompt() -> ScriptedPrompt:
    """Answers every passphrase question with the test key unless the test scripts more."""
    return ScriptedPrompt(default=TEST_KEY)


@pytest.fixture
def kartlagg(locations: Locations, prompt: ScriptedPrompt) -> Kartlagg:
    """Runs ``kartlagg`` over this test's folders with the scripted prompt and the real clock."""
    return Kartlagg(locations, prompt)
