"""Fixtures of the command-line tests: the user's folders of one test, and the typed passphrase.

The command line asks for the unit's passphrase on the terminal; here the fixture types it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.paths import Locations
from tests.keys import TEST_KEY


@pytest.fixture
def locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Locations:
    """The user's folders, inside this test's own temporary folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return Locations.for_user()


@pytest.fixture(autouse=True)
def typed_passphrase(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every passphrase prompt with the test key; the prompts shown are collected."""
    prompts: list[str] = []

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return TEST_KEY

    monkeypatch.setattr("interview.commands.read_passphrase", typed)
    return prompts
