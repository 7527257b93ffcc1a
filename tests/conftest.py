"""Shared fixtures: the shipped bank, a manual clock and a repository on a temporary database.

The user's real folders are never touched: XDG variables point into a temporary folder before any test
runs, and every test that writes gets its own ``tmp_path``.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview.banks import Bank, BankLibrary
from interview.clock import ManualClock
from interview.engine import Interview
from interview.participants import new_participant
from interview.paths import Locations
from interview.records import Participant
from storage import Repository
from tests.keys import TEST_KEY

CASEWORKER = "Handläggare Hanna Exempel"


def pytest_configure(config: pytest.Config) -> None:
    """Point the XDG folders at a temporary place for the whole run."""
    home = Path(tempfile.mkdtemp(prefix="kartlagg-test-home-"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(home / name.lower())
    # Times on screen are local times: one fixed zone makes screens the same on every machine.
    os.environ["TZ"] = "Europe/Stockholm"
    time.tzset()


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The shipped SASSAM bank."""
    return BankLibrary.discover([Locations.for_user().shipped_banks]).get("sassam")


@pytest.fixture
def clock() -> ManualClock:
    """A clock that only moves when a test moves it."""
    return ManualClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database lives."""
    return tmp_path / "data" / "kartlagg.db"


@pytest.fixture
def repo(db_path: Path) -> Iterator[Repository]:
    """An open repository on a fresh database."""
    repository = Repository.open(db_path, key=TEST_KEY)
    yield repository
    repository.close()


@pytest.fixture
def participant(clock: ManualClock) -> Participant:
    """A fictional participant with a valid (invented) personnummer."""
    return new_participant("Amina Testdotter", "19850312-2387", clock, CASEWORKER)


@pytest.fixture
def interview(bank: Bank, repo: Repository, participant: Participant, clock: ManualClock) -> Interview:
    """A new kartläggning with an open session."""
    repo.add_participant(participant)
    started = Interview.begin(bank, participant, repo, clock, CASEWORKER)
    started.start_session(CASEWORKER)
    return started
