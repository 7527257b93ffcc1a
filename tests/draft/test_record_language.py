"""The record is always Swedish: the sammanställning and its exports under another interface language,
and the tolk sentences written from the session's tolk record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC

import pytest

from interview.banks.models import Bank
from interview.catalogs import use_interface_language
from interview.clock import ManualClock
from interview.documents.files import render
from interview.documents.formats import ExportFormat
from interview.draft.compose import tolk_noun
from interview.draft.workflow import Drafts
from interview.i18n import _
from interview.records import TolkLevel, TolkMode, TolkRecord
from storage import Repository
from tests.draft.conftest import UNIT
from tests.draft.kartlaggning import CASEWORKER, NAME, build_kartlaggning


@pytest.fixture
def english() -> Iterator[None]:
    use_interface_language("en")
    try:
        yield
    finally:
        use_interface_language("sv")


def test_the_draft_and_its_export_stay_swedish_under_an_english_interface(
    drafts: Drafts, english: None
) -> None:
    assert _("Spara svar") != "Spara svar"  # the interface really is English now
    draft = drafts.draft()
    use_interface_language("sv")
    swedish = drafts.draft()
    use_interface_language("en")
    assert draft == swedish
    markdown = render(draft, None, ExportFormat.MD).decode("utf-8")
    assert "Sammanställning av kartläggning" in markdown
    assert "utkast" in markdown and "draft" not in markdown.casefold()


@pytest.mark.parametrize(
    ("tag", "noun"),
    [
        ("ar", "arabisktolk"),
        ("ti", "tigrinjatolk"),
        ("prs", "daritolk"),
        ("uk", "ukrainsktolk"),
        ("ckb", "tolk på kurdiska (sorani)"),
    ],
)
def test_the_tolk_is_named_the_swedish_way(tag: str, noun: str) -> None:
    assert tolk_noun(tag) == noun


def test_the_tolk_record_is_written_in_the_heading_and_the_read_back(
    repo: Repository, bank: Bank, draft_clock: ManualClock
) -> None:
    kartlaggning_id = build_kartlaggning(repo, bank, draft_clock)
    record = repo.load(kartlaggning_id)
    assert record is not None
    tolk = TolkRecord(
        language="ar",
        dialect="syrisk",
        mode=TolkMode.TELEFON,
        level=TolkLevel.AUKTORISERAD,
        agency="Tolkförmedling Exempel",
        booking_reference="B-1234",
    )
    last = record.sessions[-1].model_copy(update={"tolk": True, "tolk_record": tolk})
    with_tolk = record.model_copy(update={"sessions": (*record.sessions[:-1], last)})
    drafts = Drafts(with_tolk, bank, repo, draft_clock, unit=UNIT, zone=UTC)
    heading = " ".join(s.text for b in drafts.draft().sections[0].blocks for s in b.sentences)
    assert (
        f"Samtal {last.number} hölls med arabisktolk (syrisk) via telefon; auktoriserad tolk "
        "från Tolkförmedling Exempel, bokning B-1234."
    ) in heading
    read_back = _read_back_text(drafts)
    assert "tolkats till arabiska" not in read_back  # not read back yet
    drafts.mark_reviewed(CASEWORKER)
    drafts.finish_read_back("", CASEWORKER)
    assert (
        f"Sammanställningen har tolkats till arabiska innan {NAME.split()[0]} lämnade synpunkter "
        "och skrev under."
    ) in _read_back_text(drafts)


def _read_back_text(drafts: Drafts) -> str:
    [section] = [s for s in drafts.draft().sections if s.id == "read_back"]
    return " ".join(s.text for b in section.blocks for s in b.sentences)
