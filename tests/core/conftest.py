"""The command line asks for the unit's passphrase on the terminal; here it is typed by the fixture."""

from __future__ import annotations

import pytest

from tests.keys import TEST_KEY


@pytest.fixture(autouse=True)
def typed_passphrase(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every passphrase prompt with the test key; the prompts shown are collected."""
    prompts: list[str] = []

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return TEST_KEY

    monkeypatch.setattr("interview.export_command.read_passphrase", typed)
    return prompts
