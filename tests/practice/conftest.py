"""Fixtures for the språkcafé unit tests: the shipped files, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview.banks import Bank
from interview.paths import shipped_data_dir
from interview.practice.loader import PracticeLibrary, practice_folders
from interview.practice.session import PracticeMaterial

SHIPPED_TAGS = ("ar", "en", "fa", "prs", "so", "ti", "uk")


@pytest.fixture(scope="session")
def shipped_banks() -> Path:
    """The shipped question_banks folder."""
    return shipped_data_dir("question_banks")


@pytest.fixture(scope="session")
def shipped_practice(shipped_banks: Path) -> PracticeLibrary:
    """The shipped språkcafé content and translations."""
    return PracticeLibrary.discover(practice_folders([shipped_banks]))


@pytest.fixture(scope="session")
def material(shipped_banks: Path, bank: Bank) -> PracticeMaterial:
    """The shipped material as the app loads it."""
    loaded = PracticeMaterial.load([shipped_banks])
    assert loaded.bank == bank
    return loaded


@pytest.fixture
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty configuration folder, so that no unit's own banks take part."""
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config
