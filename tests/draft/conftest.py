"""Fixtures for the sammanställning: Leila's whole kartläggning on a fresh database."""

from __future__ import annotations

from datetime import UTC

import pytest

from interview.banks import Bank
from interview.clock import ManualClock
from interview.draft.workflow import Drafts
from interview.records import KartlaggningRecord
from storage import Repository
from tests.draft.kartlaggning import START, build_kartlaggning

UNIT = "Arbetsmarknadsenheten i Exempelby"


@pytest.fixture
def draft_clock() -> ManualClock:
    """A clock at the start of Leila's first session."""
    return ManualClock(START)


@pytest.fixture
def kartlaggning_id(repo: Repository, bank: Bank, draft_clock: ManualClock) -> str:
    """Leila's kartläggning, stored."""
    return build_kartlaggning(repo, bank, draft_clock)


@pytest.fixture
def record(repo: Repository, kartlaggning_id: str) -> KartlaggningRecord:
    """Leila's kartläggning as loaded from the database."""
    loaded = repo.load(kartlaggning_id)
    assert loaded is not None
    return loaded


@pytest.fixture
def drafts(record: KartlaggningRecord, bank: Bank, repo: Repository, draft_clock: ManualClock) -> Drafts:
    """The sammanställning of Leila's kartläggning (dates shown in UTC)."""
    return Drafts(record, bank, repo, draft_clock, unit=UNIT, zone=UTC)
